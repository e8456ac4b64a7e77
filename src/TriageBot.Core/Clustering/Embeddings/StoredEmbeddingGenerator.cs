using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.AI;
using TriageBot.Storage;

namespace TriageBot.Clustering.Embeddings;

/// <summary>
/// A generator for fixed texts (the actionability prototypes) that keeps their vectors in the embedding store, keyed by
/// the text's hash: with the local model loaded only when something is to be embedded, a run whose items' vectors are
/// all stored then never loads it (~300 MB of working set). Returns exactly what the inner generator returned: vectors
/// are stored bit for bit, and not re-normalised.
/// </summary>
public sealed class StoredEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner, IEmbeddingStore store)
    : IEmbeddingGenerator<string, Embedding<float>>
{
    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values.ToList();
        var keys = texts.Select(Key).ToList();
        var model = ModelKey;
        var found = new Dictionary<string, float[]>(
            await store.GetManyAsync(model, keys.Distinct(StringComparer.Ordinal).ToList(), cancellationToken), StringComparer.Ordinal);
        var missing = texts.Where((_, i) => !found.ContainsKey(keys[i])).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            var generated = await inner.GenerateAsync(missing, options, cancellationToken);
            var batch = new Dictionary<string, float[]>(StringComparer.Ordinal);
            for (var i = 0; i < missing.Count; i++) batch[Key(missing[i])] = generated[i].Vector.ToArray();
            await store.PutManyAsync(model, batch, cancellationToken);
            foreach (var (key, vector) in batch) found[key] = vector;
        }
        return new GeneratedEmbeddings<Embedding<float>>(keys.Select(k => new Embedding<float>(found[k])));
    }

    /// <summary>The inner generator's model, apart from item vectors (whose key also names the item text's version).</summary>
    private string ModelKey =>
        $"{(inner.GetService(typeof(EmbeddingGeneratorMetadata)) as EmbeddingGeneratorMetadata)?.DefaultModelId ?? "embeddings"}/text";

    private static string Key(string text) => "text:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : inner.GetService(serviceType, serviceKey);

    // The inner generator belongs to whoever created it.
    public void Dispose() { }
}
