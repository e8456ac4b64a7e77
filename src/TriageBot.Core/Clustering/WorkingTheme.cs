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
    /// <summary>
    /// Split or merged by a person (<see cref="ThemeOverrides"/>): its members are theirs, so the clusterer never merges
    /// it, splits it, frees its loose members or dissolves it. Without that, a merge of two problems a person sees as one
    /// came apart on the next run: half its members sat loosely around the joint centroid and were placed again.
    /// </summary>
    public bool ShapedByPerson { get; set; }
    /// <summary>Made by grouping in this run: it must still read as a problem, and dissolves when it ends too small.</summary>
    public bool Grouped { get; init; }
    /// <summary>Made by the second, looser grouping: it needs <see cref="ClusteringOptions.LeftoverMinThemeSize"/> reports to the end.</summary>
    public bool Leftover { get; init; }
    /// <summary>The theme this one was split off from as a small fix in this run (<see cref="SmallFixSplitting"/>), or null.</summary>
    public string? SplitFrom { get; init; }
    public float[]? Centroid { get; set; }

    /// <summary>The stored centroid, normalised, or null when the theme has none.</summary>
    public float[]? StoredDirection => StoredCentroid.Length > 0 ? Normalized((float[])StoredCentroid.Clone()) : null;

    public void Add(string id, DateTimeOffset now)
    {
        Items.Add(id);
        Changed = true;
        LastChanged = now;
    }

    public void Remove(string id, DateTimeOffset now)
    {
        if (!Items.Remove(id)) return;
        Changed = true;
        LastChanged = now;
    }

    /// <summary>Per item of the run (its index), the index of the theme that holds it, or -1.</summary>
    public static int[] IndexByItem(List<WorkingTheme> themes, Dictionary<string, int> index, int items)
    {
        var themeOf = Enumerable.Repeat(-1, items).ToArray();
        for (var t = 0; t < themes.Count; t++)
            foreach (var id in themes[t].Items)
                if (index.TryGetValue(id, out var i)) themeOf[i] = t;
        return themeOf;
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

    /// <summary>The theme's members that are items of this run, as indexes into them.</summary>
    public IEnumerable<int> MembersIn(Dictionary<string, int> index) => Items.Where(index.ContainsKey).Select(id => index[id]);

    /// <summary>Normalised mean of all the members' vectors in this run; the stored centroid when none of them was given.</summary>
    public static float[]? CentroidOf(WorkingTheme t, Dictionary<string, int> index, float[][] vectors) =>
        MeanOr(t, t.MembersIn(index).Select(i => vectors[i]).ToList());

    /// <summary>Normalised mean of the members that lead the theme (see <see cref="Leading"/>); the stored centroid when none was given.</summary>
    /// <param name="leads">Whether a member may pull the centroid.</param>
    public static float[]? CentroidOf(WorkingTheme t, Dictionary<string, int> index, float[][] vectors, Func<int, bool> leads) =>
        MeanOr(t, Leading(t.MembersIn(index), leads).Select(i => vectors[i]).ToList());

    private static float[]? MeanOr(WorkingTheme t, List<float[]> members) =>
        members.Count > 0 ? Normalized(VectorMath.Mean(members, members[0].Length)) : t.StoredDirection;

    /// <summary>
    /// The members that lead a theme's centroid: those <paramref name="leads"/> accepts (text the model reads), or all of
    /// them when it accepts none, so a theme of other-language reports a person pinned still has a centroid of its own.
    /// </summary>
    public static List<int> Leading(IEnumerable<int> members, Func<int, bool> leads)
    {
        var all = members.ToList();
        var leading = all.Where(leads).ToList();
        return leading.Count > 0 ? leading : all;
    }

    /// <summary>Normalised mean of the given items' vectors (indexes into <paramref name="vectors"/>; at least one).</summary>
    public static float[] DirectionOf(IReadOnlyList<int> members, float[][] vectors) =>
        Normalized(VectorMath.Mean(members.Select(i => vectors[i]), vectors[members[0]].Length));

    public static float[] Normalized(float[] v)
    {
        VectorMath.Normalize(v);
        return v;
    }
}

/// <summary>
/// A value read from a theme's members (its distinctive terms, its kind), kept until the theme gains or loses
/// items: while themes merge, most of them are compared again and again unchanged.
/// </summary>
internal sealed class PerThemeVersion<T>(Func<WorkingTheme, T> read)
{
    private readonly Dictionary<WorkingTheme, (int Count, T Value)> _values = new(ReferenceEqualityComparer.Instance);

    public T this[WorkingTheme theme]
    {
        get
        {
            if (_values.TryGetValue(theme, out var kept) && kept.Count == theme.Items.Count) return kept.Value;
            var value = read(theme);
            _values[theme] = (theme.Items.Count, value);
            return value;
        }
    }
}
