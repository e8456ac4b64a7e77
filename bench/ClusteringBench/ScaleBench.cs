using Microsoft.Extensions.AI;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TriageBot.Clustering;
using TriageBot.Clustering.Embeddings;
using TriageBot.Domain;
using TriageBot.Storage.Sqlite;

/// <summary>
/// Scale: first-time embedding of a large backlog into the real SQLite store (progress, resumable:
/// interrupt it and run again), then clustering every item with the embeddings already stored, then
/// the lexical path alone on the short texts. Prints seconds and peak memory per phase.
/// </summary>
internal static class ScaleBench
{
    public static async Task RunAsync(string[] args)
    {
        var scenario = args[0];
        var db = args.Length > 1 ? args[1] : "/tmp/scale-embeddings.db";
        var phase = args.Length > 2 ? args[2] : "all"; // embed | cluster | cluster-embeddings | lexical | memory | all
        var items = ScenarioItems.LoadAsConfigured(scenario);
        Console.WriteLine($"{items.Count} items from {scenario}");
        var o = new ClusteringOptions();

        if (phase is "embed" or "cluster" or "cluster-embeddings" or "all")
        {
            using var generator = new MiniLmEmbeddingGenerator(o.Embeddings.MaxTokens);
            await using var factory = new SqliteConnectionFactory($"Data Source={db}");
            var store = new SqliteEmbeddingStore(factory);
            var embedder = new ItemEmbedder(generator, store, o.Embeddings.ChunkSize);
            await EmbedAllAsync(items, embedder);
            // A deployed store holds the actionability prototypes' vectors after its first run; without them here the
            // first `cluster` after `embed` would load the model (≈ 300 MiB) to embed a few dozen sentences.
            if (phase == "embed") await new ActionabilityClassifier(new StoredEmbeddingGenerator(generator, store)).EnsurePrototypesAsync(default);
            if (phase is "cluster" or "cluster-embeddings" or "all")
            {
                if (phase == "cluster-embeddings") o.Features = FeatureKind.Embeddings;
                if (o.Features == FeatureKind.Both) LexicalProbe(items, o.Seed);
                var before = Snapshot();
                var sw = Stopwatch.StartNew();
                // As the CLI wires it: the prototypes' vectors through the store, so with every item stored the model never loads.
                var clusterer = Clusterer(embedder, o, new StoredEmbeddingGenerator(generator, store));
                var result = await clusterer.ClusterAsync(items, [], default);
                Report($"cluster (embeddings stored, features {o.Features})", sw.Elapsed, before, $"{result.Themes.Count} themes, {result.Noise.Count} noise");
                // After the timing: the scenario's truth, scored as `scenario` scores it (every theme of 2+ ticketed unless held).
                var score = TriageBot.Evaluation.ScenarioScorer.Score(TriageBot.Evaluation.ScenarioTruth.Load(scenario), ScenarioBench.ToReport(result));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  score: recall {score.ThemeRecall:F3} purity {score.TicketPurity:F3} dup {score.DuplicateTickets} noiseFiled {score.NoiseFiledRate:F3} nmi {score.Nmi:F3} missing {score.ItemsMissing}"));
            }
        }
        if (phase == "memory")
        {
            // What the big pieces of a 100k-item clustering hold, measured one by one (live bytes after a full GC).
            var m0 = Snapshot();
            var texts = items.Select(ItemText.For).ToList();
            var m1 = Snapshot();
            var terms = new DistinctiveTerms(texts);
            var m2 = Snapshot();
            Console.WriteLine($"items {m0 / 1048576.0:F0} MiB; their texts +{(m1 - m0) / 1048576.0:F0} MiB; DistinctiveTerms +{(m2 - m1) / 1048576.0:F0} MiB");
            var ws0 = Environment.WorkingSet;
            using (var g = new MiniLmEmbeddingGenerator(o.Embeddings.MaxTokens))
            {
                // The model loads on the first texts to embed; load it here so "at load" measures the model.
                g.LoadModel();
                var m3 = Snapshot();
                var ws1 = Environment.WorkingSet;
                var swEmbed = Stopwatch.StartNew();
                _ = g.Embed(texts.Take(64).ToList());
                _ = g.Embed(texts.Skip(1000).Take(2000).ToList());
                Console.WriteLine($"embedding 2,064 items: {swEmbed.Elapsed.TotalSeconds:F1} s");
                Snapshot();
                Console.WriteLine($"the MiniLM generator +{(m3 - m2) / 1048576.0:F0} MiB managed; working set +{(ws1 - ws0) / 1048576.0:F0} MiB at load, +{(Environment.WorkingSet - ws0) / 1048576.0:F0} MiB after embedding 64 items");
            }
            GC.KeepAlive(terms);
            GC.KeepAlive(texts);
        }
        if (phase is "lexical" or "all")
        {
            var shortItems = items.Where(i => ItemText.For(i).Length <= 280).Take(100_000).ToList();
            var lexical = new ClusteringOptions { Features = FeatureKind.Lexical };
            LexicalProbe(shortItems, lexical.Seed);
            var before = Snapshot();
            var sw = Stopwatch.StartNew();
            var result = await Clusterer(null, lexical, null).ClusterAsync(shortItems, [], default);
            Report($"lexical path on {shortItems.Count} short texts (featurisation included)", sw.Elapsed, before, $"{result.Themes.Count} themes, {result.Noise.Count} noise");
        }
    }

