namespace TriageBot.Clustering;

/// <summary>One merge of agglomerative clustering: two clusters (by their first unit) and their average similarity.</summary>
public readonly record struct LinkageMerge(int A, int B, float Similarity);

/// <summary>
/// Agglomerative clustering with average linkage on cosine similarity, by the nearest-neighbour
/// chain algorithm: O(n²) time, n² floats of memory. Units are items or micro-clusters; for
/// L2-normalised vectors the average pairwise cosine between two groups is the dot product of
/// their vector sums over the product of their sizes, which is how micro-clusters enter exactly.
/// Average linkage is reducible, so cutting the merges at a similarity gives the same clusters
/// as the classic bottom-up algorithm stopped there.
/// </summary>
public static class AverageLinkage
{
    /// <param name="sums">Per unit, the sum of its members' normalised vectors.</param>
    /// <param name="sizes">Per unit, its member count.</param>
    /// <param name="stopBelow">Merges below this similarity are not needed (faster); use float.NegativeInfinity for the whole tree.</param>
    public static List<LinkageMerge> Merges(IReadOnlyList<float[]> sums, IReadOnlyList<int> sizes, float stopBelow, CancellationToken ct = default) =>
        NearestNeighbourChain.Run(Similarities(sums, sizes), sizes.ToArray(), Merge, stopBelow, ct);

    /// <summary>The merged cluster's average similarity to each other one: the size-weighted mean of its parts'.</summary>
    private static void Merge(float[] sim, int n, int[] size, bool[] active, int keep, int drop)
    {
        float wk = size[keep], wd = size[drop], total = wk + wd;
        for (var x = 0; x < n; x++)
        {
            if (!active[x] || x == keep || x == drop) continue;
            var s = (wk * sim[(long)keep * n + x] + wd * sim[(long)drop * n + x]) / total;
            sim[(long)keep * n + x] = s;
            sim[(long)x * n + keep] = s;
        }
    }

    private static float[] Similarities(IReadOnlyList<float[]> sums, IReadOnlyList<int> sizes)
    {
        var n = sums.Count;
        var sim = new float[(long)n * n];
        Parallel.For(0, n, i =>
        {
            for (var j = i + 1; j < n; j++)
            {
                var s = VectorMath.Dot(sums[i], sums[j]) / ((float)sizes[i] * sizes[j]);
                sim[(long)i * n + j] = s;
                sim[(long)j * n + i] = s;
            }
        });
        return sim;
    }

    /// <summary>Cluster index per unit after applying the merges at or above <paramref name="threshold"/>.</summary>
    public static int[] CutAtSimilarity(int n, IEnumerable<LinkageMerge> merges, float threshold) =>
        Labels(n, merges.Where(m => m.Similarity >= threshold).Select(m => (m.A, m.B)));

    /// <summary>Cluster index per unit when the tree is cut into <paramref name="k"/> clusters (or as few as the merges allow).</summary>
    public static int[] CutAtCount(int n, IEnumerable<LinkageMerge> merges, int k) =>
        Labels(n, merges.OrderByDescending(m => m.Similarity).Take(Math.Max(0, n - k)).Select(m => (m.A, m.B)));

    /// <summary>Cluster index per unit (0, 1, … in order of first appearance) after joining each merged pair.</summary>
    internal static int[] Labels(int n, IEnumerable<(int A, int B)> merges)
    {
        var parent = Enumerable.Range(0, n).ToArray();
        int Find(int x)
        {
            while (parent[x] != x) x = parent[x] = parent[parent[x]];
            return x;
        }
        foreach (var m in merges) parent[Find(m.B)] = Find(m.A);
        var ids = new Dictionary<int, int>();
        var labels = new int[n];
        for (var i = 0; i < n; i++)
        {
            var root = Find(i);
            if (!ids.TryGetValue(root, out var id)) ids[root] = id = ids.Count;
            labels[i] = id;
        }
        return labels;
    }
}
