namespace TriageBot.Clustering;

/// <summary>
/// The nearest-neighbour chain algorithm for agglomerative clustering with a reducible linkage (average,
/// Ward): follow nearest neighbours until two clusters are each other's nearest, merge them, go on.
/// O(n²) time over an n×n affinity matrix (higher is nearer) that the linkage's update rule keeps current.
/// </summary>
internal static class NearestNeighbourChain
{
    /// <summary>Rewrites row and column <c>keep</c> for the union of <c>keep</c> and <c>drop</c> (sizes are still the parts').</summary>
    public delegate void Update(float[] affinity, int n, int[] size, bool[] active, int keep, int drop);

    /// <param name="affinity">n×n, row-major, symmetric; overwritten.</param>
    /// <param name="size">Member count per unit; overwritten.</param>
    /// <param name="stopBelow">Merges below this affinity are not needed (faster); float.NegativeInfinity for the whole tree.</param>
    /// <returns>The merges in the order made, each named by its two clusters' lowest units.</returns>
    public static List<LinkageMerge> Run(float[] affinity, int[] size, Update update, float stopBelow, CancellationToken ct)
    {
        var n = size.Length;
        var merges = new List<LinkageMerge>(n);
        if (n < 2) return merges;
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
            var bestAffinity = previous >= 0 ? affinity[(long)a * n + previous] : float.NegativeInfinity;
            var row = (long)a * n;
            for (var x = 0; x < n; x++)
            {
                if (x == a || !active[x]) continue;
                if (affinity[row + x] > bestAffinity) { bestAffinity = affinity[row + x]; best = x; }
            }
            if (best < 0 || bestAffinity < stopBelow)
            {
                // Nothing in the chain can reach stopBelow any more: for a reducible linkage affinities only fall as clusters merge.
                foreach (var c in chain) { active[c] = false; remaining--; }
                chain.Clear();
                continue;
            }
            if (best != previous)
            {
                chain.Add(best);
                continue;
            }
            chain.RemoveRange(chain.Count - 2, 2);
            // The lower index survives, so results do not depend on chain order.
            var (keep, drop) = a < best ? (a, best) : (best, a);
            update(affinity, n, size, active, keep, drop);
            size[keep] += size[drop];
            active[drop] = false;
            merges.Add(new LinkageMerge(keep, drop, bestAffinity));
            remaining--;
            if ((merges.Count & 255) == 0) ct.ThrowIfCancellationRequested();
        }
        return merges;
    }
}
