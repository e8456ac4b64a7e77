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
        // The chain looks for the highest affinity: Ward's cost, negated. The Lance–Williams update is linear, so it
        // applies to the negated values unchanged.
        var merges = NearestNeighbourChain.Run(NegatedDistances(centres, sizes), sizes.ToArray(), Merge, float.NegativeInfinity, ct);
        // Ward's heights only grow along the tree, so the n - k cheapest merges are the tree cut at k clusters.
        return AverageLinkage.Labels(n, merges.OrderByDescending(m => m.Similarity).Take(n - k).Select(m => (m.A, m.B)));
    }

    /// <summary>Lance–Williams update for Ward on squared distances.</summary>
    private static void Merge(float[] dist, int n, int[] size, bool[] active, int keep, int drop)
    {
        float ni = size[keep], nj = size[drop], dij = dist[(long)keep * n + drop];
        for (var x = 0; x < n; x++)
        {
            if (!active[x] || x == keep || x == drop) continue;
            float nk = size[x];
            var d = ((ni + nk) * dist[(long)keep * n + x] + (nj + nk) * dist[(long)drop * n + x] - nk * dij) / (ni + nj + nk);
            dist[(long)keep * n + x] = d;
            dist[(long)x * n + keep] = d;
        }
    }

    /// <summary>−2·nᵢ·nⱼ/(nᵢ+nⱼ)·‖cᵢ−cⱼ‖²: the squared distance for single items, and Ward's consistent extension to groups, negated.</summary>
    private static float[] NegatedDistances(IReadOnlyList<float[]> centres, IReadOnlyList<int> sizes)
    {
        var n = centres.Count;
        var dist = new float[(long)n * n];
        Parallel.For(0, n, i =>
        {
            for (var j = i + 1; j < n; j++)
            {
                var e = System.Numerics.Tensors.TensorPrimitives.Distance(centres[i], centres[j]);
                var d = -2f * sizes[i] * sizes[j] / (sizes[i] + sizes[j]) * e * e;
                dist[(long)i * n + j] = d;
                dist[(long)j * n + i] = d;
            }
        });
        return dist;
    }
}
