using TriageBot.Clustering;
using TriageBot.Clustering.Embeddings;

namespace TriageBot.Tests.Clustering;

public sealed class NuisanceProjectionTests
{
    [Fact]
    public void Apply_removes_the_kept_out_share_of_each_direction_and_leaves_the_rest()
    {
        var along = new NuisanceProjection([[1f, 0f, 0f], [0f, 1f, 0f]], keep: 0);
        var v = new[] { 3f, 4f, 5f };
        along.Apply(v);
        Assert.Equal([0f, 0f, 5f], v);

        var half = new NuisanceProjection([[0.6f, 0.8f, 0f]], keep: 0.5);
        var w = new[] { 3f, 4f, 5f }; // component 5 along the direction: 2.5 of it goes
        half.Apply(w);
        Assert.Equal(3f - 1.5f, w[0], 5);
        Assert.Equal(4f - 2f, w[1], 5);
        Assert.Equal(5f, w[2], 5);
    }

    [Fact]
    public void Read_skips_comments_takes_the_first_directions_asked_for_and_refuses_other_dimensions()
    {
        var text = "# learned from\n# eigenvalues 0.04\n1 0 0\n\n0 1 0\n0 0 1\n";
        var two = NuisanceProjection.Read(new StringReader(text), 2, keep: 0);
        Assert.Equal(2, two.Count);
        Assert.Equal(3, two.Dimensions);
        var v = new[] { 1f, 1f, 1f };
        two.Apply(v);
        Assert.Equal([0f, 0f, 1f], v);

        Assert.Throws<ArgumentException>(() => two.Apply(new float[4]));
        Assert.Throws<ArgumentException>(() => new NuisanceProjection([[1f, 0f], [0f, 1f, 0f]], 0));
    }

    [Fact]
    public async Task The_featurizer_leaves_no_component_along_the_removed_direction_for_embeddings_alone_or_joined()
    {
        string[] texts = ["login fails", "hola, login fails", "export drops a column", "hola, export drops a column", "login token expired"];
        string[] sources = ["Slack", "Slack", "Slack", "Slack", "Slack"];
        var hashes = texts.Select((_, i) => $"h{i}").ToList();
        var embedder = new ItemEmbedder(new KeywordEmbeddingGenerator("login", "export", "hola"), new InMemoryEmbeddingStore());
        var language = new NuisanceProjection([[0f, 0f, 1f, 0f]], keep: 0);

        var (plain, _) = await new ThemeFeaturizer(embedder, new ClusteringOptions { Features = FeatureKind.Embeddings }).FeaturizeAsync(hashes, texts, null, default, sources);
        var (projected, _) = await new ThemeFeaturizer(embedder, new ClusteringOptions { Features = FeatureKind.Embeddings }, language).FeaturizeAsync(hashes, texts, null, default, sources);
        var (joined, _) = await new ThemeFeaturizer(embedder, new ClusteringOptions { Features = FeatureKind.Both }, language).FeaturizeAsync(hashes, texts, null, default, sources);

        Assert.All(projected, v => Assert.Equal(0f, v[2], 5));
        Assert.All(joined, v => Assert.Equal(0f, v[2], 5));
        Assert.All(projected, v => Assert.Equal(1.0, Math.Sqrt(v.Sum(x => (double)x * x)), 4));
        // The greeting ("another language") no longer keeps two reports of one problem apart.
        Assert.True(VectorMath.Dot(projected[0], projected[1]) > VectorMath.Dot(plain[0], plain[1]) + 0.1,
            $"with {VectorMath.Dot(projected[0], projected[1]):F3}, without {VectorMath.Dot(plain[0], plain[1]):F3}");
        Assert.True(VectorMath.Dot(projected[2], projected[3]) > VectorMath.Dot(plain[2], plain[3]) + 0.1);
    }

    [Fact]
    public void The_shipped_direction_is_a_unit_vector_of_the_local_model_and_only_used_with_it()
    {
        var shipped = NuisanceProjection.MiniLmLanguage();
        Assert.Equal(1, shipped.Count);
        Assert.Equal(MiniLmEmbeddingGenerator.Dimensions, shipped.Dimensions);
        // Removing the direction from each basis vector e_k takes d_k² from place k: the squares add up to 1 for a unit vector.
        var removed = 0.0;
        for (var k = 0; k < shipped.Dimensions; k++)
        {
            var probe = new float[shipped.Dimensions];
            probe[k] = 1;
            shipped.Apply(probe);
            removed += 1 - probe[k];
        }
        Assert.Equal(1.0, removed, 3);
        Assert.Same(shipped, NuisanceProjection.MiniLmLanguage());

        Assert.NotNull(ClusteringServiceCollectionExtensions.NuisanceFor(new EmbeddingOptions()));
        Assert.Null(ClusteringServiceCollectionExtensions.NuisanceFor(new EmbeddingOptions { RemoveLanguageDirection = false }));
        Assert.Null(ClusteringServiceCollectionExtensions.NuisanceFor(new EmbeddingOptions { Provider = "OpenAI", Model = "m", ApiKey = "k" }));
    }
}
