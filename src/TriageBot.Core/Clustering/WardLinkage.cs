namespace TriageBot.Clustering;

/// <summary>
/// Agglomerative clustering with Ward's criterion (each merge adds the least within-cluster sum of
/// squares), by the nearest-neighbour chain algorithm: O(n²) time, n² floats of memory. Used when
/// the number of clusters is given: Ward's tree cut at k, then refined by Lloyd's k-means from its
/// centroids, beats k-means from random starts because it does not depend on where the starts fall.
/// </summary>
public static class WardLinkage
{
    /// <param name="centres">Per unit, its centroid.</param>
    /// <param name="sizes">Per unit, its member count (1 for single items).</param>
    /// <returns>A cluster index per unit, <paramref name="k"/> clusters (fewer only when there are fewer units).</returns>
    public static int[] CutAtCount(IReadOnlyList<float[]> centres, IReadOnlyList<int> sizes, int k, CancellationToken ct = default)
    {
        var n = centres.Count;
        k = Math.Clamp(k, 1, Math.Max(1, n));
        var dist = Distances(centres, sizes);
        var size = sizes.ToArray();
        var active = new bool[n];
        Array.Fill(active, true);
        var merges = new List<(int A, int B, float Cost)>(n);
        var chain = new List<int>(n);
        var remaining = n;
        var next = 0;
        while (remaining > 1)
        {
            if (chain.Count == 0)
            {
                while (!active[next]) next++;
                chain.Add(next);
            }
            var a = chain[^1];
            var previous = chain.Count >= 2 ? chain[^2] : -1;
            var best = previous;
            var bestCost = previous >= 0 ? dist[(long)a * n + previous] : float.PositiveInfinity;
            var row = (long)a * n;
            for (var x = 0; x < n; x++)
            {
                if (x == a || !active[x]) continue;
                if (dist[row + x] < bestCost) { bestCost = dist[row + x]; best = x; }
            }
            if (best != previous)
            {
                chain.Add(best);
                continue;
            }
            chain.RemoveRange(chain.Count - 2, 2);
            Merge(dist, n, size, active, a, best);
            merges.Add((Math.Min(a, best), Math.Max(a, best), bestCost));
            remaining--;
            if ((merges.Count & 255) == 0) ct.ThrowIfCancellationRequested();
        }
        // Ward's heights only grow along the tree, so the n - k cheapest merges are the tree cut at k clusters.
        return Labels(n, merges.OrderBy(m => m.Cost).Take(n - k));
    }

    /// <summary>Lance–Williams update for Ward on squared distances.</summary>
    private static void Merge(float[] dist, int n, int[] size, bool[] active, int a, int b)
    {
        var (keep, drop) = a < b ? (a, b) : (b, a);
        float ni = size[keep], nj = size[drop], dij = dist[(long)keep * n + drop];
        for (var x = 0; x < n; x++)
        {
            if (!active[x] || x == keep || x == drop) continue;
            float nk = size[x];
            var d = ((ni + nk) * dist[(long)keep * n + x] + (nj + nk) * dist[(long)drop * n + x] - nk * dij) / (ni + nj + nk);
            dist[(long)keep * n + x] = d;
            dist[(long)x * n + keep] = d;
        }
        size[keep] += size[drop];
        active[drop] = false;
    }

    /// <summary>2·nᵢ·nⱼ/(nᵢ+nⱼ)·‖cᵢ−cⱼ‖²: the squared distance for single items, and Ward's consistent extension to groups.</summary>
    private static float[] Distances(IReadOnlyList<float[]> centres, IReadOnlyList<int> sizes)
    {
        var n = centres.Count;
        var dist = new float[(long)n * n];
        Parallel.For(0, n, i =>
        {
            for (var j = i + 1; j < n; j++)
            {
                var e = System.Numerics.Tensors.TensorPrimitives.Distance(centres[i], centres[j]);
                var d = 2f * sizes[i] * sizes[j] / (sizes[i] + sizes[j]) * e * e;
                dist[(long)i * n + j] = d;
                dist[(long)j * n + i] = d;
            }
        });
        return dist;
    }

    private static int[] Labels(int n, IEnumerable<(int A, int B, float Cost)> merges)
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
