using System.Diagnostics;
using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;
using TriageBot.Clustering;
using TriageBot.Evaluation;

/// <summary>
/// Where the lexical path's time goes: text featurisation (fit + transform), count selection, PCA, reading the
/// vectors out, and the clustering, each timed with a Stopwatch; run twice in one process (cold: with JIT; warm).
/// Usage: lexical-profile CSV k [charNgrams true|false]
/// </summary>
internal static class LexicalProfile
{
    private sealed class Row { public string Text { get; set; } = ""; }
    private sealed class SparseRow { public VBuffer<float> Tfidf { get; set; } }

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
        var cache = args.Length > 3 && bool.Parse(args[3]);
        var texts = rows.Select(r => r.Text).ToList();
        var truth = rows.Select(r => r.Label).ToList();
        for (var round = 0; round < 2; round++)
        {
            var sw = Stopwatch.StartNew();
            var ml = new MLContext(1);
            var data = ml.Data.LoadFromEnumerable(texts.Select(t => new Row { Text = t }));
            var options = new TextFeaturizingEstimator.Options
            {
                CaseMode = TextNormalizingEstimator.CaseMode.Lower, KeepDiacritics = false, KeepPunctuations = false, KeepNumbers = true,
                StopWordsRemoverOptions = new StopWordsRemovingEstimator.Options { Language = TextFeaturizingEstimator.Language.English },
                WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true, Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf },
                CharFeatureExtractor = chars ? new WordBagEstimator.Options { NgramLength = 3, UseAllLengths = false, Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf } : null,
                Norm = TextFeaturizingEstimator.NormFunction.L2,
            };
            var text = ml.Transforms.Text.FeaturizeText("Tfidf", options, nameof(Row.Text)).Fit(data);
            var tText = sw.Elapsed.TotalSeconds; sw.Restart();
            var tfidf = text.Transform(data);
            var select = ml.Transforms.FeatureSelection.SelectFeaturesBasedOnCount("Tfidf", count: 2).Fit(tfidf);
            var selected = select.Transform(tfidf);
            if (cache) selected = ml.Data.Cache(selected);
            var tSelect = sw.Elapsed.TotalSeconds; sw.Restart();
            if (round == 0) Console.WriteLine($"  slots: tfidf {((VectorDataViewType)tfidf.Schema["Tfidf"].Type).Size}, selected {((VectorDataViewType)selected.Schema["Tfidf"].Type).Size}");
            var rowsT = selected.GetColumn<VBuffer<float>>("Tfidf").Select(v => { var c = default(VBuffer<float>); v.CopyTo(ref c); return new SparseRow { Tfidf = c }; }).ToList();
            var tMat = sw.Elapsed.TotalSeconds; sw.Restart();
            var dim = ((VectorDataViewType)selected.Schema["Tfidf"].Type).Size;
            var sch = SchemaDefinition.Create(typeof(SparseRow));
            sch["Tfidf"].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dim);
            var mem = ml.Data.LoadFromEnumerable(rowsT, sch);
            var pca2 = ml.Transforms.ProjectToPrincipalComponents("Lsa", "Tfidf", rank: 100, overSampling: 10, ensureZeroMean: false, seed: 1).Fit(mem);
            var tPca2 = sw.Elapsed.TotalSeconds; sw.Restart();
            Console.WriteLine($"  materialise {tMat:F2}s, pca fit on memory {tPca2:F2}s");
            var pca = ml.Transforms.ProjectToPrincipalComponents("Lsa", "Tfidf", rank: 100, overSampling: 10, ensureZeroMean: false, seed: 1).Fit(selected);
            var tPca = sw.Elapsed.TotalSeconds; sw.Restart();
            var vectors = pca.Transform(selected).GetColumn<VBuffer<float>>("Lsa").Select(v => v.DenseValues().ToArray()).ToArray();
            foreach (var v in vectors) { var n = MathF.Sqrt(System.Numerics.Tensors.TensorPrimitives.Dot(v, v)); if (n > 0) System.Numerics.Tensors.TensorPrimitives.Divide(v, n, v); }
            var tOut = sw.Elapsed.TotalSeconds; sw.Restart();
            var labels = ThemeGrouping.ByCountWard(vectors, k, 4000, 1, default);
            var tCluster = sw.Elapsed.TotalSeconds;
            sw.Restart();
            var km = KMeansClustering.Cluster(vectors, k);
            var tKm = sw.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  (ml.net kmeans++ alone {tKm:F2}s NMI {TriageBot.Evaluation.ClusteringMetrics.Nmi(truth, km):F3})"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(round == 0 ? "cold" : "warm")}: text fit {tText:F2}s, count select {tSelect:F2}s, pca fit {tPca:F2}s, transform+read {tOut:F2}s, cluster {tCluster:F2}s; total {tText + tSelect + tPca + tOut + tCluster:F2}s; NMI {TriageBot.Evaluation.ClusteringMetrics.Nmi(truth, labels):F3}"));
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
