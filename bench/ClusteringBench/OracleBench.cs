using System.Globalization;
using TriageBot.Clustering;
using TriageBot.Clustering.Embeddings;
using TriageBot.Evaluation;
using TriageBot.Text;

/// <summary>Diagnostics: how separable the truth is in our feature space (leave-one-out nearest truth centroid, actionability).</summary>
internal static class OracleBench
{
    public static async Task RunAsync(string[] args)
    {
        var o = new ClusteringOptions();
        using var generator = new MiniLmEmbeddingGenerator(o.Embeddings.MaxTokens);
        var embedder = new ItemEmbedder(generator, FileEmbeddingStore.Shared());
        var classifier = new ActionabilityClassifier(generator);
        await classifier.EnsurePrototypesAsync(default);
        var mode = args.Length > 1 ? args[1] : "both";
        o.Features = Enum.Parse<FeatureKind>(mode, true);
        if (args.Length > 2) o.CentrePerSource = bool.Parse(args[2]);
        if (args.Length > 3) o.EmbeddingWeight = double.Parse(args[3], CultureInfo.InvariantCulture);
        var items = ScenarioItems.Load(args[0]);
        var labels = ScenarioTruth.Load(args[0]).Labels();
        var texts = items.Select(ItemText.For).ToList();
        var (vectors, emb) = await new ThemeFeaturizer(embedder, o).FeaturizeAsync(items.Select(i => i.ContentHash).ToList(), texts, null, default, items.Select(i => i.Source.ToString()).ToList());
        var truth = items.Select(i => labels.GetValueOrDefault(i.Id, "?")).ToList();
        var themes = truth.Where(l => l != "noise").Distinct().ToList();
        var sums = themes.ToDictionary(t => t, _ => new float[vectors[0].Length]);
        var counts = themes.ToDictionary(t => t, _ => 0);
        for (var i = 0; i < items.Count; i++)
            if (truth[i] != "noise") { System.Numerics.Tensors.TensorPrimitives.Add(sums[truth[i]], vectors[i], sums[truth[i]]); counts[truth[i]]++; }
        int right = 0, total = 0;
        var rows = new List<(double best, double act, string truth, string pred, bool en, string text)>();
        for (var i = 0; i < items.Count; i++)
        {
            string bestT = ""; double best = -2;
            foreach (var t in themes)
            {
                var c = (float[])sums[t].Clone();
                if (truth[i] == t) System.Numerics.Tensors.TensorPrimitives.Subtract(c, vectors[i], c);
                { var n = MathF.Sqrt(System.Numerics.Tensors.TensorPrimitives.Dot(c, c)); if (n > 0) System.Numerics.Tensors.TensorPrimitives.Divide(c, n, c); }
                var s = System.Numerics.Tensors.TensorPrimitives.Dot(c, vectors[i]);
                if (s > best) { best = s; bestT = t; }
            }
            if (truth[i] != "noise") { total++; if (bestT == truth[i]) right++; }
            var text = texts[i].Length > 90 ? texts[i][..90] : texts[i];
            rows.Add((best, classifier.Score(emb![i]), truth[i], bestT, EnglishText.Reads(texts[i]), text.Replace('\n', ' ')));
        }
        Console.WriteLine($"leave-one-out nearest truth centroid accuracy: {right}/{total} = {(double)right / total:F3}");
        var noiseBest = rows.Where(r => r.truth == "noise").Select(r => r.best).Order().ToList();
        if (noiseBest.Count > 0)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"noise items' similarity to the nearest truth centroid: 90th percentile {noiseBest[(int)(0.9 * (noiseBest.Count - 1))]:F3}, max {noiseBest[^1]:F3}; theme items at >= 0.25 of their own: {rows.Count(r => r.truth != "noise" && r.truth == r.pred && r.best >= 0.25)}/{total}"));
        foreach (var r in rows.OrderBy(r => r.act))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"act {r.act,6:F3} best {r.best,6:F3} {(r.truth == "noise" ? "NOISE " : r.truth == r.pred ? "ok    " : "WRONG ")}{(r.en ? "en" : "xx")} [{r.truth}->{r.pred}] {r.text}"));
    }
}
