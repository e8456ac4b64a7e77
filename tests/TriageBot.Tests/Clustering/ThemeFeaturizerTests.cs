using System.Numerics.Tensors;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TriageBot.Clustering;

namespace TriageBot.Tests.Clustering;

public sealed class ThemeFeaturizerTests
{
    [Fact]
    public void Centring_per_source_lets_reports_of_one_problem_from_different_sources_meet()
    {
        // Axis 0 and 1: two problems. Axis 2: the register of posts (short, informal), axis 3: of issues.
        float[][] vectors = [[1, 0, 2, 0], [0, 1, 2, 0], [1, 0, 0, 2], [0, 1, 0, 2]];
        string[] sources = ["X", "X", "GitHub", "GitHub"];
        foreach (var v in vectors) Normalize(v);
        var featurizer = new ThemeFeaturizer(null, new ClusteringOptions { CentrePerSource = true });

        var global = ThemeFeaturizer.Centre(vectors);
        var perSource = featurizer.CentreWithin(vectors, sources);

        // Same problem, different source: apart when centred globally, together when centred per source.
        Assert.True(Dot(global[0], global[2]) < Dot(global[0], global[1]));
        Assert.True(Dot(perSource[0], perSource[2]) > 0.99f);
        Assert.True(Dot(perSource[0], perSource[1]) < 0);
        Assert.Equal(global.Select(v => v.ToArray()), new ThemeFeaturizer(null, new ClusteringOptions { CentrePerSource = false }).CentreWithin(vectors, sources));
    }

    private static float Dot(float[] a, float[] b) => System.Numerics.Tensors.TensorPrimitives.Dot(a, b);

    private static void Normalize(float[] v)
    {
        var n = MathF.Sqrt(Dot(v, v));
        for (var i = 0; i < v.Length; i++) v[i] /= n;
    }

    /// <summary>Texts of eight topics, each a random pick of its topic's words and of words every topic uses.</summary>
    private static List<string> Corpus(int count)
    {
        var random = new Random(7);
        var topics = Enumerable.Range(0, 8).Select(t => Enumerable.Range(0, 12).Select(w => $"topic{t}word{w}").ToArray()).ToArray();
        var shared = Enumerable.Range(0, 60).Select(w => $"common{w}").ToArray();
        return Enumerable.Range(0, count).Select(i =>
        {
            var words = topics[i % topics.Length].OrderBy(_ => random.Next()).Take(6).Concat(shared.OrderBy(_ => random.Next()).Take(3));
            return string.Join(' ', words);
        }).ToList();
    }

    private static async Task<float[][]> LexicalAsync(IReadOnlyList<string> texts, int seed, int projections)
    {
        var options = new ClusteringOptions { Features = FeatureKind.Lexical, Seed = seed, LexicalProjections = projections };
        var hashes = texts.Select((_, i) => $"h{i}").ToList();
        var (vectors, _) = await new ThemeFeaturizer(null, options).FeaturizeAsync(hashes, texts, null, CancellationToken.None);
        return vectors;
    }

    /// <summary>The mean, over every pair of texts, of how much their cosine differs between two featurisations.</summary>
    private static double MeanCosineShift(float[][] a, float[][] b)
    {
        double sum = 0;
        var pairs = 0;
        for (var i = 0; i < a.Length; i++)
            for (var j = i + 1; j < a.Length; j++, pairs++)
                sum += Math.Abs(TensorPrimitives.Dot(a[i], a[j]) - TensorPrimitives.Dot(b[i], b[j]));
        return sum / pairs;
    }

    [Fact]
    public async Task Joined_projections_move_less_with_the_seed_than_one()
    {
        var texts = Corpus(300);

        var one = (await LexicalAsync(texts, seed: 1, projections: 1), await LexicalAsync(texts, seed: 2, projections: 1));
        var three = (await LexicalAsync(texts, seed: 1, projections: 3), await LexicalAsync(texts, seed: 2, projections: 3));

        // Three projections, joined: three times the columns, still unit vectors.
        Assert.Equal(3 * one.Item1[0].Length, three.Item1[0].Length);
        Assert.All(three.Item1, v => Assert.InRange(TensorPrimitives.Norm(v), 0.999f, 1.001f));
        // The randomized PCA moves every pair's similarity with the seed; the mean of three moves it less.
        var shiftOne = MeanCosineShift(one.Item1, one.Item2);
        var shiftThree = MeanCosineShift(three.Item1, three.Item2);
        Assert.True(shiftOne > 0, "one projection does not move with its seed: the test shows nothing");
        Assert.True(shiftThree < shiftOne * 0.8, $"three projections moved {shiftThree:F4}, one {shiftOne:F4}");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("11")]
    public void A_projection_count_out_of_range_fails_at_start(string count)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Clustering:LexicalProjections"] = count }).Build();
        using var services = new ServiceCollection().AddTriageBotClustering(config).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ClusteringOptions>>().Value);
        Assert.Contains("LexicalProjections", error.Message);
    }
}
