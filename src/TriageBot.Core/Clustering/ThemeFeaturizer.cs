using TriageBot.Clustering.Embeddings;

namespace TriageBot.Clustering;

/// <summary>Turns texts into L2-normalised vectors of the configured kind: embeddings, lexical, or both joined.</summary>
public sealed class ThemeFeaturizer(ItemEmbedder? embedder, ClusteringOptions options)
{
    public FeatureKind Kind => options.Features;

    public bool UsesEmbeddings => options.Features != FeatureKind.Lexical && embedder is not null;

    /// <returns>The feature vectors, and the embeddings alone (null when the features use none).</returns>
    public async Task<(float[][] Features, float[][]? Embeddings)> FeaturizeAsync(
        IReadOnlyList<string> contentHashes, IReadOnlyList<string> texts, IProgress<EmbeddingProgress>? progress, CancellationToken ct,
        IReadOnlyList<string>? registers = null)
    {
        if (options.Features == FeatureKind.Lexical || embedder is null)
        {
            if (options.Features != FeatureKind.Lexical)
                throw new InvalidOperationException($"Clustering:Features is {options.Features} but no embedding generator is configured.");
            return (CentreWithin(Lexical(texts), registers), null);
        }
        var embeddings = await embedder.EmbedAsync(contentHashes, texts, progress, ct);
        var centred = CentreWithin(embeddings, registers);
        if (options.Features == FeatureKind.Embeddings) return (centred, embeddings);
        return (Combine(centred, CentreWithin(Lexical(texts), registers), options.EmbeddingWeight), embeddings);
    }

    private float[][] Lexical(IReadOnlyList<string> texts) => new LexicalFeaturizer { Seed = options.Seed, MinCount = options.LexicalMinCount }.Featurize(texts);

    /// <summary>
    /// Centres each register (source) on its own mean. A post, a chat message and an issue
    /// template about one problem differ in length, tone and layout more than in what they say;
    /// that difference is one direction per source, and removing it lets reports of one problem
    /// from different sources meet.
    /// </summary>
    public float[][] CentreWithin(float[][] vectors, IReadOnlyList<string>? registers)
    {
        if (registers is null || !options.CentrePerSource) return Centre(vectors);
        var result = new float[vectors.Length][];
        foreach (var group in Enumerable.Range(0, vectors.Length).GroupBy(i => registers[i]))
        {
            var members = group.ToList();
            var centred = Centre(members.Select(i => vectors[i]).ToArray());
            for (var k = 0; k < members.Count; k++) result[members[k]] = centred[k];
        }
        return result;
    }

    /// <summary>
    /// Subtracts the corpus mean and re-normalises. Sentence embeddings share a large common
    /// direction (all feedback is about the same product, in the same register); removing it
    /// spreads the themes apart, so one similarity threshold means the same for every product.
    /// </summary>
    public static float[][] Centre(float[][] vectors)
    {
        if (vectors.Length < 2) return vectors;
        var mean = VectorMath.Mean(vectors, vectors[0].Length);
        return vectors.Select(v =>
        {
            var c = new float[v.Length];
            System.Numerics.Tensors.TensorPrimitives.Subtract(v, mean, c);
            VectorMath.Normalize(c);
            return c;
        }).ToArray();
    }

    /// <summary>Joins two normalised vectors so that a dot product is <c>w·cos₁ + (1−w)·cos₂</c>.</summary>
    public static float[][] Combine(float[][] first, float[][] second, double weight)
    {
        float a = (float)Math.Sqrt(weight), b = (float)Math.Sqrt(1 - weight);
        var result = new float[first.Length][];
        for (var i = 0; i < first.Length; i++)
        {
            var v = new float[first[i].Length + second[i].Length];
            for (var d = 0; d < first[i].Length; d++) v[d] = a * first[i][d];
            for (var d = 0; d < second[i].Length; d++) v[first[i].Length + d] = b * second[i][d];
            result[i] = v;
        }
        return result;
    }
}
