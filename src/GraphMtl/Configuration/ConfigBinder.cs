using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GraphMtl.Configuration;

/// <summary>
/// Binds YAML onto options records. Keys are the snake_case property names; every key must be known (an unknown key
/// is an error listing the known ones), values are converted to the property type with "expected X (got Y)" errors
/// naming <c>file:line</c> and the dotted key path. Abstract options bases marked <see cref="ComponentFamilyAttribute"/>
/// are resolved through their registry by a <c>name</c> key. Options implementing <see cref="IValidatableOptions"/>
/// are checked after binding. <see cref="ToYaml"/> writes a bound record back (the resolved config).
/// </summary>
public static class ConfigBinder
{
    /// <summary>Parses YAML text into a node tree; a syntax error names the file and line.</summary>
    public static YamlNode Parse(string text, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new ConfigException($"{source}:{e.Start.Line}", "", $"invalid YAML: {e.InnerException?.Message ?? e.Message}");
        }
        return stream.Documents.Count == 0 ? new YamlMappingNode() : stream.Documents[0].RootNode;
    }

    /// <summary>Reads and parses a YAML file; a missing file is a user error.</summary>
    public static YamlNode Load(string path)
    {
        if (!File.Exists(path)) throw new GraphMtlException($"{path}: file not found");
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>
    /// Applies <c>key.path=value</c> overrides (the value is parsed as YAML, so <c>[a, b]</c> is a list) onto a
    /// mapping tree, creating intermediate mappings as needed.
    /// </summary>
    public static void ApplyOverrides(YamlNode root, IEnumerable<string> overrides)
    {
        if (root is not YamlMappingNode map) throw new ConfigException("config", "", "expected a mapping at the top level");
        foreach (var item in overrides)
        {
            int eq = item.IndexOf('=');
            string source = $"--set {item}";
            if (eq <= 0) throw new ConfigException(source, "", "expected key.path=value");
            string[] path = item[..eq].Trim().Split('.');
            YamlNode value = Parse(item[(eq + 1)..], source) switch
            {
                YamlScalarNode s => new YamlScalarNode(s.Value) { Style = s.Style },
                var n => n,
            };
            value = Relocate(value, source);
            var current = map;
            for (int i = 0; i < path.Length - 1; i++)
            {
                var key = new YamlScalarNode(path[i]);
                if (!current.Children.TryGetValue(key, out var next))
                {
                    next = new YamlMappingNode();
                    current.Children[key] = next;
                }
                current = next as YamlMappingNode
                    ?? throw new ConfigException(source, string.Join('.', path[..(i + 1)]), "is not a mapping, cannot set a sub-key");
            }
            current.Children[new YamlScalarNode(path[^1])] = value;
        }
    }

    // Overrides carry no file position; remember where they came from for messages.
    private static readonly ConditionalWeakTable<YamlNode, string> OverrideSources = new();

    private static YamlNode Relocate(YamlNode node, string source)
    {
        OverrideSources.AddOrUpdate(node, source);
        foreach (var child in node.AllNodes) OverrideSources.AddOrUpdate(child, source);
        return node;
    }

    private static string Where(YamlNode node, string file) =>
        OverrideSources.TryGetValue(node, out var s) ? s : $"{file}:{node.Start.Line}";

    /// <summary>Binds a node tree to <typeparamref name="T"/>; <paramref name="file"/> names the source in messages.</summary>
    public static T Bind<T>(YamlNode node, string file) where T : class => (T)BindValue(node, typeof(T), "", file)!;

    /// <summary>Binds a node to <paramref name="type"/> (records, scalars, lists, dictionaries, component families).</summary>
    public static object? BindValue(YamlNode node, Type type, string path, string file)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (node is YamlScalarNode { Style: ScalarStyle.Plain } nul && IsNull(nul.Value) && (underlying != null || !type.IsValueType))
            return null;
        type = underlying ?? type;

        if (type == typeof(string) || type.IsPrimitive || type.IsEnum || type == typeof(decimal))
            return BindScalar(node, type, path, file);
        if (type.IsArray) return BindList(node, type.GetElementType()!, path, file, asArray: true);
        if (type.IsGenericType)
        {
            var def = type.GetGenericTypeDefinition();
            var args = type.GetGenericArguments();
            if (def == typeof(IReadOnlyList<>) || def == typeof(List<>) || def == typeof(IList<>) || def == typeof(IEnumerable<>))
                return BindList(node, args[0], path, file, asArray: false);
            if (def == typeof(IReadOnlyDictionary<,>) || def == typeof(Dictionary<,>) || def == typeof(IDictionary<,>))
                return BindDictionary(node, args[1], path, file);
        }
        if (type.IsAbstract) return BindFamily(node, type, path, file);
        return BindRecord(node, type, path, file, skipKey: null);
    }

    private static bool IsNull(string? v) => v is null or "" or "~" or "null" or "Null" or "NULL";

    private static object BindScalar(YamlNode node, Type type, string path, string file)
    {
        if (node is not YamlScalarNode scalar)
            throw new ConfigException(Where(node, file), path, $"expected {Describe(type)} (got a {(node is YamlMappingNode ? "mapping" : "list")})");
        string text = scalar.Value ?? "";
        var ci = CultureInfo.InvariantCulture;
        object? result = type switch
        {
            _ when type == typeof(string) => text,
            _ when type == typeof(bool) => text.ToLowerInvariant() switch
            {
                "true" or "yes" or "on" => true,
                "false" or "no" or "off" => false,
                _ => null,
            },
            _ when type == typeof(int) => int.TryParse(text, NumberStyles.Integer, ci, out var i) ? i
                : double.TryParse(text, NumberStyles.Float, ci, out var di) && di == Math.Floor(di) && Math.Abs(di) <= int.MaxValue ? (int)di : null,
            _ when type == typeof(long) => long.TryParse(text, NumberStyles.Integer, ci, out var l) ? l
                : double.TryParse(text, NumberStyles.Float, ci, out var dl) && dl == Math.Floor(dl) && Math.Abs(dl) < 9e18 ? (long)dl : null,
            _ when type == typeof(double) => double.TryParse(text, NumberStyles.Float, ci, out var d) && double.IsFinite(d) ? d : null,
            _ when type == typeof(float) => float.TryParse(text, NumberStyles.Float, ci, out var f) && float.IsFinite(f) ? f : null,
            _ when type.IsEnum => ParseEnum(text, type),
            _ => null,
        };
        return result ?? throw new ConfigException(Where(node, file), path, $"expected {Describe(type)} (got '{text}')");
    }

    private static object? ParseEnum(string text, Type type)
    {
        string key = Registry<object>.Normalize(text);
        foreach (var name in Enum.GetNames(type))
            if (Registry<object>.Normalize(name) == key) return Enum.Parse(type, name);
        return null;
    }

    private static string Describe(Type type) => type switch
    {
        _ when type == typeof(int) || type == typeof(long) => "an integer",
        _ when type == typeof(double) || type == typeof(float) => "a number",
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(string) => "a string",
        _ when type.IsEnum => "one of " + string.Join(", ", Enum.GetNames(type).Select(SnakeCase)),
        _ => type.Name,
    };

    private static object BindList(YamlNode node, Type element, string path, string file, bool asArray)
    {
        // A single scalar where a list is expected is read as a one-element list (e.g. tasks: author).
        var items = node switch
        {
            YamlSequenceNode seq => seq.Children.ToList(),
            YamlScalarNode s when !IsNull(s.Value) => [node],
            YamlScalarNode => [],
            _ => throw new ConfigException(Where(node, file), path, "expected a list (got a mapping)"),
        };
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
        for (int i = 0; i < items.Count; i++) list.Add(BindValue(items[i], element, $"{path}[{i}]", file));
        if (!asArray) return list;
        var array = Array.CreateInstance(element, list.Count);
        list.CopyTo(array, 0);
        return array;
    }

    private static object BindDictionary(YamlNode node, Type valueType, string path, string file)
    {
        if (node is YamlScalarNode s && IsNull(s.Value)) node = new YamlMappingNode();
        if (node is not YamlMappingNode map) throw new ConfigException(Where(node, file), path, "expected a mapping");
        var dict = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(typeof(string), valueType))!;
        foreach (var (k, v) in map.Children)
        {
            string key = ((YamlScalarNode)k).Value ?? "";
            dict[key] = BindValue(v, valueType, Join(path, key), file);
        }
        return dict;
    }

    private static object BindFamily(YamlNode node, Type baseType, string path, string file)
    {
        var registry = FamilyRegistry(baseType);
        var attr = baseType.GetCustomAttribute<ComponentFamilyAttribute>()!;
        string? name = node switch
        {
            YamlScalarNode s when !IsNull(s.Value) => s.Value,
            YamlMappingNode m when m.Children.TryGetValue(new YamlScalarNode(attr.NameKey), out var n) && n is YamlScalarNode ns => ns.Value,
            _ => attr.DefaultName,
        };
        if (string.IsNullOrEmpty(name))
            throw new ConfigException(Where(node, file), Join(path, attr.NameKey), $"expected a {registry.Family} name (one of: {string.Join(", ", registry.Names)})");
        var concrete = registry.TryResolve(name)
            ?? throw new ConfigException(Where(node, file), Join(path, attr.NameKey), $"unknown {registry.Family} '{name}' (expected one of: {string.Join(", ", registry.Names)})");
        if (node is YamlScalarNode) return Activator.CreateInstance(concrete)!;
        return BindRecord(node, concrete, path, file, skipKey: attr.NameKey);
    }

    private static object BindRecord(YamlNode node, Type type, string path, string file, string? skipKey, object? seed = null)
    {
        if (node is YamlScalarNode s && IsNull(s.Value)) node = new YamlMappingNode();
        if (node is not YamlMappingNode map)
            throw new ConfigException(Where(node, file), path, "expected a mapping of options");
        var instance = seed ?? Activator.CreateInstance(type)
            ?? throw new InvalidOperationException($"{type.Name} needs a parameterless constructor to be bound.");
        var properties = BindableProperties(type);
        foreach (var (k, v) in map.Children)
        {
            string key = (((YamlScalarNode)k).Value ?? "").Replace('-', '_');
            if (key == skipKey) continue;
            if (!properties.TryGetValue(key, out var prop))
            {
                string known = string.Join(", ", properties.Keys.Where(x => x != skipKey));
                throw new ConfigException(Where(k, file), Join(path, key), $"unknown key (expected one of: {known})");
            }
            prop.SetValue(instance, BindProperty(v, prop, instance, Join(path, key), file));
        }
        if (instance is IValidatableOptions validatable)
        {
            foreach (var (property, message) in validatable.Validate())
            {
                string key = SnakeCase(property);
                var at = map.Children.FirstOrDefault(kv => ((YamlScalarNode)kv.Key).Value == key).Value ?? map;
                throw new ConfigException(Where(at, file), Join(path, key), message);
            }
        }
        return instance;
    }

    // A mapping refines the property's current value, which keeps the owner's defaults: a component mapping without
    // its name key keeps the default component (model: {hidden: 8} keeps the default backbone and its settings), and an
    // options record keeps what the owner set (InLINE's head: {kind: linear} keeps l2_normalize: true). Otherwise the
    // value binds from scratch.
    private static object? BindProperty(YamlNode node, PropertyInfo prop, object instance, string path, string file)
    {
        if (node is YamlMappingNode map && prop.GetValue(instance) is IValidatableOptions current)
        {
            if (prop.PropertyType.IsAbstract && prop.PropertyType.GetCustomAttribute<ComponentFamilyAttribute>() is { } attr
                && !map.Children.ContainsKey(new YamlScalarNode(attr.NameKey)))
                return BindRecord(node, current.GetType(), path, file, skipKey: attr.NameKey, seed: CloneRecord(current));
            if (!prop.PropertyType.IsAbstract)
                return BindRecord(node, current.GetType(), path, file, skipKey: null, seed: CloneRecord(current));
        }
        return BindValue(node, prop.PropertyType, path, file);
    }

    // Records are bound by setting init properties on a fresh copy, so the shared default instance is never changed.
    private static object CloneRecord(object record) =>
        record.GetType().GetMethod("<Clone>$")?.Invoke(record, null)
        ?? throw new InvalidOperationException($"{record.GetType().Name} is not a record; options must be records to be refined.");

    /// <summary>Property name → property for every bindable (settable, not ignored) property, keyed by YAML key.</summary>
    internal static Dictionary<string, PropertyInfo> BindableProperties(Type type)
    {
        var result = new Dictionary<string, PropertyInfo>();
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (p.SetMethod is null || !p.SetMethod.IsPublic || p.GetIndexParameters().Length > 0) continue;
            if (p.GetCustomAttribute<ConfigIgnoreAttribute>() != null) continue;
            if (p.Name == "EqualityContract") continue;
            result[p.GetCustomAttribute<ConfigKeyAttribute>()?.Key ?? SnakeCase(p.Name)] = p;
        }
        return result;
    }

    internal static IRegistry FamilyRegistry(Type baseType)
    {
        var attr = baseType.GetCustomAttribute<ComponentFamilyAttribute>()
            ?? throw new InvalidOperationException($"{baseType.Name} is abstract but has no [ComponentFamily] registry.");
        var member = (MemberInfo?)attr.RegistryType.GetField("Instance", BindingFlags.Public | BindingFlags.Static)
            ?? attr.RegistryType.GetProperty("Instance", BindingFlags.Public | BindingFlags.Static);
        return member switch
        {
            FieldInfo f => (IRegistry)f.GetValue(null)!,
            PropertyInfo p => (IRegistry)p.GetValue(null)!,
            _ => throw new InvalidOperationException($"{attr.RegistryType.Name} has no static Instance."),
        };
    }

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    /// <summary><c>WeightDecay</c> → <c>weight_decay</c>; <c>Lr</c> → <c>lr</c>; <c>MacroF1</c> → <c>macro_f1</c>.</summary>
    public static string SnakeCase(string name)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            bool boundary = i > 0 && char.IsUpper(c)
                            && (!char.IsUpper(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1])));
            if (boundary) sb.Append('_');
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    /// <summary>Writes a bound options object as YAML (every property, defaults included; family members with <c>name</c> first).</summary>
    public static string ToYaml(object options)
    {
        var doc = new YamlDocument(ToNode(options));
        var stream = new YamlStream(doc);
        using var writer = new StringWriter();
        stream.Save(writer, assignAnchors: false);
        var text = writer.ToString().Replace("\r\n", "\n");
        return text.EndsWith("...\n") ? text[..^4] : text;
    }

    /// <summary>The YAML node tree of a bound options object.</summary>
    public static YamlNode ToNode(object? value)
    {
        switch (value)
        {
            case null: return new YamlScalarNode("null") { Style = ScalarStyle.Plain };
            case string s: return new YamlScalarNode(s) { Style = NeedsQuotes(s) ? ScalarStyle.DoubleQuoted : ScalarStyle.Plain };
            case bool b: return new YamlScalarNode(b ? "true" : "false");
            case double d: return new YamlScalarNode(d.ToString("R", CultureInfo.InvariantCulture));
            case float f: return new YamlScalarNode(f.ToString("R", CultureInfo.InvariantCulture));
            case Enum e: return new YamlScalarNode(SnakeCase(e.ToString()));
            case IFormattable n when value.GetType().IsPrimitive: return new YamlScalarNode(n.ToString(null, CultureInfo.InvariantCulture));
            case IDictionary dict:
                {
                    var map = new YamlMappingNode();
                    foreach (DictionaryEntry e in dict) map.Add(new YamlScalarNode(e.Key.ToString()!), ToNode(e.Value));
                    return map;
                }
            case IEnumerable list:
                {
                    var seq = new YamlSequenceNode();
                    foreach (var item in list) seq.Add(ToNode(item));
                    if (seq.Children.All(c => c is YamlScalarNode)) seq.Style = YamlDotNet.Core.Events.SequenceStyle.Flow;
                    return seq;
                }
        }
        var type = value.GetType();
        var mapping = new YamlMappingNode();
        var family = FindFamilyBase(type);
        if (family != null)
            mapping.Add(family.GetCustomAttribute<ComponentFamilyAttribute>()!.NameKey, new YamlScalarNode(FamilyRegistry(family).NameOf(type)));
        foreach (var (key, prop) in BindableProperties(type))
            mapping.Add(new YamlScalarNode(key), ToNode(prop.GetValue(value)));
        return mapping;
    }

    private static Type? FindFamilyBase(Type type)
    {
        for (var t = type.BaseType; t != null; t = t.BaseType)
            if (t.GetCustomAttribute<ComponentFamilyAttribute>(inherit: false) != null) return t;
        return null;
    }

    private static bool NeedsQuotes(string s) =>
        s.Length == 0 || IsNull(s) || s is "true" or "false" or "yes" or "no" || double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
        || s.IndexOfAny([':', '#', '{', '}', '[', ']', ',', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`']) >= 0 || char.IsWhiteSpace(s[0]) || char.IsWhiteSpace(s[^1]);
}
