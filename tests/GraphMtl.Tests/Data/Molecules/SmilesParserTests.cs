using GraphMtl.Data.Molecules;

namespace GraphMtl.Tests.Data.Molecules;

public sealed class SmilesParserTests
{
    public sealed class TheParseMethod
    {
        // SMILES, graph atoms, heavy atoms, bonds, hydrogens (implicit + H atoms); counts checked against RDKit 2022.09.
        [Theory]
        [InlineData("C", 1, 1, 0, 4)]
        [InlineData("c1ccccc1", 6, 6, 6, 6)]
        [InlineData("C1=CC=CC=C1", 6, 6, 6, 6)]
        [InlineData("[NH4+]", 1, 1, 0, 4)]
        [InlineData("[O-]C(=O)C", 4, 4, 3, 3)]
        [InlineData("OC(=O)[C@@H](N)Cc1ccccc1", 12, 12, 12, 11)]
        [InlineData("C%10CC%10", 3, 3, 3, 6)]
        [InlineData("c1ccc2ccccc2c1", 10, 10, 11, 8)]
        [InlineData("n1ccc[nH]1", 5, 5, 5, 4)]
        [InlineData("F/C=C/F", 4, 4, 3, 2)]
        [InlineData("[Na+].[Cl-]", 2, 2, 0, 0)]
        [InlineData("[2H]C", 2, 1, 1, 4)]
        [InlineData("[13CH4]", 1, 1, 0, 4)]
        [InlineData("C1CC2CCC1C2", 7, 7, 8, 12)]
        [InlineData("c1ccc2c(c1)[nH]c1ccccc12", 13, 13, 15, 9)]
        [InlineData("C1CCCCCCCCC%10CCCC1%10", 14, 14, 15, 26)]
        [InlineData("CC(C)Cc1ccc(cc1)C(C)C(=O)O", 15, 15, 15, 18)]
        [InlineData("[H]C(=O)O", 3, 3, 2, 2)]
        [InlineData("CN(=O)=O", 4, 4, 3, 3)]
        [InlineData("*C", 2, 1, 1, 3)]
        [InlineData("c1cc[se]c1", 5, 5, 5, 4)]
        [InlineData("C%(123)CC%(123)", 3, 3, 3, 6)]
        [InlineData("CCO ethanol", 3, 3, 2, 6)]
        public void Should_Count_Atoms_Bonds_And_Hydrogens(string smiles, int atoms, int heavy, int bonds, int hydrogens)
        {
            // Given a SMILES string
            // When
            var mol = SmilesParser.Parse(smiles);

            // Then
            Assert.Equal(atoms, mol.AtomCount);
            Assert.Equal(heavy, mol.HeavyAtomCount);
            Assert.Equal(bonds, mol.BondCount);
            Assert.Equal(hydrogens, mol.TotalHydrogenCount);
        }

        [Fact]
        public void Should_Read_Bracket_Atom_Fields()
        {
            // Given isotope, chirality, hydrogens, charge and class in one bracket atom
            // When
            var mol = SmilesParser.Parse("[13C@@H:7](F)(Cl)Br");

            // Then
            var a = mol.Atoms[0];
            Assert.Equal(6, a.AtomicNumber);
            Assert.Equal(13, a.Isotope);
            Assert.Equal(1, a.TotalHydrogens);
            Assert.Equal(7, a.AtomClass);
            Assert.Equal(13.003355, a.Mass, 5);
            Assert.NotEqual(ChiralTag.Unspecified, a.Chirality);
        }

        [Theory]
        [InlineData("[NH4+]", 1)]
        [InlineData("[Fe++]", 2)]
        [InlineData("[Fe+2]", 2)]
        [InlineData("[O-]", -1)]
        [InlineData("[O--]", -2)]
        [InlineData("[P-3]", -3)]
        public void Should_Read_Charges(string smiles, int charge)
        {
            // Given / When
            var mol = SmilesParser.Parse(smiles);

            // Then
            Assert.Equal(charge, mol.Atoms[0].FormalCharge);
        }

