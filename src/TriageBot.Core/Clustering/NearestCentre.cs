using System.Numerics;
using System.Runtime.InteropServices;

namespace TriageBot.Clustering;

/// <summary>
/// For each vector, the centre with the highest dot product: the assignment pass of k-means on normalised
/// vectors. 100,000 vectors against 1,000 centres is 10⁸ dot products, so the pass is arranged for the cache:
/// a chunk of vectors meets the centres one tile at a time (a tile fits in a core's L2 cache and is read from
/// there by every vector of the chunk, instead of all centres streaming from memory for every four vectors), and
/// four vectors are summed against two centres at a time in registers. The sums use <see cref="Vector{T}"/>, the
/// machine's own SIMD width: a path written for 512-bit registers alone never ran on a 2-core AVX2 box, which
/// then computed one pair at a time (docs/benchmarks.md, "Session 17").
/// </summary>
internal static class NearestCentre
{
    private const int Block = 4;
    private const int ChunkVectors = 64;
    private const int TileBytes = 128 * 1024;

    /// <returns>Per vector, the index into <paramref name="centres"/> of its nearest centre (null centres skipped).</returns>
    public static int[] Assign(IReadOnlyList<float[]> vectors, IReadOnlyList<float[]?> centres)
    {
        var result = new int[vectors.Count];
        if (vectors.Count == 0) return result;
        var live = Enumerable.Range(0, centres.Count).Where(c => centres[c] is not null).ToArray();
        var dims = vectors[0].Length;
        // The sums read past no array's end because every vector and centre has dims values; checked once here.
        if (vectors.Any(v => v.Length != dims) || centres.Any(c => c is not null && c.Length != dims))
            throw new ArgumentException($"Every vector and centre must have {dims} dimensions.", nameof(vectors));
        // One contiguous matrix, row per centre: a tile's rows stream through the cache in order.
        var matrix = new float[live.Length * dims];
        for (var k = 0; k < live.Length; k++) centres[live[k]]!.CopyTo(matrix, k * dims);
        var tile = Math.Max(1, TileBytes / (dims * sizeof(float)));
        var simd = Vector.IsHardwareAccelerated && dims >= Vector<float>.Count;
        var chunks = (vectors.Count + ChunkVectors - 1) / ChunkVectors;
        Parallel.For(0, chunks, chunk =>
        {
            int start = chunk * ChunkVectors, end = Math.Min(start + ChunkVectors, vectors.Count);
            var best = new Best(end - start);
            // Tiles in order and a strictly higher sum to win: the same centre as one scan over all of them.
            for (var from = 0; from < live.Length; from += tile)
            {
                var to = Math.Min(live.Length, from + tile);
                var i = start;
                if (simd)
                    for (; i + Block <= end; i += Block) FourAgainst(vectors, i, i - start, matrix, dims, from, to, best);
                for (; i < end; i++)
                    for (var k = from; k < to; k++)
                        best.Offer(i - start, k, VectorMath.Dot(matrix.AsSpan(k * dims, dims), vectors[i]));
            }
            for (var i = start; i < end; i++) result[i] = live[best.Centre[i - start]];
        });
        return result;
    }

    /// <summary>The best centre so far of each vector of a chunk.</summary>
    private sealed class Best(int count)
    {
        public readonly int[] Centre = new int[count];
        private readonly float[] _similarity = Enumerable.Repeat(float.NegativeInfinity, count).ToArray();

        public void Offer(int slot, int centre, float similarity)
        {
            if (similarity <= _similarity[slot]) return;
            _similarity[slot] = similarity;
            Centre[slot] = centre;
        }
    }

    private static void FourAgainst(IReadOnlyList<float[]> vectors, int start, int slot, float[] matrix, int dims, int from, int to, Best best)
    {
        float[] a = vectors[start], b = vectors[start + 1], c = vectors[start + 2], d = vectors[start + 3];
        var width = Vector<float>.Count;
        var whole = dims - dims % width;
        // Unchecked loads (Assign checked every length): the bounds checks of span slices cost as much as the arithmetic here.
        ref float ra = ref MemoryMarshal.GetArrayDataReference(a), rb = ref MemoryMarshal.GetArrayDataReference(b),
            rc = ref MemoryMarshal.GetArrayDataReference(c), rd = ref MemoryMarshal.GetArrayDataReference(d);
        // Two centres at a time: eight sums in registers for six loads, where one centre needs five loads for four. A tile's
        // odd last centre is paired with itself and offered once.
        for (var k = from; k < to; k += 2)
        {
            var pair = k + 1 < to;
            ref var r0 = ref matrix[k * dims];
            ref var r1 = ref matrix[(pair ? k + 1 : k) * dims];
            Vector<float> a0 = Vector<float>.Zero, b0 = a0, c0 = a0, d0 = a0, a1 = a0, b1 = a0, c1 = a0, d1 = a0;
            for (var i = 0; i < whole; i += width)
            {
                var x0 = Vector.LoadUnsafe(ref r0, (nuint)i);
                var x1 = Vector.LoadUnsafe(ref r1, (nuint)i);
                var va = Vector.LoadUnsafe(ref ra, (nuint)i);
                a0 = Vector.FusedMultiplyAdd(x0, va, a0);
                a1 = Vector.FusedMultiplyAdd(x1, va, a1);
                var vb = Vector.LoadUnsafe(ref rb, (nuint)i);
                b0 = Vector.FusedMultiplyAdd(x0, vb, b0);
                b1 = Vector.FusedMultiplyAdd(x1, vb, b1);
                var vc = Vector.LoadUnsafe(ref rc, (nuint)i);
                c0 = Vector.FusedMultiplyAdd(x0, vc, c0);
                c1 = Vector.FusedMultiplyAdd(x1, vc, c1);
                var vd = Vector.LoadUnsafe(ref rd, (nuint)i);
                d0 = Vector.FusedMultiplyAdd(x0, vd, d0);
                d1 = Vector.FusedMultiplyAdd(x1, vd, d1);
            }
            Offer(best, slot, k, matrix.AsSpan(k * dims, dims), whole, a, b, c, d, Vector.Sum(a0), Vector.Sum(b0), Vector.Sum(c0), Vector.Sum(d0));
            if (pair)
                Offer(best, slot, k + 1, matrix.AsSpan((k + 1) * dims, dims), whole, a, b, c, d, Vector.Sum(a1), Vector.Sum(b1), Vector.Sum(c1), Vector.Sum(d1));
        }
    }

    /// <summary>Adds the dimensions past the last whole SIMD width to four sums and offers them.</summary>
    private static void Offer(Best best, int slot, int k, ReadOnlySpan<float> row, int whole, float[] a, float[] b, float[] c, float[] d,
        float da, float db, float dc, float dd)
    {
        for (var i = whole; i < row.Length; i++)
        {
            da += row[i] * a[i];
            db += row[i] * b[i];
            dc += row[i] * c[i];
            dd += row[i] * d[i];
        }
        best.Offer(slot, k, da);
        best.Offer(slot + 1, k, db);
        best.Offer(slot + 2, k, dc);
        best.Offer(slot + 3, k, dd);
    }
}
