namespace TriageBot.Clustering;

/// <summary>
/// A small fix reported beside a larger problem of the same area ("the payout email names the wrong month" beside
/// "payouts stuck in pending", "the tip report's columns are swapped" beside "adjusted tips are missing") shares the
/// area's words, so linkage and settling put both in one theme and the fix is lost in the problem's ticket: 22 of the 53
/// truth themes that another theme absorbed in 68 generated scenarios of 11 products (bench/miss_kinds.py,
/// docs/benchmarks.md, "Session 16"). Within a theme that does not read as a small fix, the reports that carry a
/// small-fix cue (<see cref="Text.Cues"/>) and are nearer each other than the rest of the theme seed a group, and the
/// reports nearer that group than the rest join it. The group is split off when it is large enough to be a theme
/// and holds a share of its theme (<see cref="ClusteringOptions.SmallFixSplitMinShare"/>: a few cue-carrying reports of a
/// large theme are its own), reads as a small fix while the rest does not, the rest stays a theme, and the two centroids
/// are less alike than <see cref="ClusteringOptions.SmallFixSplitSimilarity"/>. A person's themes (pinned, split or merged
/// by hand) are never split. Reports an earlier run placed move too: run once a day, a small fix's first report joins its
/// area's theme before there are enough to stand apart, and left there it keeps the later ones with it
/// (docs/benchmarks.md, "Session 32"). A group that takes such reports must leave a theme at least twice its size: a
/// theme that is mostly the small fix is the fix's own theme, whose reports that retell it without a cue are no
/// second problem.
/// </summary>
internal static class SmallFixSplitting
{
    /// <summary>A group to split off <paramref name="From"/>: its members, its centroid, and that centroid's similarity to the centroid of what stays.</summary>
    public sealed record Split(WorkingTheme From, List<int> Members, float[] Direction, float Similarity, double RestSmallFixShare);

    /// <summary>
    /// The groups to split off, each with the theme it leaves; the themes themselves are not changed. Cues are read from
    /// at most 256 reports of a theme (<see cref="ReportCues.WithSmallFixCue"/>), so a large backlog is not read whole.
    /// </summary>
    /// <param name="free">Indexes of the items free in this run (not placed by an earlier run).</param>
    /// <param name="minShare">The smallest share of its theme's members a group split off may hold.</param>
    public static List<Split> Find(
        IEnumerable<WorkingTheme> themes, Dictionary<string, int> index, float[][] vectors, ReportCues cues, IReadOnlySet<int> free,
        int minThemeSize, float maxSimilarity, double minShare)
    {
        var found = new List<Split>();
        foreach (var theme in themes.Where(t => !t.Pinned && !t.ShapedByPerson && t.Items.Count >= 2 * minThemeSize))
        {
            var members = theme.MembersIn(index).ToList();
            if (cues.KindOf(members) == ThemeKind.SmallFix) continue;
            var seeds = Cohesive(cues.WithSmallFixCue(members), members, vectors);
            if (seeds.Count < 2) continue;
            var group = GroupAround(seeds, members, vectors);
            var rest = members.Except(group).ToList();
            if (group.Count < minThemeSize || rest.Count < minThemeSize || group.Count < minShare * members.Count) continue;
            if (!group.All(free.Contains) && rest.Count < 2 * group.Count) continue;
            if (cues.KindOf(group) != ThemeKind.SmallFix || cues.KindOf(rest) == ThemeKind.SmallFix) continue;
            var direction = WorkingTheme.DirectionOf(group, vectors);
            var similarity = VectorMath.Dot(direction, WorkingTheme.DirectionOf(rest, vectors));
            if (similarity >= maxSimilarity) continue;
            found.Add(new Split(theme, group, direction, similarity, cues.ShareWithSmallFixCue(rest)));
        }
        return found;
    }

    /// <summary>
    /// The seeds that are nearer each other than the rest of the theme, dropped one round at a time until all are. A
    /// cue can sit in a report of the theme's own problem ("the app shows 'Sent' but nothing arrives"); such reports
    /// are nearer the theme than each other, and a group around them would split the problem in two.
    /// </summary>
    private static List<int> Cohesive(List<int> seeds, List<int> members, float[][] vectors)
    {
        if (seeds.Count < 2) return seeds;
        var dims = vectors[seeds[0]].Length;
        while (seeds.Count >= 2)
        {
            var isSeed = seeds.ToHashSet();
            var rest = WorkingTheme.Normalized(VectorMath.Sum(members.Where(i => !isSeed.Contains(i)).Select(i => vectors[i]), dims));
            var seedSum = VectorMath.Sum(seeds.Select(i => vectors[i]), dims);
            var kept = seeds.Where(i => DirectionWithout(seedSum, vectors[i]) is { } others
                && VectorMath.Dot(vectors[i], others) > VectorMath.Dot(vectors[i], rest)).ToList();
            if (kept.Count == seeds.Count) break;
            seeds = kept;
        }
        return seeds;
    }

    /// <summary>The seeds and the members nearer their centroid than the centroid of the theme's other members (without themselves).</summary>
    private static List<int> GroupAround(List<int> seeds, List<int> members, float[][] vectors)
    {
        var dims = vectors[seeds[0]].Length;
        var isSeed = seeds.ToHashSet();
        var seedDirection = WorkingTheme.DirectionOf(seeds, vectors);
        var others = members.Where(i => !isSeed.Contains(i)).ToList();
        var othersSum = VectorMath.Sum(others.Select(i => vectors[i]), dims);
        var group = new List<int>(seeds);
        // Against the rest's centroid without the item itself: in a small theme an item's own vector would hold it there.
        group.AddRange(others.Where(i => DirectionWithout(othersSum, vectors[i]) is { } rest
            && VectorMath.Dot(vectors[i], seedDirection) > VectorMath.Dot(vectors[i], rest)));
        return group;
    }

    /// <summary>The direction of <paramref name="sum"/> once <paramref name="member"/> is taken out of it; null when nothing is left.</summary>
    private static float[]? DirectionWithout(float[] sum, float[] member)
    {
        var rest = (float[])sum.Clone();
        System.Numerics.Tensors.TensorPrimitives.Subtract(rest, member, rest);
        return VectorMath.Normalize(rest) > 0 ? rest : null;
    }
}