        [Theory]
        [InlineData("N[C@H](C)O", ChiralTag.CounterClockwise)]
        [InlineData("N[C@@H](C)O", ChiralTag.Clockwise)]
        [InlineData("[C@H](N)(C)O", ChiralTag.Clockwise)]
        [InlineData("N[C@TH1H](C)O", ChiralTag.CounterClockwise)]
        public void Should_Map_Chirality_To_RDKit_Neighbour_Order(string smiles, ChiralTag expected)
        {
            // Given '@' relative to SMILES order; RDKit's tag is relative to bond order with the implicit H last
            // When
            var mol = SmilesParser.Parse(smiles);

            // Then the tag of the stereocentre is RDKit's
            var centre = mol.Atoms.Single(a => a.Chirality != ChiralTag.Unspecified);
            Assert.Equal(expected, centre.Chirality);
        }

        [Theory]
        [InlineData("C1CC[C@H](N)CC1")]
        [InlineData("C[C@H](C)C")]
        public void Should_Clear_Chirality_On_Atoms_That_Are_Not_Stereocentres(string smiles)
        {
            // Given a chiral mark on an atom with two equivalent neighbours
            // When
            var mol = SmilesParser.Parse(smiles);

            // Then
            Assert.All(mol.Atoms, a => Assert.Equal(ChiralTag.Unspecified, a.Chirality));
        }

        [Theory]
        [InlineData("F/C=C/F", BondStereo.E)]
        [InlineData("F/C=C\\F", BondStereo.Z)]
        [InlineData("C(\\F)=C/F", BondStereo.E)]
        [InlineData("C/C(Br)=C/C", BondStereo.Z)]
        public void Should_Assign_Double_Bond_Stereo_From_Direction_Marks(string smiles, BondStereo expected)
        {
            // Given / When
            var mol = SmilesParser.Parse(smiles);

            // Then
            Assert.Equal(expected, mol.Bonds.Single(b => b.Type == BondType.Double).Stereo);
        }

        [Fact]
        public void Should_Keep_Bond_Directions_As_Written()
        {
            // Given '/' then '\'
            // When
            var mol = SmilesParser.Parse("F/C=C\\F");

            // Then RDKit's ENDUPRIGHT / ENDDOWNRIGHT, from the first-written atom
            Assert.Equal(BondDirection.EndUpRight, mol.Bonds[0].Direction);
            Assert.Equal(BondDirection.EndDownRight, mol.Bonds[2].Direction);
        }

        [Fact]
        public void Should_Perceive_Aromaticity_Of_Kekule_Benzene()
        {
            // Given benzene written both ways
            // When
            var kekule = SmilesParser.Parse("C1=CC=CC=C1");
            var aromatic = SmilesParser.Parse("c1ccccc1");

            // Then every atom and bond is aromatic in both, and the features agree
            Assert.All(kekule.Atoms, a => Assert.True(a.IsAromatic));
            Assert.All(kekule.Bonds, b => Assert.Equal(BondType.Aromatic, b.Type));
            Assert.Equal(MoleculeFeaturizer.Featurize(aromatic).AtomFeatures, MoleculeFeaturizer.Featurize(kekule).AtomFeatures);
            Assert.Equal(MoleculeFeaturizer.Featurize(aromatic).EdgeFeatures, MoleculeFeaturizer.Featurize(kekule).EdgeFeatures);
        }

        [Theory]
        [InlineData("C=C1C=CC=C1")]          // fulvene
        [InlineData("O=C1C=CC(=O)C=C1")]     // quinone
        [InlineData("C1=CC=CC=CC=C1")]       // cyclooctatetraene, 8 electrons
        public void Should_Not_Perceive_Aromaticity_Where_Huckel_Fails(string smiles)
        {
            // Given / When
            var mol = SmilesParser.Parse(smiles);

            // Then
            Assert.All(mol.Atoms, a => Assert.False(a.IsAromatic));
        }

        [Fact]
        public void Should_Leave_The_Central_Bond_Of_Azulene_Single()
        {
            // Given azulene: aromatic only as the fused 5+7 system (10 electrons)
            // When
            var mol = SmilesParser.Parse("c1ccc2cccc-2cc1");

            // Then every atom is aromatic, the shared bond is not (as in RDKit)
            Assert.All(mol.Atoms, a => Assert.True(a.IsAromatic));
            Assert.Single(mol.Bonds, b => b.Type == BondType.Single);
        }

