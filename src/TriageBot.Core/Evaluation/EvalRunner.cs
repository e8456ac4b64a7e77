using System.Diagnostics;
using System.Globalization;
using TriageBot.Clustering;
using TriageBot.Clustering.Embeddings;

namespace TriageBot.Evaluation;

/// <summary>What <c>triagebot eval</c> prints: the scores, how many clusters, and the seconds taken.</summary>
public sealed record EvalResult(string File, int Rows, FeatureKind Features, string K, ClusteringScores Scores,
    double FeaturizeSeconds, double ClusterSeconds)
{
    public double TotalSeconds => FeaturizeSeconds + ClusterSeconds;

    public string ToText() => string.Create(CultureInfo.InvariantCulture,
        $"""
        file        {File} ({Rows} rows, {Scores.TrueClusters} labels)
        features    {Features.ToString().ToLowerInvariant()}, k = {K} -> {Scores.PredictedClusters} clusters
        NMI         {Scores.Nmi:0.0000}
        ARI         {Scores.Ari:0.0000}
        V-measure   {Scores.VMeasure:0.0000}
        accuracy    {Scores.Accuracy:0.0000} (Hungarian)
        seconds     {TotalSeconds:0.00} (features {FeaturizeSeconds:0.00}, clustering {ClusterSeconds:0.00})
        """);
}

/// <summary>
/// Clusters a labelled CSV (<c>id,text,label</c>) and scores it against the labels. With a k,
/// Ward's tree cut at k and refined by k-means (<see cref="ThemeGrouping.ByCountWard"/>); with k = auto, the themes' own method (average linkage cut at a
/// similarity), whose threshold for short single-sentence texts is <see cref="AutoSimilarity"/>.
/// </summary>
public sealed class EvalRunner(ItemEmbedder? embedder)
{
    /// <summary>Linkage cut for <c>--k auto</c>; on centred embeddings of short texts.</summary>
    public double AutoSimilarity { get; init; } = 0.3;
    public double EmbeddingWeight { get; init; } = 0.5;
    public int Seed { get; init; } = 1;

    /// <summary>Above this many texts both methods work over k-means micro-clusters (the linkage matrix is n²).</summary>
    private const int MaxDirectItems = 4000;

    /// <summary>A labelled corpus of short texts: n-grams of one text only are dropped, as scikit-learn's baseline does (min_df = 2).</summary>
    public int LexicalMinCount { get; init; } = 2;

    /// <summary>One call for <c>triagebot eval --csv FILE [--k N|auto] [--features ...]</c>; <paramref name="k"/> null means auto.</summary>
    public async Task<EvalResult> RunAsync(string csvPath, int? k, FeatureKind features, CancellationToken ct)
    {
        var rows = LabelledCsv.Read(csvPath);
        var texts = rows.Select(r => r.Text).ToList();
        var hashes = texts.Select(t => Domain.FeedbackItem.ComputeHash("", t, [])).ToList();

        var sw = Stopwatch.StartNew();
        // One projection, as scikit-learn's baseline fits one TruncatedSVD: the comparison stays like for like.
        var options = new ClusteringOptions
        {
            Features = features, EmbeddingWeight = EmbeddingWeight, Seed = Seed, LexicalMinCount = LexicalMinCount, LexicalProjections = 1,
        };
        var (vectors, _) = await new ThemeFeaturizer(embedder, options).FeaturizeAsync(hashes, texts, null, ct);
        var featurizeSeconds = sw.Elapsed.TotalSeconds;

        sw.Restart();
        var labels = k is { } n
            ? ThemeGrouping.ByCountWard(vectors, n, MaxDirectItems, Seed, ct)
            : ThemeGrouping.BySimilarity(vectors, (float)AutoSimilarity, MaxDirectItems, Seed, ct);
        var clusterSeconds = sw.Elapsed.TotalSeconds;

        var scores = ClusteringMetrics.Score(rows.Select(r => r.Label).ToList(), labels);
        return new EvalResult(Path.GetFileName(csvPath), rows.Count, features, k?.ToString(CultureInfo.InvariantCulture) ?? "auto",
            scores, featurizeSeconds, clusterSeconds);
    }
}
