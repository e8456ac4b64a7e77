using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using TriageBot.Clustering;
using TriageBot.Clustering.Embeddings;
using TriageBot.Domain;
using TriageBot.Evaluation;
using TriageBot.Reports;

/// <summary>Clusters scenario files as the pipeline would (every theme with >= 2 items ticketed) and scores them.</summary>
internal static class ScenarioBench
{
    public static async Task RunAsync(string[] args)
    {
        var o = new ClusteringOptions();
        var files = new List<string>();
        var verbose = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => args[++i];
            switch (args[i])
            {
                case "--merge": o.MergeSimilarity = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--join": o.JoinSimilarity = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--margin": o.ActionabilityMargin = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--weight": o.EmbeddingWeight = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--features": o.Features = Enum.Parse<FeatureKind>(Next(), true); break;
                case "--foreign": o.ForeignJoinSimilarity = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--min": o.MinThemeSize = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--frag": o.FragmentSimilarity = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--gmargin": o.GroupActionabilityMargin = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--tsim": o.TermMergeSimilarity = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--tshared": o.TermMergeSharedTerms = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--ttop": o.TermMergeTopTerms = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--automerge": o.AutoMergeSimilarity = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--persource": o.CentrePerSource = bool.Parse(Next()); break;
                case "--rjoin": o.ResidualJoinSimilarity = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--rmargin": o.ResidualMargin = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--maxdirect": o.MaxDirectItems = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "-v": verbose = true; break;
                default: files.Add(args[i]); break;
            }
        }
        using var generator = new MiniLmEmbeddingGenerator(o.Embeddings.MaxTokens);
        var store = new FileEmbeddingStore("/tmp/bench-embeddings.bin");
        var embedder = new ItemEmbedder(generator, store);
        var classifier = new ActionabilityClassifier(generator) { Margin = o.ActionabilityMargin };
        var opts = Options.Create(o);
        var clusterer = new ThemeClusterer(new ThemeFeaturizer(embedder, o), classifier,
            new ThemeOverrides(new InMemoryThemeOverrideStore(), opts, TimeProvider.System), opts, TimeProvider.System);
        foreach (var file in files)
        {
            var items = ScenarioItems.Load(file);
            var truth = ScenarioTruth.Load(file);
            var sw = Stopwatch.StartNew();
            var result = await clusterer.ClusterAsync(items, [], default);
            var seconds = sw.Elapsed.TotalSeconds;
            var report = ToReport(result);
            var score = ScenarioScorer.Score(truth, report);
            Console.WriteLine($"{Path.GetFileName(file)}: items {items.Count} themes {result.Themes.Count} noise {result.Noise.Count} ({seconds:F1}s)  " +
                $"recall {score.ThemeRecall:F3} purity {score.TicketPurity:F3} dup {score.DuplicateTickets} noiseFiled {score.NoiseFiledRate:F3} nmi {score.Nmi:F3} missing {score.ItemsMissing}");
            if (verbose) Explain(items, truth, result);
        }
    }

    internal static RunReport ToReport(ClusteringResult result) => new()
    {
        RunId = "bench", Started = DateTimeOffset.UnixEpoch, Finished = DateTimeOffset.UnixEpoch,
        Items = new ReportItems { Fetched = 0, BySource = new Dictionary<string, int>(), Noise = result.Noise },
        Themes = result.Themes.Select(t => new ReportTheme
        {
            Id = t.Id, Title = t.Id, Summary = "", Items = t.ItemIds, Trend = "new",
            Ticket = t.ItemIds.Count >= 2 ? new ReportTicket("X-1", "u", "created") : null,
        }).ToList(),
        ApiCalls = new Dictionary<string, long>(), LlmTokens = new ReportTokens(0, 0), TimingsMs = new Dictionary<string, long>(),
    };

    private static void Explain(List<FeedbackItem> items, ScenarioTruth truth, ClusteringResult result)
    {
        var labels = truth.Labels();
        var byId = items.ToDictionary(i => i.Id);
        string Text(string id) => byId.TryGetValue(id, out var it) ? ItemText.For(it) is var t && t.Length > 110 ? t[..110] : ItemText.For(it) : "?";
        foreach (var t in result.Themes)
        {
            var counts = t.ItemIds.GroupBy(id => labels.GetValueOrDefault(id, "?")).OrderByDescending(g => g.Count()).ToList();
            var majority = counts[0].Key;
            Console.WriteLine($"  THEME {t.Id} n={t.ItemIds.Count} majority={majority} " + string.Join(" ", counts.Select(g => $"{g.Key}:{g.Count()}")));
            if (Environment.GetEnvironmentVariable("ALLITEMS") is "1")
                foreach (var id in t.ItemIds.Where(id => labels.GetValueOrDefault(id) == majority)) Console.WriteLine($"      item {id.Split(':')[0]} {Text(id)}");
            foreach (var id in t.ItemIds.Where(id => labels.GetValueOrDefault(id) != majority))
                Console.WriteLine($"      stray [{labels.GetValueOrDefault(id, "?")}] {Text(id)}");
        }
        var vecs = result.Themes.ToDictionary(t => t.Id, t => t.Centroid);
        for (var a = 0; a < result.Themes.Count; a++)
            for (var b = a + 1; b < result.Themes.Count; b++)
            {
                var ta = result.Themes[a]; var tb = result.Themes[b];
                if (ta.Centroid.Length != tb.Centroid.Length || ta.Centroid.Length == 0) continue;
                var sim = System.Numerics.Tensors.TensorPrimitives.Dot(ta.Centroid, tb.Centroid);
                string Maj(Theme t) => t.ItemIds.GroupBy(id => labels.GetValueOrDefault(id, "?")).OrderByDescending(g => g.Count()).First().Key;
                if (sim > 0.25) Console.WriteLine($"  PAIR {sim:F3} {(Maj(ta) == Maj(tb) ? "SAME" : "diff")} {Maj(ta)}({ta.ItemIds.Count}) ~ {Maj(tb)}({tb.ItemIds.Count})");
            }
        var themeOf = result.Themes.SelectMany(t => t.ItemIds.Select(id => (id, t.Id))).ToDictionary(x => x.id, x => x.Id);
        foreach (var id in result.Noise.Where(id => labels.GetValueOrDefault(id) is { } l && l != "noise"))
            Console.WriteLine($"  NOISED [{labels[id]}] {Text(id)}");
    }
}

internal static class ActionabilityBench
{
    public static async Task RunAsync(string file)
    {
        using var generator = new MiniLmEmbeddingGenerator();
        var embedder = new ItemEmbedder(generator, new FileEmbeddingStore("/tmp/bench-embeddings.bin"));
        var classifier = new ActionabilityClassifier(generator);
        await classifier.EnsurePrototypesAsync(default);
        var items = ScenarioItems.Load(file);
        var labels = ScenarioTruth.Load(file).Labels();
        var texts = items.Select(ItemText.For).ToList();
        var vectors = await embedder.EmbedAsync(items.Select(i => i.ContentHash).ToList(), texts, null, default);
        var rows = items.Select((it, i) => (score: classifier.Score(vectors[i]), noise: labels[it.Id] == "noise", words: ActionabilityClassifier.WordCount(texts[i]), text: texts[i].Length > 100 ? texts[i][..100] : texts[i])).OrderBy(r => r.score).ToList();
        foreach (var r in rows) Console.WriteLine($"{r.score,7:F3} {(r.noise ? "NOISE" : "theme")} w={r.words,3} {r.text}");
    }
}
