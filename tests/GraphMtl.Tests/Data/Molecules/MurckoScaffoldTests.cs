using GraphMtl.Data.Molecules;

namespace GraphMtl.Tests.Data.Molecules;

public sealed class MurckoScaffoldTests
{
    public sealed class TheScaffoldKeyMethod
    {
        [Theory]
        [InlineData("CC(C)Cc1ccc(cc1)C(C)C(=O)O", "c1ccccc1")]                  // ibuprofen -> benzene
        [InlineData("c1ccccc1CCOc1ccccc1", "c1ccc(CCOc2ccccc2)cc1")]          // two rings keep their linker
        [InlineData("CC(=O)Oc1ccccc1C(=O)O", "c1ccccc1")]                      // aspirin
        [InlineData("Cn1cccc1", "c1cc[nH]c1")]                                 // substituted aromatic N gets its H
        [InlineData("CC1CCC(=O)CC1", "O=C1CCCCC1")]                            // exocyclic C=O on the ring is kept
        [InlineData("C[C@H]1CC[C@@H](C)CC1", "C1CCCCC1")]                      // chirality ignored
        [InlineData("OC(=O)C1=CC=CC=C1C", "c1ccccc1")]                         // Kekulé input gives the same scaffold
        public void Should_Keep_Ring_Systems_And_Linkers(string smiles, string scaffold)
        {
            // Given / When
            var key = MurckoScaffold.ScaffoldKey(SmilesParser.Parse(smiles));

            // Then it is the canonical key of the expected scaffold
            Assert.Equal(CanonicalSmiles.Write(SmilesParser.Parse(scaffold)), key);
        }

        [Theory]
        [InlineData("CCO")]
        [InlineData("[Na+].[Cl-]")]
        [InlineData("CC(=O)NCC")]
        public void Should_Give_Acyclic_Molecules_The_Empty_Scaffold(string smiles)
        {
            // Given / When / Then
            Assert.Equal("", MurckoScaffold.ScaffoldKey(SmilesParser.Parse(smiles)));
        }

        [Fact]
        public void Should_Drop_Rings_In_Other_Fragments_Only_By_Their_Side_Chains()
        {
            // Given a salt of a ring compound
            // When
            var key = MurckoScaffold.ScaffoldKey(SmilesParser.Parse("CCc1ccccc1.Cl"));

            // Then the counter-ion and the ethyl go, the ring stays
            Assert.Equal(CanonicalSmiles.Write(SmilesParser.Parse("c1ccccc1")), key);
        }
    }

    public sealed class TheScaffoldMethod
    {
        [Fact]
        public void Should_Return_Null_For_Acyclic_Molecules_And_A_Molecule_Otherwise()
        {
            // Given / When
            var none = MurckoScaffold.Scaffold(SmilesParser.Parse("CCCC"));
            var ring = MurckoScaffold.Scaffold(SmilesParser.Parse("CCC1CC1"));

            // Then
            Assert.Null(none);
            Assert.NotNull(ring);
            Assert.Equal(3, ring!.AtomCount);
            Assert.All(ring.Atoms, a => Assert.Equal(2, a.TotalHydrogens));
        }
    }
}
