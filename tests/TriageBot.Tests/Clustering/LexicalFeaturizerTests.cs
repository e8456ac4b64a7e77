using Microsoft.ML;
using Microsoft.ML.Data;
using TriageBot.Clustering;
using TriageBot.Clustering.Embeddings;

namespace TriageBot.Tests.Clustering;

public sealed class LexicalFeaturizerTests
{
    private static readonly string[] Topics =
    [
        "login fails with an invalid token error after the password reset",
        "export to csv drops the last column of the report",
        "dark mode makes the sidebar text unreadable on the settings page",
    ];

    /// <summary>Many phrasings of three problems: each sentence of a topic plus a different filler word.</summary>
    private static List<(string Text, int Topic)> Corpus(int perTopic)
    {
        var random = new Random(3);
        string[] fillers = ["today", "again", "please", "urgent", "still", "since monday", "for everyone", "on mobile", "in chrome", "weekly"];
        var corpus = new List<(string, int)>();
        for (var i = 0; i < perTopic; i++)
            for (var t = 0; t < Topics.Length; t++)
            {
                var words = Topics[t].Split(' ').Where(_ => random.NextDouble() < 0.75);
                corpus.Add(($"{string.Join(' ', words)} {fillers[random.Next(fillers.Length)]}", t));
            }
        return corpus;
    }

    [Fact]
    public void Fitted_on_a_sample_every_text_gets_a_unit_vector_nearest_its_own_topic()
    {
        var corpus = Corpus(80);
        var texts = corpus.Select(c => c.Text).ToList();
        var featurizer = new LexicalFeaturizer { Dimensions = 10, FitSample = 60 };

        var vectors = featurizer.Featurize(texts);

        Assert.Equal(texts.Count, vectors.Length);
        Assert.All(vectors, v => Assert.InRange(System.Numerics.Tensors.TensorPrimitives.Norm(v), 0.999f, 1.001f));
        // Every text (most were only transformed, not fitted) is nearer the centroid of its own topic than any other.
        var centroids = Enumerable.Range(0, Topics.Length).Select(t =>
        {
            var members = vectors.Where((_, i) => corpus[i].Topic == t).ToList();
            var c = new float[members[0].Length];
            foreach (var m in members) System.Numerics.Tensors.TensorPrimitives.Add(c, m, c);
            return c;
        }).ToList();
        var correct = vectors.Select((v, i) => centroids.Select(c => System.Numerics.Tensors.TensorPrimitives.Dot(v, c)).ToList())
            .Where((sims, i) => sims.IndexOf(sims.Max()) == corpus[i].Topic).Count();
        Assert.True(correct >= texts.Count * 0.95, $"{correct} of {texts.Count} nearest their own topic");
        Assert.Contains(featurizer.Timings, t => t.Step == "transform");
    }

    [Fact]
    public void Repeated_texts_outside_the_sample_get_equal_vectors_of_their_own()
    {
        var texts = Corpus(30).Select(c => c.Text).ToList();
        texts.AddRange(Enumerable.Repeat("export to csv drops the last column again", 5));

        var vectors = new LexicalFeaturizer { Dimensions = 10, FitSample = 40 }.Featurize(texts);

        var repeats = Enumerable.Range(texts.Count - 5, 5).Select(i => vectors[i]).ToList();
        Assert.All(repeats, v => Assert.Equal(repeats[0], v));
        Assert.Equal(5, repeats.Distinct(ReferenceEqualityComparer.Instance).Count());
    }

    [Fact]
    public void At_or_below_the_sample_size_the_features_do_not_depend_on_it()
    {
        var texts = Corpus(20).Select(c => c.Text).ToList();

        var whole = new LexicalFeaturizer { Dimensions = 10 }.Featurize(texts);
        var atLimit = new LexicalFeaturizer { Dimensions = 10, FitSample = texts.Count }.Featurize(texts);

        Assert.Equal(whole, atLimit);
    }

    private sealed class Row
    {
        public VBuffer<float> Tfidf { get; set; }
    }

