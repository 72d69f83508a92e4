using GraphMtl.Data.Molecules;

namespace GraphMtl.Tests.Data.Molecules;

public sealed class CanonicalSmilesTests
{
    public sealed class TheWriteMethod
    {
        [Theory]
        [InlineData("OCC", "CCO")]
        [InlineData("c1ccccc1O", "Oc1ccccc1")]
        [InlineData("C1=CC=CC=C1C", "Cc1ccccc1")]
        [InlineData("CC(C)Cc1ccc(cc1)C(C)C(=O)O", "OC(=O)C(C)c1ccc(CC(C)C)cc1")]
        [InlineData("c1ccc2ccccc2c1", "C1=CC=C2C=CC=CC2=C1")]
        [InlineData("[Na+].[Cl-]", "[Cl-].[Na+]")]
        [InlineData("OC(=O)[C@@H](N)Cc1ccccc1", "N[C@H](Cc1ccccc1)C(O)=O")]
        [InlineData("C1CC2CCC1C2", "C1C2CCC1CC2")]
        [InlineData("n1ccc[nH]1", "[nH]1nccc1")]
        public void Should_Give_Reordered_Smiles_The_Same_Key(string a, string b)
        {
            // Given two SMILES of one molecule, atoms in different orders
            // When
            var ka = CanonicalSmiles.Write(SmilesParser.Parse(a));
            var kb = CanonicalSmiles.Write(SmilesParser.Parse(b));

            // Then
            Assert.Equal(ka, kb);
        }

        [Theory]
        [InlineData("CCO", "COC")]
        [InlineData("c1ccccc1", "C1CCCCC1")]
        [InlineData("CC(=O)O", "CC(=O)[O-]")]
        [InlineData("Oc1ccccc1C", "Oc1cccc(C)c1")]
        [InlineData("[13CH4]", "C")]
        public void Should_Give_Different_Molecules_Different_Keys(string a, string b)
        {
            // Given / When / Then
            Assert.NotEqual(CanonicalSmiles.Write(SmilesParser.Parse(a)), CanonicalSmiles.Write(SmilesParser.Parse(b)));
        }

        [Theory]
        [InlineData("CC(C)Cc1ccc(cc1)C(C)C(=O)O")]
        [InlineData("c1ccc2c(c1)[nH]c1ccccc12")]
        [InlineData("[NH3+]CC([O-])=O")]
        [InlineData("C12C3C4C1C5C2C3C45")]
        public void Should_Write_Smiles_That_Parse_Back_To_The_Same_Key(string smiles)
        {
            // Given
            var key = CanonicalSmiles.Write(SmilesParser.Parse(smiles));

            // When
            var again = CanonicalSmiles.Write(SmilesParser.Parse(key));

            // Then
            Assert.Equal(key, again);
        }

        [Fact]
        public void Should_Be_Independent_Of_Random_Atom_Orders()
        {
            // Given a molecule rewritten from many random starting points and branch orders
            var mol = SmilesParser.Parse("CC(=O)Oc1ccccc1C(=O)O");
            string expected = CanonicalSmiles.Write(mol);
            var rng = new Random(0);
            for (int trial = 0; trial < 20; trial++)
            {
                // When the atoms are renumbered (via a random-order SMILES from a shuffled DFS)
                var smiles = RandomSmiles.Write(mol, rng);

                // Then
                Assert.Equal(expected, CanonicalSmiles.Write(SmilesParser.Parse(smiles)));
            }
        }
    }
}
