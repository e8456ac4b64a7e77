using System.Diagnostics;
using System.Globalization;
using TriageBot.Clustering;

/// <summary>
/// `assign [VECTORS CENTRES DIMS]`: the micro-cluster assignment of a 100k run (default 86,968 vectors, 1,000 centres,
/// 484 dimensions: the English candidates of the reference backlog, Both features), on seeded random unit vectors.
/// Times one dot product per pair (what the assignment did on a machine without AVX-512 before session 17) against
/// <c>NearestCentre.Assign</c>, in this process one after the other, and counts the vectors the two place differently.
/// </summary>
internal static class AssignBench
{
    public static void Run(string[] args)
    {
        int Arg(int at, int fallback) => args.Length > at ? int.Parse(args[at], CultureInfo.InvariantCulture) : fallback;
        int n = Arg(0, 86_968), k = Arg(1, 1_000), dims = Arg(2, 484);
        var random = new Random(1);
        float[] Unit()
        {
            var v = Enumerable.Range(0, dims).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
            System.Numerics.Tensors.TensorPrimitives.Divide(v, System.Numerics.Tensors.TensorPrimitives.Norm(v), v);
            return v;
        }
        var vectors = Enumerable.Range(0, n).Select(_ => Unit()).ToList();
        var centres = Enumerable.Range(0, k).Select(_ => (float[]?)Unit()).ToList();
        Console.WriteLine($"{n} vectors, {k} centres, {dims} dimensions; SIMD width {System.Numerics.Vector<float>.Count} floats, 512-bit accelerated: {System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated}");

        var sw = Stopwatch.StartNew();
        var pairwise = new int[n];
        Parallel.For(0, n, i =>
        {
            var best = float.NegativeInfinity;
            for (var c = 0; c < k; c++)
            {
                var s = System.Numerics.Tensors.TensorPrimitives.Dot(centres[c], vectors[i]);
                if (s > best) { best = s; pairwise[i] = c; }
            }
        });
        var baseline = sw.Elapsed.TotalSeconds;
        sw.Restart();
        var assigned = NearestCentre.Assign(vectors, centres);
        var ours = sw.Elapsed.TotalSeconds;
        var differ = Enumerable.Range(0, n).Count(i => assigned[i] != pairwise[i]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"one dot product per pair {baseline:F2} s; NearestCentre.Assign {ours:F2} s; ratio {ours / baseline:F2}; {differ} vectors placed differently (float rounding at a tie)"));
    }
}
