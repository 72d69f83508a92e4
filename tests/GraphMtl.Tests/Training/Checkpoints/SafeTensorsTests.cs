using System.Buffers.Binary;
using System.Text;
using GraphMtl.Training.Checkpoints;

namespace GraphMtl.Tests.Training.Checkpoints;

public sealed class SafeTensorsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gmtl-st-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    [Fact]
    public void Should_Round_Trip_Tensors_And_Metadata()
    {
        string path = Path.Combine(_dir, "m.safetensors");
        using var a = tensor(new float[] { 1, 2, 3, 4, 5, 6 }, [2, 3]);
        using var b = tensor(new long[] { 7, -8 });
        SafeTensors.Save(path, new Dictionary<string, Tensor> { ["w"] = a, ["ids"] = b }, new Dictionary<string, string> { ["format"] = "pt" });

        var (tensors, meta) = SafeTensors.Load(path);

        Assert.Equal(new long[] { 2, 3 }, tensors["w"].shape);
        Assert.Equal(a.data<float>().ToArray(), tensors["w"].data<float>().ToArray());
        Assert.Equal(new long[] { 7, -8 }, tensors["ids"].data<long>().ToArray());
        Assert.Equal("pt", meta["format"]);
        foreach (var t in tensors.Values) t.Dispose();
    }

    [Fact]
    public void Should_Write_The_Documented_Layout()
    {
        string path = Path.Combine(_dir, "x.safetensors");
        using var t = tensor(new float[] { 1.5f });
        SafeTensors.Save(path, new Dictionary<string, Tensor> { ["x"] = t });

        byte[] bytes = File.ReadAllBytes(path);
        int n = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        string header = Encoding.UTF8.GetString(bytes, 8, n).TrimEnd();
        Assert.Equal("{\"x\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", header);
        Assert.Equal(1.5f, BitConverter.ToSingle(bytes, 8 + n));
    }

    [Fact]
    public void Should_Reject_A_File_That_Is_Not_Safetensors()
    {
        string path = Path.Combine(_dir, "bad.safetensors");
        File.WriteAllText(path, "hello world, not a checkpoint");
        var e = Assert.Throws<GraphMtlException>(() => SafeTensors.Load(path));
        Assert.StartsWith(path + ": not a safetensors file", e.Message);
    }
}
