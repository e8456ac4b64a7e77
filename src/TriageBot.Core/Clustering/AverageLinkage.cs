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
    public static List<LinkageMerge> Merges(IReadOnlyList<float[]> sums, IReadOnlyList<int> sizes, float stopBelow, CancellationToken ct = default)
    {
        var n = sums.Count;
        var merges = new List<LinkageMerge>(n);
        if (n < 2) return merges;
        var sim = Similarities(sums, sizes);
        var size = sizes.ToArray();
        var active = new bool[n];
        Array.Fill(active, true);
        var remaining = n;
        var chain = new List<int>(n);
        var next = 0;
        while (remaining > 1)
        {
            if (chain.Count == 0)
            {
                while (next < n && !active[next]) next++;
                if (next >= n) break;
                chain.Add(next);
            }
            var a = chain[^1];
            var previous = chain.Count >= 2 ? chain[^2] : -1;
            // Ties go to the previous chain element, which is what guarantees termination.
            var best = previous;
            var bestSim = previous >= 0 ? sim[(long)a * n + previous] : float.NegativeInfinity;
            var row = (long)a * n;
            for (var x = 0; x < n; x++)
            {
                if (x == a || !active[x]) continue;
                var s = sim[row + x];
                if (s > bestSim) { bestSim = s; best = x; }
            }
            if (best < 0 || bestSim < stopBelow)
            {
                // Nothing in the chain can reach stopBelow any more: similarities only fall as clusters merge.
                foreach (var c in chain) { active[c] = false; remaining--; }
                chain.Clear();
                continue;
            }
            if (best == previous)
            {
                chain.RemoveRange(chain.Count - 2, 2);
                Merge(sim, n, size, active, a, best);
                merges.Add(new LinkageMerge(Math.Min(a, best), Math.Max(a, best), bestSim));
                remaining--;
                if ((merges.Count & 255) == 0) ct.ThrowIfCancellationRequested();
            }
            else chain.Add(best);
        }
        return merges;
    }

    private static void Merge(float[] sim, int n, int[] size, bool[] active, int a, int b)
    {
        // Keep the lower index as the survivor so results do not depend on chain order.
        var (keep, drop) = a < b ? (a, b) : (b, a);
        float wk = size[keep], wd = size[drop], total = wk + wd;
        for (var x = 0; x < n; x++)
        {
            if (!active[x] || x == keep || x == drop) continue;
            var s = (wk * sim[(long)keep * n + x] + wd * sim[(long)drop * n + x]) / total;
            sim[(long)keep * n + x] = s;
            sim[(long)x * n + keep] = s;
        }
        size[keep] += size[drop];
        active[drop] = false;
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
        Labels(n, merges.Where(m => m.Similarity >= threshold));

    /// <summary>Cluster index per unit when the tree is cut into <paramref name="k"/> clusters (or as few as the merges allow).</summary>
    public static int[] CutAtCount(int n, IEnumerable<LinkageMerge> merges, int k) =>
        Labels(n, merges.OrderByDescending(m => m.Similarity).Take(Math.Max(0, n - k)));

    private static int[] Labels(int n, IEnumerable<LinkageMerge> merges)
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
