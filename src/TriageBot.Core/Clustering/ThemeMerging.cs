using TriageBot.Domain;
using static System.FormattableString;

namespace TriageBot.Clustering;

/// <summary>
/// Joins a run's themes that are one problem: one problem reported in different registers splits into themes that a
/// single similarity cut cannot join without also joining related problems, so a fairly near pair needs a second piece
/// of evidence (see <see cref="Merge"/>).
/// </summary>
internal sealed class ThemeMerging(ClusteringOptions o, Dictionary<string, int> index, float[][] vectors, DistinctiveTerms terms, ReportCues cues,
    LabelAgreement labels)
{
    /// <summary>Every merge of the run so far, in order, with the items on each side.</summary>
    public List<ThemeMerge> Merges { get; } = [];

    /// <summary>
    /// Merges unpinned themes whose centroids have converged, or that are fairly near, one of them small for the run, and
    /// either name the same distinctive terms (error code, command, setting), are of the same kind (both functional
    /// problems, both requests or both small fixes) or carry the same GitHub area labels; two themes of any size whose
    /// issues carry the same labels merge when near (<see cref="ClusteringOptions.LabelMergeAnySizeSimilarity"/>). Each
    /// merge is recorded with its rule, the similarity and the sizes.
    /// </summary>
    /// <param name="fragmentCap">The largest smaller theme the same-kind and shared-term rules join (null: the run's fragment size).</param>
    public void Merge(List<WorkingTheme> themes, List<ThemeEvent> events, DateTimeOffset now, int? fragmentCap = null)
    {
        var threshold = (float)o.AutoMergeSimilarity;
        List<int> Members(WorkingTheme t) => t.MembersIn(index).ToList();
        var top = new PerThemeVersion<HashSet<string>>(t => terms.Top(Members(t), o.TermMergeTopTerms));
        var kindOf = new PerThemeVersion<ThemeKind>(t => cues.KindOf(Members(t)));
        var labelsOf = new PerThemeVersion<LabelProfile?>(t => labels.ProfileOf(Members(t)));
        foreach (var t in themes) t.Centroid = WorkingTheme.CentroidOf(t, index, vectors);
        // A theme larger than half the theme a typical report is in is evidence of a problem of its own: the same-kind and
        // shared-term merges only join a theme no larger than that to another. Relative to the run, so it means the same at any volume.
        var runCap = Math.Max(o.MinThemeSize + 1, (int)Math.Round(o.KindMergeFragmentShare * TypicalThemeSize(themes)));
        var cap = fragmentCap ?? runCap;

        // Why x and y, centroids sim alike, are one problem; null when they are not.
        (MergeRule Rule, string Reason)? RuleFor(WorkingTheme x, WorkingTheme y, float sim, List<WorkingTheme> live)
        {
            if (sim >= threshold) return (MergeRule.Centroids, Invariant($">= {threshold:0.00}"));
            // A small fix split off in this run joins the theme it left again only when the two sit as near as labels need to
            // join themes of any size: that the two carry one area's labels says no more than that the split read them as
            // two tickets of one area (a docs link beside the area's bug), while a split that cut one problem in two leaves
            // halves this near (docs/benchmarks.md, "Session 31").
            if ((x.SplitFrom == y.Id || y.SplitFrom == x.Id) && sim < (float)o.LabelMergeAnySizeSimilarity) return null;
            var smaller = Math.Min(x.Items.Count, y.Items.Count);
            var (px, py) = (labelsOf[x], labelsOf[y]);
            // Read once per pair, and only when a rule asks: the veto and both label rules use the same agreement.
            var agreement = new Lazy<double?>(() => labels.Of(px, py), LazyThreadSafetyMode.None);
            bool EachHas(int issues) => px?.Issues >= issues && py?.Issues >= issues;
            // Issues a maintainer filed under different areas are two problems, however alike their words and kind.
            bool FiledApart() => agreement.Value < o.LabelVetoAgreement;
            var kindBar = smaller <= o.MinThemeSize ? o.FragmentKindMergeSimilarity : o.KindMergeSimilarity;
            // Checked last: the kind is read from the reports' text, so only for pairs near enough to merge.
            if (sim >= (float)kindBar && smaller <= cap && kindOf[x] == kindOf[y])
                return FiledApart() ? null : (MergeRule.SameKind, Invariant($">= {kindBar:0.00} and both read as {KindName(kindOf[x])}"));
            // Two themes of a typical size that share an area's terms ("bank feed") are mostly two problems in it; so are a
            // small fix and a problem of its area, whatever their sizes (SmallFixSplitting).
            if (sim >= (float)o.TermMergeSimilarity && smaller <= cap && (kindOf[x] == ThemeKind.SmallFix) == (kindOf[y] == ThemeKind.SmallFix)
                && top[x].Intersect(top[y]).Count() is var shared && shared >= o.TermMergeSharedTerms)
                return FiledApart() ? null : (MergeRule.SharedTerms, Invariant($">= {o.TermMergeSimilarity:0.00} and {shared} distinctive terms shared"));
            if (o.LabelMergeSimilarity <= 0 || sim < (float)o.LabelMergeSimilarity || agreement.Value is not { } agree || agree < o.LabelMergeAgreement)
                return null;
            // Beyond the fragment cap the labels join two themes only at the any-size bar.
            var beyondCap = o.LabelMergeFragmentsOnly && smaller > cap;
            var anySize = o.LabelMergeAnySizeSimilarity > 0 && sim >= (float)o.LabelMergeAnySizeSimilarity;
            if ((!beyondCap || anySize) && EachHas(o.LabelMergeMinIssues))
                return (MergeRule.Labels, beyondCap
                    ? Invariant($">= {o.LabelMergeAnySizeSimilarity:0.00} and their GitHub issues carry the same labels (agreement {agree:0.00}), near enough to join at any size")
                    : Invariant($">= {o.LabelMergeSimilarity:0.00} and their GitHub issues carry the same labels (agreement {agree:0.00})"));
            // Area labels that only these two themes of the run carry: what the two are about is the maintainers' call, and
            // one labelled issue a side is enough to read it. But two themes both beyond the run's fragment size are as often
            // the area's two problems, so they need the any-size bar (the run's size, not a later pass's smaller cap, which
            // would keep apart two pieces that settling grew).
            if (o.LabelMergeSoleAreaMinIssues <= 0 || !EachHas(o.LabelMergeSoleAreaMinIssues)) return null;
            var soleBeyondCap = o.LabelMergeSoleAreaFragmentsOnly && smaller > runCap;
            if (soleBeyondCap && !anySize) return null;
            var areas = labels.SharedAreas(px!, py!);
            var bar = soleBeyondCap ? o.LabelMergeAnySizeSimilarity : o.LabelMergeSimilarity;
            return live.Any(t => t != x && t != y && labelsOf[t] is { } p && areas.Any(p.Weights.ContainsKey))
                ? null
                : (MergeRule.AreaLabelsOfTheirOwn, Invariant($">= {bar:0.00} and their GitHub issues carry area labels no other theme carries ({string.Join(", ", areas)}; agreement {agree:0.00})"));
        }

        var merged = true;
        while (merged)
        {
            merged = false;
            var live = themes.Where(t => !t.Pinned && !t.ShapedByPerson && t.Items.Count > 0 && t.Centroid is not null).ToList();
            // The nearest pair a rule joins goes first: taken in list order, a fragment joined the first sibling near enough
            // (the area's other problem) before the nearer piece of its own problem was reached. But a fragment joins a theme
            // beyond the fragment cap before two fragments join each other: joined first, two pieces of one large problem can
            // outgrow the cap and stay a ticket of their own (docs/benchmarks.md, "Session 34").
            foreach (var (a, b, sim) in PairsNearestFirst(live, cap))
            {
                if (RuleFor(live[a], live[b], sim, live) is not { } rule) continue;
                // The older theme keeps its id, so links to it stay valid.
                var (keep, drop) = live[a].FirstSeen <= live[b].FirstSeen ? (live[a], live[b]) : (live[b], live[a]);
                events.Add(new ThemeEvent("merged", keep.Id, drop.Id,
                    Invariant($"centroid similarity {sim:0.000} {rule.Reason}; sizes {keep.Items.Count} + {drop.Items.Count}"), now));
                Merges.Add(new ThemeMerge(rule.Rule, sim, [.. keep.Items], [.. drop.Items]));
                keep.Items.AddRange(drop.Items.Except(keep.Items, StringComparer.Ordinal));
                drop.Items.Clear();
                keep.Changed = true;
                keep.Centroid = WorkingTheme.CentroidOf(keep, index, vectors);
                merged = true;
                break;
            }
        }
    }

    /// <summary>
    /// Every pair of the themes with comparable centroids: those with a theme beyond <paramref name="cap"/> first, then
    /// pairs of two fragments; within each, the most alike first (ties in list order).
    /// </summary>
    private static List<(int A, int B, float Sim)> PairsNearestFirst(List<WorkingTheme> live, int cap)
    {
        var pairs = new List<(int A, int B, float Sim)>();
        for (var a = 0; a < live.Count; a++)
            for (var b = a + 1; b < live.Count; b++)
            {
                if (live[a].Centroid!.Length == live[b].Centroid!.Length)
                    pairs.Add((a, b, VectorMath.Dot(live[a].Centroid!, live[b].Centroid!)));
            }
        // A stable sort, so that equal similarities keep the order the themes were listed in.
        bool BothFragments((int A, int B, float Sim) p) => live[p.A].Items.Count <= cap && live[p.B].Items.Count <= cap;
        return [.. pairs.OrderBy(BothFragments).ThenByDescending(p => p.Sim)];
    }

    /// <summary>The size of the theme the median report is in (0 for no themes): a few large themes outweigh many small groups.</summary>
    private static int TypicalThemeSize(List<WorkingTheme> themes)
    {
        var sizes = themes.Select(t => t.Items.Count).Where(n => n > 0).Order().ToList();
        var half = sizes.Sum() / 2.0;
        var seen = 0;
        foreach (var size in sizes)
            if ((seen += size) >= half) return size;
        return 0;
    }

    private static string KindName(ThemeKind kind) => kind switch
    {
        ThemeKind.Request => "requests",
        ThemeKind.SmallFix => "small fixes",
        _ => "functional problems",
    };
}
