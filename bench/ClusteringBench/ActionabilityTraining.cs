using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using TriageBot.Clustering;
using TriageBot.Clustering.Embeddings;
using TriageBot.Evaluation;

/// <summary>
/// actionability-train --train FILES --test FILES [--out FILE]: fits a logistic regression (ML.NET L-BFGS) on
/// MiniLM embeddings of scenario items labelled noise / theme, and compares it on the test scenarios with the
/// prototype score: ROC AUC, and the share of noise kept out when 97 % of theme items pass.
/// </summary>
internal static class ActionabilityTraining
{
    private sealed class Row
    {
        public bool Label { get; set; }
        [VectorType(MiniLmEmbeddingGenerator.Dimensions)] public float[] Features { get; set; } = [];
    }

    public static async Task RunAsync(string[] args)
    {
        var train = new List<string>(); var test = new List<string>(); string? output = null; var l2 = 1f;
        List<string>? current = null;
        for (var i = 0; i < args.Length; i++)
            switch (args[i])
            {
                case "--train": current = train; break;
                case "--test": current = test; break;
                case "--out": output = args[++i]; break;
                case "--l2": l2 = float.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default: current!.Add(args[i]); break;
            }
        using var generator = new MiniLmEmbeddingGenerator();
        var embedder = new ItemEmbedder(generator, FileEmbeddingStore.Shared());
        var classifier = new ActionabilityClassifier(generator);
        await classifier.EnsurePrototypesAsync(default);
        var trainRows = await RowsAsync(train, embedder);
        var testRows = await RowsAsync(test, embedder);
        Console.WriteLine($"train {trainRows.Count} distinct texts ({trainRows.Count(r => !r.Label)} noise), test {testRows.Count} ({testRows.Count(r => !r.Label)} noise)");

        var ml = new MLContext(1);
        var model = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(
            new LbfgsLogisticRegressionBinaryTrainer.Options { L2Regularization = l2, L1Regularization = 0 }).Fit(ml.Data.LoadFromEnumerable(trainRows));
        var weights = model.Model.SubModel.Weights.ToArray();
        var bias = model.Model.SubModel.Bias;
        double Lr(float[] x) => System.Numerics.Tensors.TensorPrimitives.Dot(weights, x) + bias;
        Report("logistic regression", testRows, Lr);
        Report("prototypes", testRows, x => classifier.Score(x));
        if (output is not null)
        {
            File.WriteAllText(output, System.Text.Json.JsonSerializer.Serialize(new { model = MiniLmEmbeddingGenerator.ModelId, bias, weights }));
            Console.WriteLine($"wrote {output}");
        }
    }

    private static void Report(string name, List<Row> rows, Func<float[], double> score)
    {
        var scored = rows.Select(r => (s: score(r.Features), r.Label)).ToList();
        // AUC: the chance a theme item scores above a noise item.
        var pos = scored.Where(x => x.Label).Select(x => x.s).ToArray();
        var neg = scored.Where(x => !x.Label).Select(x => x.s).ToArray();
        double wins = 0;
        foreach (var p in pos) foreach (var n in neg) wins += p > n ? 1 : p == n ? 0.5 : 0;
        var auc = wins / pos.Length / neg.Length;
        var cut = pos.Order().ElementAt((int)(pos.Length * 0.03));
        var kept = neg.Count(n => n < cut) / (double)neg.Length;
        Console.WriteLine($"{name,-20} AUC {auc:F3}; at 97% of theme items passing (cut {cut:F3}) {kept:P1} of noise is kept out");
    }

    private static async Task<List<Row>> RowsAsync(List<string> files, ItemEmbedder embedder)
    {
        var rows = new Dictionary<string, Row>();
        foreach (var file in files)
        {
            var items = ScenarioItems.Load(file);
            var labels = ScenarioTruth.Load(file).Labels();
            var texts = items.Select(ItemText.For).ToList();
            var vectors = await embedder.EmbedAsync(items.Select(i => i.ContentHash).ToList(), texts, null, default);
            for (var i = 0; i < items.Count; i++)
                if (labels.TryGetValue(items[i].Id, out var label))
                    rows.TryAdd(texts[i], new Row { Label = label != "noise", Features = vectors[i] });
        }
        return rows.Values.ToList();
    }
}
