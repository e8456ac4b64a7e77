using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using TriageBot.Clustering;
using TriageBot.Clustering.Embeddings;
using TriageBot.Evaluation;

/// <summary>
/// nuisance-train --out FILE [--k K] SCENARIOS...: learns the directions in which reports of one truth theme differ
/// most among themselves (the top eigenvectors of the within-theme scatter), from the embeddings as the clusterer sees
/// them (centred per source), and writes them one per line, strongest first. The first is language: a Spanish and an
/// English report of one problem lie far apart along it (`nuisance-show`).
/// </summary>
internal static class NuisanceTraining
{
    public static async Task RunAsync(string[] args)
    {
        string? output = null;
        var k = 64;
        var files = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--out": output = args[++i]; break;
                case "--k": k = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default: files.Add(args[i]); break;
            }
        }
        if (output is null || files.Count == 0) throw new ArgumentException("usage: nuisance-train --out FILE [--k K] SCENARIOS...");

        using var scenarios = new CentredScenarios();
        Matrix<double>? within = null;
        long residuals = 0;
        foreach (var file in files)
        {
            var (items, labels, vectors) = await scenarios.LoadAsync(file);
            var dims = vectors[0].Length;
            within ??= Matrix<double>.Build.Dense(dims, dims);
            var themed = items.Select((it, i) => (Label: labels.GetValueOrDefault(it.Id, "noise"), Vector: vectors[i]))
                .Where(x => x.Label != "noise").ToList();
            foreach (var theme in themed.GroupBy(x => x.Label).Where(g => g.Count() >= 2))
            {
                var mean = Mean(theme.Select(x => x.Vector), dims);
                foreach (var (_, v) in theme)
                {
                    AddOuter(within, v, mean);
                    residuals++;
                }
            }
        }
        within!.Divide(residuals, within);
        var evd = within.Evd(Symmetricity.Symmetric);
        var directions = evd.EigenVectors;
        var values = evd.EigenValues.Select(c => c.Real).ToArray();
        var order = Enumerable.Range(0, values.Length).OrderByDescending(i => values[i]).Take(k).ToList();
        // Orthonormalised strongest first, so applying them one after another removes each once.
        var chosen = new List<Vector<double>>();
        foreach (var i in order)
        {
            var v = directions.Column(i).Clone();
            foreach (var u in chosen) v -= u * u.DotProduct(v);
            var norm = v.L2Norm();
            if (norm > 1e-9) chosen.Add(v / norm);
        }
        using var writer = new StreamWriter(output);
        writer.WriteLine("# all-MiniLM-L6-v2 nuisance directions, one per line, strongest first: written by `sh bench/nuisance_train.sh`");
        writer.WriteLine($"# (within-theme scatter of {residuals} theme reports in {files.Count} scenarios: {string.Join(", ", files.Select(Path.GetFileName))})");
        writer.WriteLine($"# eigenvalues {string.Join(" ", order.Take(chosen.Count).Select(i => values[i].ToString("0.0000", CultureInfo.InvariantCulture)))}");
        foreach (var v in chosen) writer.WriteLine(string.Join(" ", v.Select(x => ((float)x).ToString("R", CultureInfo.InvariantCulture))));
        Console.WriteLine($"wrote {chosen.Count} directions from {residuals} theme reports in {files.Count} scenarios to {output}");
    }

    private static double[] Mean(IEnumerable<float[]> vectors, int dims)
    {
        var sum = new double[dims];
        var n = 0;
        foreach (var v in vectors) { for (var d = 0; d < dims; d++) sum[d] += v[d]; n++; }
        for (var d = 0; d < dims; d++) sum[d] /= Math.Max(1, n);
        return sum;
    }

    private static void AddOuter(Matrix<double> m, float[] v, double[] mean)
    {
        var r = new double[v.Length];
        for (var d = 0; d < v.Length; d++) r[d] = v[d] - mean[d];
        for (var a = 0; a < r.Length; a++)
            for (var b = 0; b < r.Length; b++) m[a, b] += r[a] * r[b];
    }
}

/// <summary>
/// A scenario's items, their truth labels, and their embeddings as the clusterer sees them before any nuisance is removed
/// (centred per source, normalised): what nuisance-train learns from and nuisance-show reads.
/// </summary>
internal sealed class CentredScenarios : IDisposable
{
    private readonly MiniLmEmbeddingGenerator _generator = new();
    private readonly ThemeFeaturizer _featurizer;

    public CentredScenarios() => _featurizer = new ThemeFeaturizer(
        new ItemEmbedder(_generator, FileEmbeddingStore.Shared()), new ClusteringOptions { Features = FeatureKind.Embeddings });

    public async Task<(List<TriageBot.Domain.FeedbackItem> Items, Dictionary<string, string> Labels, float[][] Vectors)> LoadAsync(string file)
    {
        var items = ScenarioItems.Load(file);
        var (vectors, _) = await _featurizer.FeaturizeAsync(items.Select(i => i.ContentHash).ToList(), items.Select(ItemText.For).ToList(),
            null, default, items.Select(i => i.Source.ToString()).ToList());
        return (items, ScenarioTruth.Load(file).Labels(), vectors);
    }

    public void Dispose() => _generator.Dispose();
}

/// <summary>nuisance-show DIRECTIONS K SCENARIO: the reports at both ends of direction K, to read what it stands for.</summary>
internal static class NuisanceShow
{
    public static async Task RunAsync(string[] args)
    {
        float[] direction;
        using (var reader = File.OpenText(args[0]))
            direction = NuisanceProjection.ReadDirections(reader)[int.Parse(args[1], CultureInfo.InvariantCulture)];
        using var scenarios = new CentredScenarios();
        var (items, labels, vectors) = await scenarios.LoadAsync(args[2]);
        var rows = items.Select((it, i) => (Score: System.Numerics.Tensors.TensorPrimitives.Dot(vectors[i], direction), it, Label: labels.GetValueOrDefault(it.Id, "?")))
            .OrderBy(r => r.Score).ToList();
        foreach (var r in rows.Take(12).Concat(rows.TakeLast(12)))
        {
            var text = ItemText.For(r.it).ReplaceLineEndings(" ");
            Console.WriteLine($"{r.Score,7:F3} {r.it.Source,-6} {r.Label,-26} {(text.Length > 100 ? text[..100] : text)}");
        }
    }
}
