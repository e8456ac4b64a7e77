using System.Runtime.Intrinsics;

namespace TriageBot.Clustering;

/// <summary>
/// For each vector, the centre with the highest dot product: the assignment pass of k-means on normalised
/// vectors. 100,000 vectors against 1,000 centres is 10⁸ dot products; computing four vectors against one
/// centre at a time reads each centre once per four vectors and sums in registers, about twice as fast as
/// one dot product per pair.
/// </summary>
internal static class NearestCentre
{
    private const int Block = 4;

    /// <returns>Per vector, the index into <paramref name="centres"/> of its nearest centre (null centres skipped).</returns>
    public static int[] Assign(IReadOnlyList<float[]> vectors, IReadOnlyList<float[]?> centres)
    {
        var result = new int[vectors.Count];
        if (vectors.Count == 0) return result;
        var live = Enumerable.Range(0, centres.Count).Where(c => centres[c] is not null).ToArray();
        var dims = vectors[0].Length;
        // One contiguous matrix, row per centre: the rows stream through the cache in order.
        var matrix = new float[live.Length * dims];
        for (var k = 0; k < live.Length; k++) centres[live[k]]!.CopyTo(matrix, k * dims);
        var blocks = (vectors.Count + Block - 1) / Block;
        Parallel.For(0, blocks, b =>
        {
            var start = b * Block;
            if (start + Block <= vectors.Count && Vector512.IsHardwareAccelerated && dims >= Vector512<float>.Count)
                AssignFour(vectors, start, matrix, dims, live, result);
            else
                for (var i = start; i < Math.Min(start + Block, vectors.Count); i++)
                {
                    var best = 0;
                    var bestSim = float.NegativeInfinity;
                    for (var k = 0; k < live.Length; k++)
                    {
                        var s = VectorMath.Dot(matrix.AsSpan(k * dims, dims), vectors[i]);
                        if (s > bestSim) { bestSim = s; best = k; }
                    }
                    result[i] = live[best];
                }
        });
        return result;
    }

    private static void AssignFour(IReadOnlyList<float[]> vectors, int start, float[] matrix, int dims, int[] live, int[] result)
    {
        float[] a = vectors[start], b = vectors[start + 1], c = vectors[start + 2], d = vectors[start + 3];
        float bestA = float.NegativeInfinity, bestB = float.NegativeInfinity, bestC = float.NegativeInfinity, bestD = float.NegativeInfinity;
        int kA = 0, kB = 0, kC = 0, kD = 0;
        var width = Vector512<float>.Count;
        var whole = dims - dims % width;
        for (var k = 0; k < live.Length; k++)
        {
            var row = matrix.AsSpan(k * dims, dims);
            Vector512<float> sa = Vector512<float>.Zero, sb = sa, sc = sa, sd = sa;
            for (var i = 0; i < whole; i += width)
            {
                var r = Vector512.Create<float>(row.Slice(i, width));
                sa = Vector512.FusedMultiplyAdd(r, Vector512.Create<float>(a.AsSpan(i, width)), sa);
                sb = Vector512.FusedMultiplyAdd(r, Vector512.Create<float>(b.AsSpan(i, width)), sb);
                sc = Vector512.FusedMultiplyAdd(r, Vector512.Create<float>(c.AsSpan(i, width)), sc);
                sd = Vector512.FusedMultiplyAdd(r, Vector512.Create<float>(d.AsSpan(i, width)), sd);
            }
            float da = Vector512.Sum(sa), db = Vector512.Sum(sb), dc = Vector512.Sum(sc), dd = Vector512.Sum(sd);
            for (var i = whole; i < dims; i++)
            {
                da += row[i] * a[i];
                db += row[i] * b[i];
                dc += row[i] * c[i];
                dd += row[i] * d[i];
            }
            if (da > bestA) { bestA = da; kA = k; }
            if (db > bestB) { bestB = db; kB = k; }
            if (dc > bestC) { bestC = dc; kC = k; }
            if (dd > bestD) { bestD = dd; kD = k; }
        }
        result[start] = live[kA];
        result[start + 1] = live[kB];
        result[start + 2] = live[kC];
        result[start + 3] = live[kD];
    }
}
