using System.Diagnostics;
using System.Globalization;
using TriageBot.Clustering;
using TriageBot.Evaluation;

/// <summary>
/// Where the lexical path's time goes: <see cref="LexicalFeaturizer"/>'s own per-step timings (text fit, count selection,
/// PCA fit, transform) and the clustering (<see cref="ThemeGrouping.ByCountWard"/>, as <c>eval</c> runs it), NMI against
/// the labels; run twice in one process (cold: with JIT; warm). Usage: lexical-profile CSV k [charNgrams true|false]
/// [projections] (how many PCA projections are joined, <see cref="LexicalFeaturizer.Projections"/>; default 1, as eval).
/// </summary>
internal static class LexicalProfile
{
    public static void Run(string[] args)
    {
        if (args[0] == "--sample")
        {
            LexicalSampleProbe.Run(args[1..]);
            return;
        }
        var rows = LabelledCsv.Read(args[0]);
        var k = int.Parse(args[1], CultureInfo.InvariantCulture);
        var chars = args.Length <= 2 || bool.Parse(args[2]);
        var projections = args.Length <= 3 ? 1 : int.Parse(args[3], CultureInfo.InvariantCulture);
        var texts = rows.Select(r => r.Text).ToList();
        var truth = rows.Select(r => r.Label).ToList();
        for (var round = 0; round < 2; round++)
        {
            // As EvalRunner featurises a labelled CSV: n-grams of one text dropped (LexicalMinCount 2).
            var featurizer = new LexicalFeaturizer { CharNgrams = chars, MinCount = new EvalRunner(null).LexicalMinCount, Projections = projections };
            var sw = Stopwatch.StartNew();
            var vectors = featurizer.Featurize(texts);
            var tFeatures = sw.Elapsed.TotalSeconds;
            sw.Restart();
            var labels = ThemeGrouping.ByCountWard(vectors, k, 4000, 1, default);
            var tCluster = sw.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(round == 0 ? "cold" : "warm")}: {string.Join(", ", featurizer.Timings.Select(t => $"{t.Step} {t.Seconds:F2}s"))} ({featurizer.SelectedNgrams} n-grams), cluster {tCluster:F2}s; total {tFeatures + tCluster:F2}s; NMI {ClusteringMetrics.Nmi(truth, labels):F3}"));
        }
    }
}

/// <summary>
/// What fitting on a sample costs in quality: lexical features of a labelled CSV fitted on all texts or on a seeded
/// sample, then Ward + k-means at k, NMI against the labels. Usage: lexical-profile --sample CSV k fitSample [minCount]
/// </summary>
internal static class LexicalSampleProbe
{
    public static void Run(string[] args)
    {
        var rows = LabelledCsv.Read(args[0]);
        var k = int.Parse(args[1], CultureInfo.InvariantCulture);
        var fitSample = int.Parse(args[2], CultureInfo.InvariantCulture);
        var minCount = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 2;
        var sw = Stopwatch.StartNew();
        var featurizer = new LexicalFeaturizer { MinCount = minCount, FitSample = fitSample };
        var vectors = featurizer.Featurize(rows.Select(r => r.Text).ToList());
        var tFeatures = sw.Elapsed.TotalSeconds;
        var labels = ThemeGrouping.ByCountWard(vectors, k, 4000, 1, default);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{rows.Count} texts, fit sample {fitSample}: NMI {TriageBot.Evaluation.ClusteringMetrics.Nmi(rows.Select(r => r.Label).ToList(), labels):F4}; features {tFeatures:F1} s ({string.Join(", ", featurizer.Timings.Select(t => $"{t.Step} {t.Seconds:F1} s"))}; {featurizer.SelectedNgrams} n-grams)"));
    }
}
