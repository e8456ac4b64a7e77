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

    /// <returns>Cluster index (0..k-1) per vector.</returns>
    public static int[] Cluster(IReadOnlyList<float[]> vectors, int k, int seed = 1, int maxIterations = 100)
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
            InitializationAlgorithm = KMeansTrainer.InitializationAlgorithm.KMeansPlusPlus,
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
