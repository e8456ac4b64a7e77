using Microsoft.Extensions.AI;
using TriageBot.Clustering.Embeddings;

namespace TriageBot.Tests.Clustering;

public sealed class StoredEmbeddingGeneratorTests
{
    [Fact]
    public async Task Texts_embedded_once_come_back_from_the_store_bit_for_bit()
    {
        var store = new InMemoryEmbeddingStore();
        var model = new KeywordEmbeddingGenerator("crash", "slow");
        var first = new StoredEmbeddingGenerator(model, store);

        var a = await first.GenerateAsync(["it crashes", "so slow", "it crashes"]);
        var b = await new StoredEmbeddingGenerator(model, store).GenerateAsync(["so slow", "it crashes", "thanks"]);

        Assert.Equal(3, model.TextsEmbedded); // "it crashes" and "so slow" once, "thanks" once
        Assert.Equal(a[1].Vector.ToArray(), b[0].Vector.ToArray());
        Assert.Equal(a[0].Vector.ToArray(), b[1].Vector.ToArray());
        Assert.Equal(a[0].Vector.ToArray(), a[2].Vector.ToArray());
        var direct = await model.GenerateAsync(["thanks"]);
        Assert.Equal(direct[0].Vector.ToArray(), b[2].Vector.ToArray());
        Assert.Equal("keywords", (first.GetService(typeof(EmbeddingGeneratorMetadata)) as EmbeddingGeneratorMetadata)?.DefaultModelId);
    }
}