    /// <summary>Every item's embedding, from the store or the model (progress every 10 s); the vectors are not kept.</summary>
    private static async Task EmbedAllAsync(List<FeedbackItem> items, ItemEmbedder embedder)
    {
        var texts = items.Select(ItemText.For).ToList();
        var hashes = items.Select(i => i.ContentHash).ToList();
        var sw = Stopwatch.StartNew();
        var last = TimeSpan.Zero;
        var progress = new Progress<EmbeddingProgress>(p =>
        {
            if (sw.Elapsed - last < TimeSpan.FromSeconds(10) && p.Done < p.Total) return;
            last = sw.Elapsed;
            var fresh = p.Done - p.FromStore;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  embedded {p.Done}/{p.Total} ({p.FromStore} from the store), {sw.Elapsed.TotalSeconds:F0} s, {(fresh > 0 ? fresh / sw.Elapsed.TotalSeconds : 0):F0} new/s"));
        });
        await embedder.EmbedAsync(hashes, texts, progress, default);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"embed phase: {sw.Elapsed.TotalSeconds:F1} s"));
    }

    /// <summary>
    /// With SCALE_LEXICAL_PROBE=1, the lexical features alone, timed per step; fitted on the product's sample size, or on
    /// SCALE_FIT_SAMPLE texts to compare others.
    /// </summary>
    private static void LexicalProbe(List<FeedbackItem> items, int seed)
    {
        if (Environment.GetEnvironmentVariable("SCALE_LEXICAL_PROBE") != "1") return;
        var fitSample = int.TryParse(Environment.GetEnvironmentVariable("SCALE_FIT_SAMPLE"), CultureInfo.InvariantCulture, out var n)
            ? n : ThemeFeaturizer.LexicalFitSample;
        var sw = Stopwatch.StartNew();
        var probe = new LexicalFeaturizer { Seed = seed, FitSample = fitSample };
        _ = probe.Featurize(items.Select(ItemText.For).ToList());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  (lexical features alone for {items.Count} texts: {sw.Elapsed.TotalSeconds:F1} s; {string.Join(", ", probe.Timings.Select(t => $"{t.Step} {t.Seconds:F1} s"))}; {probe.SelectedNgrams} n-grams)"));
    }

    private static ThemeClusterer Clusterer(ItemEmbedder? embedder, ClusteringOptions o, IEmbeddingGenerator<string, Embedding<float>>? generator)
    {
        var opts = Options.Create(o);
        return new ThemeClusterer(new ThemeFeaturizer(embedder, o, ClusteringServiceCollectionExtensions.NuisanceFor(o.Embeddings)), new ActionabilityClassifier(generator) { Margin = o.ActionabilityMargin },
            new ThemeOverrides(new InMemoryThemeOverrideStore(), opts, TimeProvider.System), opts, TimeProvider.System, StepLogger());
    }

    /// <summary>With SCALE_STEPS=1, the clusterer's Debug log (its seconds per step) on the console; otherwise none.</summary>
    private static ILogger<ThemeClusterer>? StepLogger()
    {
        if (Environment.GetEnvironmentVariable("SCALE_STEPS") != "1") return null;
        var factory = LoggerFactory.Create(b => b.AddSimpleConsole(c => c.SingleLine = true).SetMinimumLevel(LogLevel.Debug)
            .AddFilter((category, _) => category == typeof(ThemeClusterer).FullName));
        return factory.CreateLogger<ThemeClusterer>();
    }

    private static long Snapshot()
    {
        using (var process = Process.GetCurrentProcess()) _cpuBefore = process.TotalProcessorTime;
        GC.Collect();
        return GC.GetTotalMemory(true);
    }

    private static TimeSpan _cpuBefore;

    private static void Report(string what, TimeSpan elapsed, long managedBefore, string outcome)
    {
        using var process = Process.GetCurrentProcess();
        var gc = GC.GetGCMemoryInfo();
        // CPU seconds beside wall seconds: on the shared box the wall time depends on the others' load, CPU time much less.
        var cpu = (process.TotalProcessorTime - _cpuBefore).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {elapsed.TotalSeconds:F1} s (process CPU {cpu:F1} s; load {string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ')[..3])}), {outcome}; managed before {managedBefore / 1048576.0:F0} MiB, peak working set so far {process.PeakWorkingSet64 / 1048576.0:F0} MiB, GC heap now {gc.HeapSizeBytes / 1048576.0:F0} MiB"));
    }
}
