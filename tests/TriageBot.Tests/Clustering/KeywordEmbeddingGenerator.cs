using Microsoft.Extensions.AI;

namespace TriageBot.Tests.Clustering;

/// <summary>
/// A fast stand-in for the model: each known keyword is one axis, so texts sharing a keyword are
/// similar and texts sharing none are orthogonal. Counts calls so tests can see the store at work.
/// </summary>
internal sealed class KeywordEmbeddingGenerator(params string[] keywords) : IEmbeddingGenerator<string, Embedding<float>>
{
    public int TextsEmbedded { get; private set; }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var text in values)
        {
            TextsEmbedded++;
            var v = new float[keywords.Length + 1];
            var lower = text.ToLowerInvariant();
            for (var k = 0; k < keywords.Length; k++)
                if (lower.Contains(keywords[k], StringComparison.Ordinal)) v[k] = 1;
            v[^1] = 0.3f; // a shared direction, like real embeddings have
            var norm = MathF.Sqrt(v.Sum(x => x * x));
            result.Add(new Embedding<float>(v.Select(x => x / norm).ToArray()));
        }
        return Task.FromResult(result);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(EmbeddingGeneratorMetadata) ? new EmbeddingGeneratorMetadata("test", null, "keywords") : null;

    public void Dispose() { }
}
