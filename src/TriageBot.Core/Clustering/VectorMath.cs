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

    public static float[] Sum(IEnumerable<float[]> vectors, int dimensions)
    {
        var sum = new float[dimensions];
        foreach (var v in vectors) System.Numerics.Tensors.TensorPrimitives.Add(sum, v, sum);
        return sum;
    }

    public static float[] Mean(IEnumerable<float[]> vectors, int dimensions)
    {
        var list = vectors as IReadOnlyCollection<float[]> ?? vectors.ToList();
        var sum = Sum(list, dimensions);
        if (list.Count > 0) System.Numerics.Tensors.TensorPrimitives.Divide(sum, list.Count, sum);
        return sum;
    }
}
