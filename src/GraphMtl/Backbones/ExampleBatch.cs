namespace GraphMtl.Backbones;

/// <summary>
/// A mini-batch of examples as tensors (a disjoint union of molecular graphs, or feature rows), made by an
/// <see cref="IExampleStore"/> for a list of dataset rows inside the caller's dispose scope.
/// </summary>
public abstract class ExampleBatch(int size)
{
    /// <summary>Number of examples (rows of the encoder's output).</summary>
    public int Size { get; } = size;
}

/// <summary>
/// The tensors of a whole dataset's inputs, built once (pre-featurised; kept outside every dispose scope), from which
/// <see cref="Collate"/> cuts mini-batches by gathering rows: host-side index arrays, one <c>index_select</c> per
/// tensor.
/// </summary>
public interface IExampleStore : IDisposable
{
    /// <summary>Number of examples.</summary>
    int Count { get; }

    /// <summary>The batch of <paramref name="rows"/> (dataset indices, any order, repeats allowed); tensors belong to the current dispose scope.</summary>
    ExampleBatch Collate(ReadOnlySpan<int> rows);
}

/// <summary>An encoder of examples: a batch of <see cref="ExampleBatch.Size"/> examples → embeddings <c>[Size, OutDim]</c>.</summary>
public abstract class ExampleEncoder(string name, int outDim) : nn.Module<ExampleBatch, Tensor>(name)
{
    /// <summary>Width of the embedding.</summary>
    public int OutDim { get; } = outDim;

    /// <summary>Casts a batch to the type this encoder reads, with a clear error otherwise.</summary>
    protected static T As<T>(ExampleBatch batch, string encoder) where T : ExampleBatch =>
        batch as T ?? throw new ArgumentException($"Expected a {typeof(T).Name} for the {encoder} encoder (got {batch.GetType().Name}).", nameof(batch));
}