    [Fact]
    public void The_projection_read_from_the_fitted_pca_gives_what_the_pca_gives()
    {
        var ml = new MLContext(1);
        var random = new Random(5);
        const int ngrams = 40, rank = 5;
        var rows = Enumerable.Range(0, 60).Select(_ =>
        {
            var indices = Enumerable.Range(0, ngrams).Where(_ => random.NextDouble() < 0.2).ToArray();
            var values = indices.Select(_ => (float)random.NextDouble()).ToArray();
            return new Row { Tfidf = new VBuffer<float>(ngrams, indices.Length, values, indices) };
        }).ToList();
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Tfidf)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, ngrams);
        var data = ml.Data.LoadFromEnumerable(rows, schema);
        var pca = ml.Transforms.ProjectToPrincipalComponents(LexicalFeaturizer.Lsa, LexicalFeaturizer.Tfidf, rank: rank, ensureZeroMean: false, seed: 1).Fit(data);

        var expected = pca.Transform(data).GetColumn<VBuffer<float>>(LexicalFeaturizer.Lsa).Select(v => v.DenseValues().ToArray()).ToList();
        var actual = LexicalFeaturizer.Project(data, LexicalFeaturizer.Projection(ml, pca, ngrams, rank), rank);

        Assert.Equal(expected.Count, actual.Length);
        for (var i = 0; i < actual.Length; i++)
            for (var d = 0; d < rank; d++) Assert.Equal(expected[i][d], actual[i][d], 4);
    }
}

public sealed class ThemeFeaturizerJoinTests
{
    [Fact]
    public async Task Both_is_the_centred_embeddings_joined_with_the_centred_lexical_features_exactly()
    {
        string[] texts =
        [
            "login fails after reset", "login fails on mobile", "export drops a column", "export drops the header",
            "thanks, great work", "login token expired error",
        ];
        string[] sources = ["Slack", "Slack", "GitHub", "GitHub", "X", "Slack"];
        var hashes = texts.Select((_, i) => $"h{i % 5}").ToList(); // two texts share content: their embedding is one array
        var embedder = new ItemEmbedder(new KeywordEmbeddingGenerator("login", "export", "thanks"), new InMemoryEmbeddingStore());
        var options = new ClusteringOptions { Features = FeatureKind.Both, EmbeddingWeight = 0.3 };

        var (features, _) = await new ThemeFeaturizer(embedder, options).FeaturizeAsync(hashes, texts, null, default, sources);
        var (lexical, _) = await new ThemeFeaturizer(null, new ClusteringOptions { Features = FeatureKind.Lexical }).FeaturizeAsync(hashes, texts, null, default, sources);
        var embeddings = await embedder.EmbedAsync(hashes, texts, null, default);
        var featurizer = new ThemeFeaturizer(null, options);

        var expected = ThemeFeaturizer.Combine(featurizer.CentreWithin(embeddings, sources), lexical, 0.3);
        Assert.Equal(expected, features);
        Assert.Same(embeddings[0], embeddings[5]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Both_reads_the_embeddings_back_from_the_features_instead_of_holding_them_twice(bool withNuisance)
    {
        string[] texts = ["login fails after reset", "login fails on mobile", "export drops a column", "export drops the header", "thanks, great work"];
        // "X" has one item: it is not centred, so only the nuisance projection and the weight stand between it and its embedding.
        string[] sources = ["Slack", "Slack", "GitHub", "GitHub", "X"];
        var hashes = texts.Select((_, i) => $"h{i}").ToList();
        var embedder = new ItemEmbedder(new KeywordEmbeddingGenerator("login", "export", "thanks"), new InMemoryEmbeddingStore());
        var nuisance = withNuisance ? new NuisanceProjection([[0f, 0.6f, 0f, 0.8f]], keep: 0) : null;
        var options = new ClusteringOptions { Features = FeatureKind.Both, EmbeddingWeight = 0.3 };

        var (features, readBack) = await new ThemeFeaturizer(embedder, options, nuisance).FeaturizeAsync(hashes, texts, null, default, sources);
        var embeddings = await embedder.EmbedAsync(hashes, texts, null, default);

        Assert.IsType<EmbeddingReadBack>(readBack);
        Assert.Equal(texts.Length, readBack!.Count);
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.NotSame(embeddings[i], readBack[i]);
            Assert.Equal(embeddings[i], readBack[i], (x, y) => Math.Abs(x - y) < 1e-5f);
        }
        // What the features' embedding part lost is really needed to read it back: the part alone is not the embedding.
        Assert.NotEqual(embeddings[0], features[0][..4], (x, y) => Math.Abs(x - y) < 1e-3f);
    }
}
