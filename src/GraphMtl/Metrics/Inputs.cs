namespace GraphMtl.Metrics;

/// <summary>Argument checks shared by the metric functions; messages read "Expected X (got Y)".</summary>
internal static class Inputs
{
    public static void SameLength(int expected, int actual, string name)
    {
        if (actual != expected)
            throw new ArgumentException($"Expected {name} to have {expected} entries (got {actual}).", name);
    }

    public static int Rows(int length, int columns, string name, string columnsName = "numClasses")
    {
        if (columns < 1)
            throw new ArgumentOutOfRangeException(columnsName, columns, $"Expected {columnsName} ≥ 1 (got {columns}).");
        if (length % columns != 0)
            throw new ArgumentException($"Expected {name} to hold whole rows of {columns} columns (got {length} entries).", name);
        return length / columns;
    }

    public static void ZeroOrOne(ReadOnlySpan<int> labels, string name)
    {
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] is not (0 or 1))
                throw new ArgumentException($"Expected {name}[{i}] to be 0 or 1 (got {labels[i]}).", name);
        }
    }

    public static void InRange(ReadOnlySpan<int> labels, int count, string name)
    {
        for (var i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)count)
                throw new ArgumentException($"Expected {name}[{i}] in [0, {count}) (got {labels[i]}).", name);
        }
    }

    public static void NonNegative(ReadOnlySpan<int> labels, string name)
    {
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] < 0)
                throw new ArgumentException($"Expected {name}[{i}] to be a class index ≥ 0 (got {labels[i]}).", name);
        }
    }

    public static void NotNaN(ReadOnlySpan<float> scores, string name)
    {
        for (var i = 0; i < scores.Length; i++)
        {
            if (float.IsNaN(scores[i]))
                throw new ArgumentException($"Expected {name}[{i}] to be a number (got NaN).", name);
        }
    }

    public static void NotNaN(ReadOnlySpan<double> scores, string name)
    {
        for (var i = 0; i < scores.Length; i++)
        {
            if (double.IsNaN(scores[i]))
                throw new ArgumentException($"Expected {name}[{i}] to be a number (got NaN).", name);
        }
    }
}
