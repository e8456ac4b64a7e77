namespace TriageBot.Clustering;

/// <summary>Dense vector arithmetic on float arrays, vectorised by <see cref="System.Numerics.Tensors.TensorPrimitives"/>.</summary>
internal static class VectorMath
{
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => System.Numerics.Tensors.TensorPrimitives.Dot(a, b);

    public static void Normalize(Span<float> v)
    {
        var norm = System.Numerics.Tensors.TensorPrimitives.Norm(v);
        if (norm > 0) System.Numerics.Tensors.TensorPrimitives.Divide(v, norm, v);
    }

    public static float[] Mean(IEnumerable<float[]> vectors, int dimensions)
    {
        var sum = new float[dimensions];
        var n = 0;
        foreach (var v in vectors)
        {
            System.Numerics.Tensors.TensorPrimitives.Add(sum, v, sum);
            n++;
        }
        if (n > 0) System.Numerics.Tensors.TensorPrimitives.Divide(sum, n, sum);
        return sum;
    }
}