        [Theory]
        [InlineData("CC(=O)Nc1ccccc1", 3, Hybridization.SP2)]   // amide N
        [InlineData("Nc1ccccc1", 0, Hybridization.SP2)]         // aniline N
        [InlineData("CC(=O)O", 3, Hybridization.SP2)]           // acid OH
        [InlineData("CCO", 2, Hybridization.SP3)]
        [InlineData("CC#N", 1, Hybridization.SP)]
        [InlineData("[Na+]", 0, Hybridization.S)]
        [InlineData("[Cl-]", 0, Hybridization.SP3)]
        [InlineData("C=C=C", 1, Hybridization.SP)]
        public void Should_Assign_Hybridization_As_RDKit(string smiles, int atom, Hybridization expected)
        {
            // Given / When
            var mol = SmilesParser.Parse(smiles);

            // Then
            Assert.Equal(expected, mol.Atoms[atom].Hybridization);
        }

        [Fact]
        public void Should_Mark_Conjugated_Bonds()
        {
            // Given acrolein C=CC=O
            // When
            var mol = SmilesParser.Parse("C=CC=O");

            // Then all three bonds are conjugated; in propane none is
            Assert.All(mol.Bonds, b => Assert.True(b.IsConjugated));
            Assert.All(SmilesParser.Parse("CCC").Bonds, b => Assert.False(b.IsConjugated));
        }

        [Fact]
        public void Should_Convert_Pentavalent_Nitro_To_Charge_Separated_Form()
        {
            // Given nitromethane written with N(=O)=O
            // When
            var mol = SmilesParser.Parse("CN(=O)=O");

            // Then as RDKit: [N+](=O)[O-]
            Assert.Equal(1, mol.Atoms[1].FormalCharge);
            Assert.Equal(1, mol.Atoms.Count(a => a.FormalCharge == -1));
        }

        [Fact]
        public void Should_Find_Ring_Membership()
        {
            // Given toluene
            // When
            var mol = SmilesParser.Parse("Cc1ccccc1");

            // Then the methyl and its bond are not in a ring, the rest is
            Assert.False(mol.Atoms[0].IsInRing);
            Assert.False(mol.Bonds[0].IsInRing);
            Assert.All(mol.Atoms.Skip(1), a => Assert.True(a.IsInRing));
            Assert.Single(mol.Rings);
        }

        [Fact]
        public void Should_Number_Ring_Closure_Bonds_Last_As_RDKit()
        {
            // Given ring closures 2 (closing first) and 1
            // When
            var mol = SmilesParser.Parse("C2CCC1CCC2CC1");

            // Then ring-closure bonds come after chain bonds, by ring number, from the closing atom
            Assert.Equal((8, 3), (mol.Bonds[8].Begin, mol.Bonds[8].End));
            Assert.Equal((6, 0), (mol.Bonds[9].Begin, mol.Bonds[9].End));
        }

        [Theory]
        [InlineData("", 0)]
        [InlineData("C1CC", 1)]
        [InlineData("C(C", 1)]
        [InlineData("C)C", 1)]
        [InlineData("[Xx]", 1)]
        [InlineData("C==C", 2)]
        [InlineData("C=", 1)]
        [InlineData("=C", 0)]
        [InlineData("[C+-]", 3)]
        [InlineData("C11", 2)]
        [InlineData("C()C", 1)]
        [InlineData("Q", 0)]
        [InlineData("[C", 0)]
        [InlineData("C.", 1)]
        [InlineData("C%1", 1)]
        public void Should_Throw_With_The_Position_Of_The_Problem(string smiles, int position)
        {
            // Given an invalid SMILES
            // When
            var e = Assert.Throws<SmilesException>(() => SmilesParser.Parse(smiles));

            // Then
            Assert.Equal(position, e.Position);
            Assert.Contains($"position {position}", e.Message);
            Assert.IsAssignableFrom<GraphMtlException>(e);
        }
    }

    public sealed class TheTryParseMethod
    {
        [Fact]
        public void Should_Return_The_Error_Instead_Of_Throwing()
        {
            // Given / When
            bool ok = SmilesParser.TryParse("C1CC", out var mol, out var error);

            // Then
            Assert.False(ok);
            Assert.Null(mol);
            Assert.NotNull(error);
            Assert.Contains("unclosed ring closure 1", error!.Message);
        }
    }
}
