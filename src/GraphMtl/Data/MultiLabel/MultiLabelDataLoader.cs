using GraphMtl.Data.Molecules;
using GraphMtl.Data.Tabular;

namespace GraphMtl.Data.MultiLabel;

/// <summary>
/// Loads a <see cref="MultiLabelDataset"/> from a MoleculeNet CSV (molecules parsed, cleaned and featurised once) or
/// from MULAN ARFF files, and makes its train/validation/test split for a seed.
/// </summary>
public static class MultiLabelDataLoader
{
    /// <summary>
    /// Loads the dataset of <paramref name="options"/>; <paramref name="resolve"/> turns a configured path into a file
    /// path (the data root). Rows skipped by the CSV loader are reported in <paramref name="skipped"/>.
    /// </summary>
    public static MultiLabelDataset Load(MultiLabelDatasetOptions options, Func<string, string> resolve, out IReadOnlyList<SkippedRow> skipped)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(resolve);
        if (options.Spec is { } spec)
        {
            skipped = [];
            return IsGenerated(spec)
                ? TaskGraphs.SyntheticDag.SyntheticDagGenerator.Generate(options.SyntheticDag, options.Name ?? GeneratedSpecs[0])
                : throw new GraphMtlException($"dataset.spec: expected one of {string.Join(", ", GeneratedSpecs)} (got '{spec}')");
        }
        string path = resolve(options.Path);
        string name = options.Name ?? StemOf(options.Path);
        if (options.ResolvedFormat == MultiLabelFormat.Arff)
        {
            skipped = [];
            return LoadArff(options, resolve, path, name);
        }
        var csv = MoleculeNetCsv.Load(path, new MoleculeNetCsvOptions
        {
            SmilesColumn = options.SmilesColumn,
            TaskColumns = options.Tasks,
            InvalidSmiles = options.InvalidSmiles,
            DropTrivialMolecules = options.DropTrivial,
            DropDuplicates = options.DropDuplicates,
        });
        skipped = csv.Skipped;
        if (csv.Count == 0) throw new DataFormatException(path, 0, "expected at least one usable molecule row (got none)");
        return FromMolecules(csv, name);
    }

    /// <summary>Names of the generated datasets (<c>dataset.spec</c>).</summary>
    public static readonly IReadOnlyList<string> GeneratedSpecs = ["synthetic-dag"];

    /// <summary>True when <paramref name="spec"/> names a generated dataset (ignoring case, '-' and '_').</summary>
    public static bool IsGenerated(string spec) => Configuration.Registry<object>.Normalize(spec) == "syntheticdag";

    /// <summary>Featurises a loaded MoleculeNet dataset (chemprop features, GIN ids, scaffold keys).</summary>
    public static MultiLabelDataset FromMolecules(MoleculeDataset csv, string name) =>
        new(name, csv.Source, new MoleculeInputs(csv.Featurize()), csv.TaskNames, csv.Labels, csv.ScaffoldKeys(), csv.Smiles);

    /// <summary>
    /// The split of <paramref name="dataset"/> for a run with seed <paramref name="runSeed"/> (the split's own seed when
    /// configured). Scaffold splits need molecules.
    /// </summary>
    public static DatasetSplit Split(MultiLabelDataset dataset, MultiLabelSplitOptions options, int runSeed)
    {
        int seed = options.Seed ?? runSeed;
        return options.Kind switch
        {
            MultiLabelSplitKind.Scaffold => MoleculeSplits.ScaffoldFromKeys(dataset.ScaffoldKeys
                ?? throw new GraphMtlException($"dataset.split.kind: a scaffold split needs molecules (got {dataset.Inputs.Kind}); use random or random_filtered"),
                seed, options.Train, options.Valid),
            MultiLabelSplitKind.Random => MoleculeSplits.Random(dataset.Count, seed, options.Train, options.Valid),
            _ => MoleculeSplits.RandomFiltered(dataset.Labels, dataset.TaskCount, seed, options.Train, options.Valid),
        };
    }

    private static MultiLabelDataset LoadArff(MultiLabelDatasetOptions options, Func<string, string> resolve, string path, string name)
    {
        var files = new[] { path }.Concat(options.ExtraPaths.Select(resolve)).ToList();
        var parts = files.Select(f => options.LabelsXml is { } xml ? ArffLoader.Load(f, resolve(xml)) : ArffLoader.Load(f, options.LabelCount)).ToList();
        var first = parts[0];
        for (int i = 1; i < parts.Count; i++)
        {
            if (!parts[i].FeatureNames.SequenceEqual(first.FeatureNames) || !parts[i].LabelNames.SequenceEqual(first.LabelNames))
                throw new DataFormatException(files[i], 0, $"expected the same feature and label attributes as {files[0]} (they differ)");
        }
        int[] columns = Enumerable.Range(0, first.LabelCount).ToArray();
        if (options.Tasks is { } wanted)
        {
            columns = wanted.Select(t =>
            {
                int idx = first.LabelNames.ToList().IndexOf(t);
                return idx >= 0 ? idx : throw new DataFormatException(files[0], 0,
                    $"expected a label attribute named '{t}' (got labels {string.Join(", ", first.LabelNames)})");
            }).ToArray();
        }
        var features = parts.SelectMany(p => p.Features).ToArray();
        int rows = parts.Sum(p => p.Count);
        var labels = new sbyte[rows * columns.Length];
        int r = 0;
        foreach (var p in parts)
            for (int i = 0; i < p.Count; i++, r++)
                for (int t = 0; t < columns.Length; t++) labels[r * columns.Length + t] = p.Label(i, columns[t]);
        if (rows == 0) throw new DataFormatException(files[0], 0, "expected at least one data row (got none)");
        return new MultiLabelDataset(name, string.Join(", ", files), new TabularInputs(features, first.FeatureNames),
            columns.Select(c => first.LabelNames[c]).ToList(), labels);
    }

    private static string StemOf(string path)
    {
        string file = System.IO.Path.GetFileName(path);
        int dot = file.IndexOf('.');
        return dot > 0 ? file[..dot] : file;
    }
}
