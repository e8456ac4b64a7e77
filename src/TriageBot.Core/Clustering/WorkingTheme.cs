namespace TriageBot.Clustering;

/// <summary>A theme while a run changes it: its members, whether it changed, and its centroid in this run's feature space.</summary>
internal sealed class WorkingTheme
{
    public required string Id { get; init; }
    public required List<string> Items { get; init; }
    public float[] StoredCentroid { get; init; } = [];
    public DateTimeOffset FirstSeen { get; init; }
    public DateTimeOffset LastChanged { get; set; }
    public bool Pinned { get; set; }
    public bool Changed { get; set; }
    /// <summary>Split by a person: never merged back automatically.</summary>
    public bool SplitByPerson { get; set; }
    public float[]? Centroid { get; set; }

    public void Add(string id, DateTimeOffset now)
    {
        Items.Add(id);
        Changed = true;
        LastChanged = now;
    }

    /// <summary>The theme whose centroid is nearest, its similarity, and the next theme's similarity.</summary>
    public static (WorkingTheme? Theme, float Similarity, float Second) NearestTwo(List<WorkingTheme> themes, float[] v)
    {
        WorkingTheme? best = null;
        float bestSim = float.NegativeInfinity, second = float.NegativeInfinity;
        foreach (var t in themes)
        {
            if (t.Centroid is null || t.Centroid.Length != v.Length || t.Items.Count == 0) continue;
            var s = VectorMath.Dot(t.Centroid, v);
            if (s > bestSim) { second = bestSim; bestSim = s; best = t; }
            else if (s > second) second = s;
        }
        return (best, bestSim, second);
    }

    public static (WorkingTheme? Theme, float Similarity) Nearest(List<WorkingTheme> themes, float[] v)
    {
        var (best, similarity, _) = NearestTwo(themes, v);
        return (best, similarity);
    }

    /// <summary>Normalised mean of the members' vectors in this run; the stored centroid when none of them was given.</summary>
    public static float[]? CentroidOf(WorkingTheme t, Dictionary<string, int> index, float[][] vectors)
    {
        var members = t.Items.Where(index.ContainsKey).Select(id => vectors[index[id]]).ToList();
        if (members.Count > 0) return Normalized(VectorMath.Mean(members, members[0].Length));
        return t.StoredCentroid.Length > 0 ? Normalized((float[])t.StoredCentroid.Clone()) : null;
    }

    public static float[] Normalized(float[] v)
    {
        VectorMath.Normalize(v);
        return v;
    }
}
