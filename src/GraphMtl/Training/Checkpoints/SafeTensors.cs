using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GraphMtl.Training.Checkpoints;

/// <summary>
/// Reads and writes the safetensors format (Hugging Face): an 8-byte little-endian header length N, N bytes of UTF-8
/// JSON <c>{"name": {"dtype", "shape", "data_offsets": [begin, end]}, "__metadata__": {...}}</c>, then the raw
/// little-endian tensor data. Checkpoints in this format open in PyTorch with <c>safetensors.torch.load_file</c>.
/// </summary>
public static class SafeTensors
{
    private static readonly Dictionary<ScalarType, (string Name, int Size)> Types = new()
    {
        [ScalarType.Float32] = ("F32", 4),
        [ScalarType.Float64] = ("F64", 8),
        [ScalarType.Int64] = ("I64", 8),
        [ScalarType.Int32] = ("I32", 4),
        [ScalarType.Byte] = ("U8", 1),
        [ScalarType.Bool] = ("BOOL", 1),
    };

    /// <summary>Writes <paramref name="tensors"/> (copied to the CPU) and string metadata to <paramref name="path"/>, atomically.</summary>
    public static void Save(string path, IReadOnlyDictionary<string, Tensor> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var header = new JsonObject();
        if (metadata is { Count: > 0 })
            header["__metadata__"] = new JsonObject(metadata.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)JsonValue.Create(kv.Value))));
        var blobs = new List<byte[]>();
        long offset = 0;
        foreach (var (name, tensor) in tensors.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (!Types.TryGetValue(tensor.dtype, out var type))
                throw new NotSupportedException($"safetensors: tensor '{name}' has unsupported dtype {tensor.dtype}.");
            using var cpu = tensor.detach().to(CPU).contiguous();
            byte[] bytes = cpu.bytes.ToArray();
            header[name] = new JsonObject
            {
                ["dtype"] = type.Name,
                ["shape"] = new JsonArray(cpu.shape.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()),
                ["data_offsets"] = new JsonArray(offset, offset + bytes.Length),
            };
            blobs.Add(bytes);
            offset += bytes.Length;
        }
        byte[] json = Encoding.UTF8.GetBytes(header.ToJsonString());
        int padded = (json.Length + 7) / 8 * 8; // the format allows trailing spaces; 8-byte alignment helps readers
        string tmp = path + ".tmp";
        using (var stream = File.Create(tmp))
        {
            Span<byte> length = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)padded);
            stream.Write(length);
            stream.Write(json);
            for (int i = json.Length; i < padded; i++) stream.WriteByte((byte)' ');
            foreach (var b in blobs) stream.Write(b);
        }
        File.Move(tmp, path, overwrite: true);
    }

    /// <summary>Reads every tensor (on the CPU) and the metadata of a safetensors file; a malformed file is a user error.</summary>
    public static (Dictionary<string, Tensor> Tensors, Dictionary<string, string> Metadata) Load(string path)
    {
        if (!File.Exists(path)) throw new GraphMtlException($"{path}: checkpoint not found");
        byte[] data = File.ReadAllBytes(path);
        if (data.Length < 8) throw new GraphMtlException($"{path}: not a safetensors file (too short)");
        ulong n = BinaryPrimitives.ReadUInt64LittleEndian(data);
        if (n > (ulong)(data.Length - 8)) throw new GraphMtlException($"{path}: not a safetensors file (header length {n})");
        JsonObject header;
        try
        {
            header = JsonNode.Parse(Encoding.UTF8.GetString(data, 8, (int)n))!.AsObject();
        }
        catch (JsonException e)
        {
            throw new GraphMtlException($"{path}: not a safetensors file ({e.Message})");
        }
        long start = 8 + (long)n;
        var tensors = new Dictionary<string, Tensor>();
        var metadata = new Dictionary<string, string>();
        foreach (var (name, node) in header)
        {
            if (name == "__metadata__")
            {
                foreach (var (k, v) in node!.AsObject()) metadata[k] = v!.GetValue<string>();
                continue;
            }
            string dtype = node!["dtype"]!.GetValue<string>();
            var type = Types.FirstOrDefault(kv => kv.Value.Name == dtype);
            if (type.Value.Name is null) throw new GraphMtlException($"{path}: tensor '{name}' has unsupported dtype {dtype}");
            long[] shape = node["shape"]!.AsArray().Select(s => s!.GetValue<long>()).ToArray();
            var offsets = node["data_offsets"]!.AsArray().Select(s => s!.GetValue<long>()).ToArray();
            long count = shape.Aggregate(1L, (a, b) => a * b);
            if (offsets[1] - offsets[0] != count * type.Value.Size || start + offsets[1] > data.Length)
                throw new GraphMtlException($"{path}: tensor '{name}' has inconsistent offsets");
            var t = empty(shape, dtype: type.Key);
            t.bytes = data.AsSpan((int)(start + offsets[0]), (int)(offsets[1] - offsets[0]));
            tensors[name] = t;
        }
        return (tensors, metadata);
    }
}
