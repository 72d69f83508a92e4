using GraphMtl.Data.Molecules;

namespace GraphMtl.Tests.Data.Molecules;

public sealed class MoleculeFeaturizerTests
{
    public sealed class TheFeaturizeMethod
    {
        [Fact]
        public void Should_Produce_Arrays_Of_The_Documented_Sizes()
        {
            // Given ethanol: 3 atoms, 2 bonds
            // When
            var g = MoleculeFeaturizer.Featurize(SmilesParser.Parse("CCO"));

            // Then two directed edges per bond
            Assert.Equal(133, MoleculeFeaturizer.AtomFeatureDim);
            Assert.Equal(14, MoleculeFeaturizer.BondFeatureDim);
            Assert.Equal(3, g.NumAtoms);
            Assert.Equal(3 * 133, g.AtomFeatures.Length);
            Assert.Equal(4, g.NumEdges);
            Assert.Equal(4 * 14, g.EdgeFeatures.Length);
            Assert.Equal(new[] { 0, 1, 1, 2 }, g.EdgeSource);
            Assert.Equal(new[] { 1, 0, 2, 1 }, g.EdgeTarget);
            Assert.Equal(3, g.AtomicNumberIds.Length);
            Assert.Equal(4, g.BondTypeIds.Length);
        }

        [Fact]
        public void Should_Set_The_Chemprop_One_Hots_Of_A_Benzene_Carbon()
        {
            // Given benzene
            // When
            var f = MoleculeFeaturizer.Featurize(SmilesParser.Parse("c1ccccc1")).AtomFeatures.AsSpan(0, 133);

            // Then Z=6 -> 5; degree 3 -> 101+3; charge 0 -> 108+4; chiral 0 -> 114; 1 H -> 119+1; SP2 -> 125+1;
            // aromatic; mass 12.011 x 0.01
            int[] hot = [5, 104, 112, 114, 120, 126, 131];
            for (int k = 0; k < 132; k++) Assert.Equal(hot.Contains(k) ? 1f : 0f, f[k]);
            Assert.Equal(0.12011f, f[132], 5);
        }

        [Fact]
        public void Should_Use_The_Unknown_Slots()
        {
            // Given the wildcard (Z-1 = -1), a +3 charge and a carbon with five neighbours and no H... and [Na+]
            // When
            var star = MoleculeFeaturizer.Featurize(SmilesParser.Parse("*C")).AtomFeatures.AsSpan(0, 133);
            var al = MoleculeFeaturizer.Featurize(SmilesParser.Parse("[Al+3]")).AtomFeatures.AsSpan(0, 133);
            var na = MoleculeFeaturizer.Featurize(SmilesParser.Parse("[Na+]")).AtomFeatures.AsSpan(0, 133);

            // Then
            Assert.Equal(1f, star[100]);     // atomic number unknown
            Assert.Equal(1f, al[108 + 5]);   // charge unknown
            Assert.Equal(1f, na[125 + 5]);   // hybridisation S is outside SP..SP3D2
        }

        [Fact]
        public void Should_Set_Bond_Features_And_Stereo()
        {
            // Given E-1,2-difluoroethene and benzene
            // When
            var ethene = MoleculeFeaturizer.Featurize(SmilesParser.Parse("F/C=C/F"));
            var benzene = MoleculeFeaturizer.Featurize(SmilesParser.Parse("c1ccccc1"));

            // Then the double bond (bond 1, edges 2 and 3): double, conjugated=0, not in ring, stereo E (3)
            var d = ethene.EdgeFeatures.AsSpan(2 * 14, 14).ToArray();
            Assert.Equal(new float[] { 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0 }, d);
            Assert.Equal(d, ethene.EdgeFeatures.AsSpan(3 * 14, 14).ToArray());
            // aromatic, conjugated, in ring, stereo none
            Assert.Equal(new float[] { 0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0 }, benzene.EdgeFeatures.AsSpan(0, 14).ToArray());
        }

        [Fact]
        public void Should_Give_The_Gin_Categorical_Inputs()
        {
            // Given (R)-style chiral centre, a double bond with direction marks and an aromatic ring
            // When
            var g = MoleculeFeaturizer.Featurize(SmilesParser.Parse("F/C=C/c1ccccc1"));
            var chiral = MoleculeFeaturizer.Featurize(SmilesParser.Parse("N[C@@H](C)O"));

            // Then Z-1, bond type 0..3, direction 0..2, chirality 0..3
            Assert.Equal(8, g.AtomicNumberIds[0]);   // F
            Assert.Equal(5, g.AtomicNumberIds[1]);   // C
            Assert.Equal(new[] { 0, 0, 1, 1, 0, 0 }, g.BondTypeIds[..6]);
            Assert.Equal(3, g.BondTypeIds[6]);
            Assert.Equal(new[] { 1, 1, 0, 0, 1, 1 }, g.BondDirectionIds[..6]);
            Assert.Equal(1, chiral.ChiralityIds[1]); // @@ -> CW
        }
    }
}
