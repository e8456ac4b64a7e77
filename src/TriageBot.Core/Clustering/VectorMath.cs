namespace TriageBot.Clustering;

/// <summary>Dense vector arithmetic on float arrays, vectorised by <see cref="System.Numerics.Tensors.TensorPrimitives"/>.</summary>
internal static class VectorMath
{
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => System.Numerics.Tensors.TensorPrimitives.Dot(a, b);

    /// <returns>The norm <paramref name="v"/> had (0: left as it is).</returns>
    public static float Normalize(Span<float> v)
    {
        var norm = System.Numerics.Tensors.TensorPrimitives.Norm(v);
        if (norm > 0) System.Numerics.Tensors.TensorPrimitives.Divide(v, norm, v);
        return norm;
    }

    public static float[] Sum(IEnumerable<float[]> vectors, int dimensions)
    {
        var sum = new float[dimensions];
        foreach (var v in vectors) System.Numerics.Tensors.TensorPrimitives.Add(sum, v, sum);
        return sum;
    }

    /// <summary>The mean, in one pass: vectors made on the fly (<see cref="EmbeddingReadBack"/>) are never all held at once.</summary>
    public static float[] Mean(IEnumerable<float[]> vectors, int dimensions)
    {
        var sum = new float[dimensions];
        var count = 0;
        foreach (var v in vectors)
        {
            System.Numerics.Tensors.TensorPrimitives.Add(sum, v, sum);
            count++;
        }
        if (count > 0) System.Numerics.Tensors.TensorPrimitives.Divide(sum, count, sum);
        return sum;
    }
}
