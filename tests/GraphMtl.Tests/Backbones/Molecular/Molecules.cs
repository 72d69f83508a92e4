using GraphMtl.Data.Molecules;

namespace GraphMtl.Tests.Backbones.Molecular;

/// <summary>Featurised test molecules.</summary>
internal static class Molecules
{
    public static readonly string[] Smiles = ["c1ccccc1O", "CCO", "C/C=C/C(=O)[O-]", "C1CCNCC1", "CN1CCC[C@H]1c1cccnc1", "O"];

    public static MolecularGraph[] Graphs() => Smiles.Select(s => MoleculeFeaturizer.Featurize(SmilesParser.Parse(s))).ToArray();
}
