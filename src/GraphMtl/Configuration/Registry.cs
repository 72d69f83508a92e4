namespace GraphMtl.Configuration;

/// <summary>
/// Maps configuration names to the options types of one component family (backbones, architectures, weightings).
/// Names match ignoring case, <c>-</c>, <c>_</c> and spaces, with or without the family suffix
/// (<c>grad-norm</c>, <c>grad_norm</c>, <c>GradNorm</c>, <c>GradNormWeighting</c>), plus short aliases; an unknown
/// name lists the choices (as PyG's resolver). Built once, never changed.
/// </summary>
public sealed class Registry<TOptions> : IRegistry where TOptions : class
{
    private readonly List<(string Name, Type Type, string[] Aliases, string Description)> _entries = [];

    /// <summary>The family's name, used in messages ("backbone", "weighting").</summary>
    public string Family { get; }

    /// <summary>Creates an empty registry for a family.</summary>
    public Registry(string family) => Family = family;

    /// <summary>Registers <typeparamref name="T"/> under a canonical name and aliases.</summary>
    public Registry<TOptions> Add<T>(string name, string description, params string[] aliases) where T : TOptions, new()
    {
        _entries.Add((name, typeof(T), aliases, description));
        return this;
    }

    /// <summary>Canonical names in registration order.</summary>
    public IReadOnlyList<string> Names => _entries.Select(e => e.Name).ToList();

    /// <summary>(name, description) pairs for help texts.</summary>
    public IEnumerable<(string Name, string Description)> Describe() => _entries.Select(e => (e.Name, e.Description));

    /// <summary>The options type for <paramref name="name"/>, or null when unknown.</summary>
    public Type? TryResolve(string name)
    {
        string key = Normalize(name);
        foreach (var e in _entries)
        {
            if (Normalize(e.Name) == key || e.Aliases.Any(a => Normalize(a) == key)) return e.Type;
            string typeName = Normalize(e.Type.Name);
            if (typeName.EndsWith("options")) typeName = typeName[..^"options".Length];
            if (typeName == key || typeName == key + Normalize(Family)) return e.Type;
        }
        if (key.EndsWith(Normalize(Family)) && key != Normalize(Family)) return TryResolve(key[..^Normalize(Family).Length]);
        return null;
    }

    /// <summary>The canonical name of a registered options type.</summary>
    public string NameOf(Type optionsType) =>
        _entries.FirstOrDefault(e => e.Type == optionsType).Name
        ?? throw new InvalidOperationException($"{optionsType.Name} is not registered as a {Family}.");

    /// <summary>A fresh options record with defaults for <paramref name="name"/>; unknown names are a user error.</summary>
    public TOptions Create(string name) =>
        (TOptions)Activator.CreateInstance(TryResolve(name)
            ?? throw new GraphMtlException($"Unknown {Family} '{name}' (expected one of: {string.Join(", ", Names)})."))!;

    internal static string Normalize(string s) =>
        new(s.Where(c => c is not ('-' or '_' or ' ')).Select(char.ToLowerInvariant).ToArray());
}

/// <summary>The name-resolution part of a registry, independent of the options base type.</summary>
public interface IRegistry
{
    /// <summary>The family's name, used in messages.</summary>
    string Family { get; }

    /// <summary>Canonical names in registration order.</summary>
    IReadOnlyList<string> Names { get; }

    /// <summary>The options type for a name, or null when unknown.</summary>
    Type? TryResolve(string name);

    /// <summary>The canonical name of a registered options type.</summary>
    string NameOf(Type optionsType);
}
