namespace GraphMtl.Configuration;

/// <summary>Overrides the YAML key of an options property (the default is the property name in snake_case).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ConfigKeyAttribute(string key) : Attribute
{
    /// <summary>The key as written in YAML.</summary>
    public string Key { get; } = key;
}

/// <summary>Excludes a property from configuration binding and from the resolved config.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ConfigIgnoreAttribute : Attribute;

/// <summary>
/// Marks an abstract options base whose concrete type is chosen by a <c>name</c> key through a
/// <see cref="Registry{T}"/>: <paramref name="registryType"/> has a static field or property <c>Instance</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ComponentFamilyAttribute(Type registryType) : Attribute
{
    /// <summary>The static class holding the family's registry.</summary>
    public Type RegistryType { get; } = registryType;

    /// <summary>The key that names the member (<c>name</c> by default; the config root uses <c>experiment</c>).</summary>
    public string NameKey { get; init; } = "name";

    /// <summary>The member used when the key is absent; null makes the key required.</summary>
    public string? DefaultName { get; init; }
}
