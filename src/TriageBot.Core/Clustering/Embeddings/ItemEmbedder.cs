using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TriageBot.Storage;

namespace TriageBot.Clustering.Embeddings;

/// <summary>Progress of embedding a backlog: items done (stored or found in the store) out of all.</summary>
public readonly record struct EmbeddingProgress(int Done, int Total, int FromStore);

/// <summary>
/// Embeds texts keyed by content hash, through the store: a hash already stored is never embedded
/// again, and new vectors are stored chunk by chunk, so an interrupted first run over a large
/// backlog resumes where it stopped.
/// </summary>
public sealed class ItemEmbedder(
    IEmbeddingGenerator<string, Embedding<float>> generator,
    IEmbeddingStore store,
    int chunkSize = 512,
    ILogger<ItemEmbedder>? logger = null)
{
    // Bump when ItemText changes what a featuriser sees, so stored vectors of the old text are not reused.
    private const string TextVersion = "t2";
    private readonly ILogger _logger = logger ?? NullLogger<ItemEmbedder>.Instance;

    public IEmbeddingGenerator<string, Embedding<float>> Generator => generator;

    /// <summary>The store key of this generator's vectors: model plus text version.</summary>
    public string ModelKey
    {
        get
        {
            var meta = generator.GetService(typeof(EmbeddingGeneratorMetadata)) as EmbeddingGeneratorMetadata;
            return $"{meta?.DefaultModelId ?? meta?.ProviderName ?? "embeddings"}/{TextVersion}";
        }
    }

    /// <returns>One L2-normalised vector per text, in order.</returns>
    public async Task<float[][]> EmbedAsync(IReadOnlyList<string> contentHashes, IReadOnlyList<string> texts,
        IProgress<EmbeddingProgress>? progress, CancellationToken ct)
    {
        var model = ModelKey;
        var unique = contentHashes.Distinct(StringComparer.Ordinal).ToList();
        // One call: the store orders and batches the lookups itself (in key order they are several times faster).
        var found = new Dictionary<string, float[]>(await store.GetManyAsync(model, unique, ct), StringComparer.Ordinal);
        var fromStore = found.Count;

        var missing = new List<(string Hash, string Text)>();
        var queued = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < texts.Count; i++)
            if (!found.ContainsKey(contentHashes[i]) && queued.Add(contentHashes[i])) missing.Add((contentHashes[i], texts[i]));
        progress?.Report(new EmbeddingProgress(fromStore, unique.Count, fromStore));

        var done = fromStore;
        foreach (var chunk in missing.Chunk(Math.Max(1, chunkSize)))
        {
            ct.ThrowIfCancellationRequested();
            var generated = await generator.GenerateAsync(chunk.Select(c => c.Text), cancellationToken: ct);
            var batch = new Dictionary<string, float[]>(StringComparer.Ordinal);
            for (var i = 0; i < chunk.Length; i++)
            {
                var v = generated[i].Vector.ToArray();
                VectorMath.Normalize(v);
                batch[chunk[i].Hash] = v;
                found[chunk[i].Hash] = v;
            }
            await store.PutManyAsync(model, batch, ct);
            done += chunk.Length;
            progress?.Report(new EmbeddingProgress(done, unique.Count, fromStore));
            if (missing.Count > chunkSize) _logger.LogInformation("Embedded {Done}/{Total} items", done, unique.Count);
        }
        return contentHashes.Select(h => found[h]).ToArray();
    }
}
