using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace TriageBot.Clustering;

/// <summary>k-means with ML.NET's trainer (k-means++ initialisation, Yinyang acceleration).</summary>
public static class KMeansClustering
{
    private sealed class Row
    {
        public float[] Features { get; set; } = [];
    }

    private sealed class Prediction
    {
        [ColumnName("PredictedLabel")] public uint Cluster { get; set; }
    }

    /// <summary>
    /// Lloyd's k-means from given labels: assign each vector to its nearest centroid, recompute,
    /// until nothing moves. Starting from Ward's tree cut (<see cref="WardLinkage"/>) it only polishes
    /// the borders, which is why it converges in a few rounds.
    /// </summary>
    public static int[] Refine(IReadOnlyList<float[]> vectors, int[] labels, int maxIterations = 50, CancellationToken ct = default)
    {
        var k = labels.Max() + 1;
        labels = (int[])labels.Clone();
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            ct.ThrowIfCancellationRequested();
            var (centres, counts) = SumsByLabel(vectors, labels, k);
            for (var c = 0; c < k; c++)
                if (counts[c] > 0) System.Numerics.Tensors.TensorPrimitives.Divide(centres[c], counts[c], centres[c]);
            var moved = 0;
            var next = new int[vectors.Count];
            Parallel.For(0, vectors.Count, i =>
            {
                var best = labels[i];
                var bestDistance = float.PositiveInfinity;
                for (var c = 0; c < k; c++)
                {
                    if (counts[c] == 0) continue;
                    var d = System.Numerics.Tensors.TensorPrimitives.Distance(vectors[i], centres[c]);
                    if (d < bestDistance) { bestDistance = d; best = c; }
                }
                next[i] = best;
                if (best != labels[i]) Interlocked.Increment(ref moved);
            });
            labels = next;
            if (moved == 0) break;
        }
        return labels;
    }

    /// <summary>Per label 0..k-1, the sum of its vectors and how many there are.</summary>
    internal static (float[][] Sums, int[] Counts) SumsByLabel(IReadOnlyList<float[]> vectors, int[] labels, int k)
    {
        var sums = new float[k][];
        var counts = new int[k];
        for (var c = 0; c < k; c++) sums[c] = new float[vectors[0].Length];
        for (var i = 0; i < vectors.Count; i++)
        {
            System.Numerics.Tensors.TensorPrimitives.Add(sums[labels[i]], vectors[i], sums[labels[i]]);
            counts[labels[i]]++;
        }
        return (sums, counts);
    }

    /// <returns>Cluster index (0..k-1) per vector.</returns>
    /// <param name="randomStart">Start from random centres instead of k-means++, whose start costs O(n·k²) and dominates for a large k.</param>
    public static int[] Cluster(IReadOnlyList<float[]> vectors, int k, int seed = 1, int maxIterations = 100, bool randomStart = false)
    {
        if (vectors.Count == 0) return [];
        k = Math.Clamp(k, 1, vectors.Count);
        if (k == 1) return new int[vectors.Count];
        var ml = new MLContext(seed);
        var dimensions = vectors[0].Length;
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimensions);
        var data = ml.Data.LoadFromEnumerable(vectors.Select(v => new Row { Features = v }), schema);
        var trainer = ml.Clustering.Trainers.KMeans(new KMeansTrainer.Options
        {
            FeatureColumnName = nameof(Row.Features),
            NumberOfClusters = k,
            InitializationAlgorithm = randomStart ? KMeansTrainer.InitializationAlgorithm.Random : KMeansTrainer.InitializationAlgorithm.KMeansPlusPlus,
            MaximumNumberOfIterations = maxIterations,
            OptimizationTolerance = 1e-5f,
            NumberOfThreads = Environment.ProcessorCount,
        });
        var model = trainer.Fit(data);
        var predicted = model.Transform(data);
        var clusters = predicted.GetColumn<uint>("PredictedLabel").ToArray();
        // ML.NET numbers clusters from 1.
        return clusters.Select(c => (int)c - 1).ToArray();
    }
}
