using TriageBot.Clustering.Embeddings;

namespace TriageBot.Tests.Clustering;

public class ItemEmbedderTests
{
    [Fact]
    public async Task A_content_hash_is_embedded_once_and_progress_is_reported()
    {
        var generator = new KeywordEmbeddingGenerator("login", "export");
        var store = new InMemoryEmbeddingStore();
        var embedder = new ItemEmbedder(generator, store, chunkSize: 2);
        var reports = new List<EmbeddingProgress>();
        var progress = new SynchronousProgress(reports.Add);

        var first = await embedder.EmbedAsync(["h1", "h2", "h3", "h1"], ["login a", "export b", "login c", "login a"], progress, default);
        Assert.Equal(3, generator.TextsEmbedded);
        Assert.Equal(3, store.Count);
        Assert.Same(first[0], first[3]);
        Assert.Equal(new EmbeddingProgress(3, 3, 0), reports[^1]);

        var second = await embedder.EmbedAsync(["h2", "h4"], ["export b", "export d"], progress, default);
        Assert.Equal(4, generator.TextsEmbedded);
        Assert.Equal(first[1], second[0]);
        Assert.Equal(new EmbeddingProgress(2, 2, 1), reports[^1]);
    }

    private sealed class SynchronousProgress(Action<EmbeddingProgress> report) : IProgress<EmbeddingProgress>
    {
        public void Report(EmbeddingProgress value) => report(value);
    }
}
