using System.Collections.Concurrent;
using TriageBot.Storage;

namespace TriageBot.Clustering.Embeddings;

/// <summary>Embeddings kept for the life of the process: the fallback when no database store is registered, and for tests.</summary>
public sealed class InMemoryEmbeddingStore : IEmbeddingStore
{
    private readonly ConcurrentDictionary<(string Model, string Hash), float[]> _vectors = new();

    public int Count => _vectors.Count;

    public Task<IReadOnlyDictionary<string, float[]>> GetManyAsync(string model, IReadOnlyCollection<string> contentHashes, CancellationToken ct)
    {
        var found = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var h in contentHashes)
            if (_vectors.TryGetValue((model, h), out var v)) found[h] = v;
        return Task.FromResult<IReadOnlyDictionary<string, float[]>>(found);
    }

    public Task PutManyAsync(string model, IReadOnlyDictionary<string, float[]> vectors, CancellationToken ct)
    {
        foreach (var (h, v) in vectors) _vectors[(model, h)] = v;
        return Task.CompletedTask;
    }
}
