using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TriageBot.Domain;
using TriageBot.Text;

namespace TriageBot.Clustering;

/// <summary>
/// Themes from feedback, stable across runs. Per run: people's overrides are applied to the
/// existing themes; items already in a theme stay there; the other items pass the actionability
/// check (else they may only follow a theme they are very near), then join the existing theme whose
/// centroid is near enough, or are grouped among themselves (average linkage cut at a similarity);
/// a group near an existing theme joins it, a group of at least MinThemeSize that reads as a problem
/// becomes a new theme. What no theme took is grouped once more with a looser cut, for a problem told in
/// words too different for the first, far from every theme. Unpinned themes that are one problem are merged
/// (<see cref="ThemeMerging"/>). Then the run's free items settle among the themes (<see cref="ThemeSettling"/>); links between
/// items and GitHub area labels place what settling left out; what is left is noise. Every step that
/// changes a theme's identity is recorded as a <see cref="ThemeEvent"/> with its reason.
/// </summary>
public sealed class ThemeClusterer(
    ThemeFeaturizer featurizer,
    ActionabilityClassifier actionability,
    ThemeOverrides overrides,
    IOptions<ClusteringOptions> options,
    TimeProvider time,
    ILogger<ThemeClusterer>? logger = null) : IThemeClusterer
{
    private readonly ILogger _logger = logger ?? NullLogger<ThemeClusterer>.Instance;

    public async Task<ClusteringResult> ClusterAsync(IReadOnlyList<FeedbackItem> items, IReadOnlyList<Theme> existing, CancellationToken ct)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        var clock = new StepClock(time);
        var events = new List<ThemeEvent>();
        var input = items.DistinctBy(i => i.Id).ToList();
        var index = input.Select((item, i) => (item.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var texts = input.Select(ItemText.For).ToList();
        var (vectors, embeddings) = await featurizer.FeaturizeAsync(
            input.Select(i => i.ContentHash).ToList(), texts, null, ct, input.Select(i => i.Source.ToString()).ToList());

        clock.Mark("features");
        var themes = existing.Select(t => new WorkingTheme
        {
            Id = t.Id, Items = t.ItemIds.Distinct(StringComparer.Ordinal).ToList(), StoredCentroid = t.Centroid,
            FirstSeen = t.FirstSeen, LastChanged = t.LastChanged, Pinned = t.Pinned,
        }).ToList();
        var mergedByPerson = await overrides.ApplyAsync(themes, events, now, ct);
        var cues = new ReportCues(input, texts);
        // An earlier run's theme is measured by the reports the model reads (English), as settling measures a theme within
        // a run: its other-language members, were they to pull its centroid, would make it a theme of their language day
        // after day.
        cues.EnglishAmong([.. themes.SelectMany(t => t.MembersIn(index)).Distinct()], ct);
        Func<int, bool> leads = cues.English;
        // Which members sit loosely is read against all of them: against the English ones alone every other-language member
        // would be loose and placed again each day, which cost recall one day at a time (docs/benchmarks.md, "Session 23").
        if (o.ReleaseSimilarity > 0) ReleaseLooseMembers(themes, index, vectors, (float)o.ReleaseSimilarity, o.MinThemeSize, now);

        var placed = new HashSet<string>(themes.SelectMany(t => t.Items), StringComparer.Ordinal);
        // Not reports, so noise however near a theme their words sit: a support account's templated replies, and
        // what NotAReport lists (praise, placeholders, posts that speak only to the bot, away notices, …).
        var notReports = SupportReplies.Find(input);
        var unplaced = Enumerable.Range(0, input.Count).Where(i => !placed.Contains(input[i].Id)).ToList();
        var rules = NotAReport.Rules(input, texts, unplaced, ct);
        notReports.UnionWith(unplaced.Where((_, k) => rules[k] is not null));
        if (notReports.Count > 0) _logger.LogDebug("{Count} support replies, placeholders and posts that only praise, say nothing is wrong, say too little, speak to the bot or are away notices are noise", notReports.Count);
        var free = unplaced.Where(i => !notReports.Contains(i)).ToList();
        clock.Mark("not-a-report rules");
        var actionable = await actionability.IsActionableAsync(
            free.Select(i => texts[i]).ToList(), embeddings is null ? null : new IndexedView<float[]>(embeddings, free), ct);
        clock.Mark("actionability");
        // A small-fix cue (a quoted typo, "Day 4 of 3") marks a report whatever its tone: "bonus day?? 🙃" is nearer
        // chatter than problems to the prototypes, yet it is a bug. No noise item of 23 generated scenarios carries one
        // (`ClusteringBench cues`).
        for (var k = 0; k < free.Count; k++)
            if (!actionable[k] && actionability.HasEnoughWords(texts[free[k]]) && cues.SmallFix(free[k])) actionable[k] = true;
        var candidates = free.Where((_, k) => actionable[k]).ToList();
        var reading = new GroupReading(input, embeddings, actionability, cues, o);

        foreach (var t in themes) t.Centroid = WorkingTheme.CentroidOf(t, index, vectors, leads);
        var join = (float)o.JoinSimilarity;
        var unjoined = new List<int>();
        foreach (var i in candidates)
        {
            var (best, sim) = WorkingTheme.Nearest(themes, vectors[i]);
            if (best is not null && sim >= join) best.Add(input[i].Id, now);
            else unjoined.Add(i);
        }

        clock.Mark("joining existing themes");
        // Groups are matched against the themes that existed before this run only: linkage has already kept them apart from each other.
        var earlier = themes.ToList();
        // Text the model cannot read (another language, mostly) would group by language, not by problem:
        // it only joins a theme it is close to, and never seeds one.
        var english = cues.EnglishAmong(unjoined, ct);
        var isEnglish = english.ToHashSet();
        var foreign = unjoined.Where(i => !isEnglish.Contains(i)).ToList();
        clock.Mark("language");
        void Create(List<int> members, float[] centroid, string reason, bool leftover = false)
        {
            var theme = AddNewTheme(themes, members.Select(i => input[i].Id).ToList(), centroid, now, leftover);
            events.Add(new ThemeEvent("created", theme.Id, null, reason, now));
        }
        // A group that as a whole reads as chatter gets no second grouping with a looser cut: at volume these are thousands
        // of posts, and the cut would only find them again.
        var readAsChatter = new HashSet<int>();
        foreach (var members in ThemeGrouping.GroupItems(english, vectors, (float)o.MergeSimilarity, (float)o.FragmentSimilarity, o.MaxDirectItems, o.Seed, ct))
        {
            var centroid = WorkingTheme.DirectionOf(members, vectors);
            var (best, sim) = WorkingTheme.Nearest(earlier, centroid);
            if (best is not null && sim >= join)
            {
                foreach (var i in members) best.Add(input[i].Id, now);
                continue;
            }
            if (members.Count < o.MinThemeSize) continue;
            if (!reading.ReadsAsProblem(members))
            {
                readAsChatter.UnionWith(members);
                continue;
            }
            Create(members, centroid, string.Create(CultureInfo.InvariantCulture,
                $"{members.Count} items with average similarity >= {o.MergeSimilarity:0.00} and none within {o.JoinSimilarity:0.00} of an existing theme"));
        }
        clock.Mark("grouping");
        if (o.LeftoverSimilarity > 0)
        {
            var taken = themes.SelectMany(t => t.Items).ToHashSet(StringComparer.Ordinal);
            var left = english.Where(i => !taken.Contains(input[i].Id) && !readAsChatter.Contains(i)).ToList();
            foreach (var members in ThemeGrouping.GroupItems(left, vectors, (float)o.LeftoverSimilarity, (float)o.FragmentSimilarity, o.MaxDirectItems, o.Seed, ct))
            {
                if (members.Count < o.LeftoverMinThemeSize || !reading.ReadsAsProblem(members)) continue;
                var centroid = WorkingTheme.DirectionOf(members, vectors);
                var (near, nearSim) = WorkingTheme.Nearest(themes, centroid);
                if (near is not null && nearSim >= o.LeftoverThemeDistance) continue;
                Create(members, centroid, string.Create(CultureInfo.InvariantCulture,
                    $"{members.Count} items left by the first grouping with average similarity >= {o.LeftoverSimilarity:0.00}, none within {o.LeftoverThemeDistance:0.00} of a theme"), leftover: true);
            }
        }
        clock.Mark("leftover grouping");
        var labels = new LabelAgreement(input);
        // The merge rules read every member, other-language ones too: left out, the two pieces of the shared dev scenario's
        // 429 problem fell below the label rule's bar and were filed twice.
        var merging = new ThemeMerging(o, index, vectors, new DistinctiveTerms(texts), cues, labels);
        merging.Merge(themes, events, now);

        clock.Mark("merging");
        // Every free item may settle, each with the bar its kind has earned: text the model reads poorly
        // (another language) and text the actionability check turned down must be nearer a theme to join it.
        var turnedDown = free.Where((_, k) => !actionable[k]).ToList();
        var movable = candidates.Concat(turnedDown).ToList();
        var isForeign = foreign.ToHashSet();
        var bars = movable.Select((i, k) => (float)(
            k >= candidates.Count ? o.TurnedDownJoinSimilarity : isForeign.Contains(i) ? o.ForeignJoinSimilarity : o.SettleSimilarity)).ToList();
        var follows = movable.Select((i, k) => k >= candidates.Count || isForeign.Contains(i)).ToList();
        Settle(themes, movable, bars, follows, leads, index, vectors, input, now, ct);
        clock.Mark("settling");
        // Settling changes what a theme holds, so a new theme is checked again, and so is an earlier run's theme that changed
        // in this one: a theme born of a few borderline reports (office notices beside two typo jokes) draws more of the same
        // every day, and unread it would grow into a ticket of chatter.
        foreach (var t in themes.Where(t => t.Items.Count > 0 && !t.Pinned && (t.Grouped || (t.Changed && !t.ShapedByPerson))))
        {
            if (!(t.Leftover && t.Items.Count < o.LeftoverMinThemeSize) && reading.ReadsAsProblem(t.MembersIn(index))) continue;
            // A new theme that fails was never one (its "created" event goes below); an earlier one is dissolved, and says so.
            if (!t.Grouped)
                events.Add(new ThemeEvent("dissolved", t.Id, null, string.Create(CultureInfo.InvariantCulture,
                    $"its {t.Items.Count} items no longer read as a problem together and are noise"), now));
            t.Items.Clear();
        }
        var freeSet = free.ToHashSet();
        if (o.SmallFixSplitSimilarity > 0)
            SplitSmallFixes(themes, events, SmallFixSplitting.Find(themes, index, vectors, cues, freeSet, o.MinThemeSize, (float)o.SmallFixSplitSimilarity, o.SmallFixSplitMinShare), input, now);
        // What settling or a split left no larger than a theme may start is a fragment, however it stood before: it may join
        // a theme it now sits near, by the same rules (a larger cap here joins sibling problems of one area).
        merging.Merge(themes, events, now, fragmentCap: o.MinThemeSize);
        clock.Mark("re-reading, small-fix splitting and fragment merging");
        JoinReferenced(themes, input, index, freeSet, now);
        JoinLabelled(themes, labels, input, index, freeSet, now);
        // Links and labels bring in reports the words did not reach (an issue in another language, a thread that names
        // the issue): with them two pieces of one problem can sit nearer than either did, so the merge rules read again.
        merging.Merge(themes, events, now, fragmentCap: o.MinThemeSize);
        clock.Mark("links, labels and merging again");
        // A theme created above that dissolved while settling was never a theme.
        var dissolved = themes.Where(t => t.Grouped && t.Items.Count == 0).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        events.RemoveAll(e => e.Kind == "created" && dissolved.Contains(e.ThemeId));
        // Centroids of the run's final themes: what noise is measured against.
        foreach (var t in themes) t.Centroid = WorkingTheme.CentroidOf(t, index, vectors);

        var inThemes = new HashSet<string>(themes.SelectMany(t => t.Items), StringComparer.Ordinal);
        var noise = input.Where(i => !inThemes.Contains(i.Id)).Select(i => i.Id).ToList();
        var result = themes.Where(t => t.Items.Count > 0).Select(t => new Theme
        {
            Id = t.Id,
            ItemIds = t.Items,
            // Stored for the next run the way that run will measure the theme: led by its English reports.
            Centroid = WorkingTheme.CentroidOf(t, index, vectors, leads) ?? t.StoredCentroid,
            FirstSeen = t.FirstSeen,
            LastChanged = t.Changed ? now : t.LastChanged,
            Pinned = t.Pinned,
        }).ToList();
        clock.Mark("centroids");
        _logger.LogInformation("Clustered {Items} items: {Themes} themes, {Noise} noise ({Share:P1})",
            input.Count, result.Count, noise.Count, input.Count == 0 ? 0 : (double)noise.Count / input.Count);
        _logger.LogDebug("Clustering steps: {Steps}", clock);
        var nearest = new Dictionary<string, NearestTheme>(StringComparer.Ordinal);
        foreach (var id in noise)
        {
            var (best, sim) = WorkingTheme.Nearest(themes, vectors[index[id]]);
            if (best is not null && sim >= o.AnchorJoinSimilarity) nearest[id] = new NearestTheme(best.Id, sim);
        }
        var kindOf = new PerThemeVersion<ThemeKind>(t => cues.KindOf([.. t.MembersIn(index)]));
        var held = HeldFragments.Find(themes, t => kindOf[t], o.MinThemeSize, (float)o.HoldFragmentSimilarity);
        return new ClusteringResult(result, noise, events) { NoiseNearest = nearest, Merges = merging.Merges, Held = held, MergedByPerson = mergedByPerson };
    }

    /// <summary>
    /// Frees the members of earlier runs' themes that sit loosely in them (less than <paramref name="bar"/> alike the
    /// theme's centroid in this run's features), so that they are placed again with this run's items: a problem whose
    /// first report or two settled in the nearest theme, before there were enough of them to stand apart, forms its own
    /// theme once more reports arrive. Pinned themes and themes a person split keep every member, and a theme keeps at
    /// least <paramref name="keep"/> members, so its id and its ticket stay.
    /// </summary>
    private static void ReleaseLooseMembers(List<WorkingTheme> themes, Dictionary<string, int> index, float[][] vectors, float bar, int keep, DateTimeOffset now)
    {
        foreach (var t in themes.Where(t => !t.Pinned && !t.ShapedByPerson && t.Items.Count > keep))
        {
            if (WorkingTheme.CentroidOf(t, index, vectors) is not { } centroid) continue;
            var loose = t.Items.Where(index.ContainsKey).Select(id => (Id: id, Similarity: VectorMath.Dot(vectors[index[id]], centroid)))
                .Where(m => m.Similarity < bar).OrderBy(m => m.Similarity).Take(t.Items.Count - keep).ToList();
            foreach (var (id, _) in loose) t.Remove(id, now);
        }
    }

    /// <summary>Lets the run's free items settle among the themes (<see cref="ThemeSettling"/>) and applies where they end.</summary>
    private void Settle(List<WorkingTheme> themes, List<int> movable, List<float> bars, List<bool> follows, Func<int, bool> leads, Dictionary<string, int> index, float[][] vectors,
        List<FeedbackItem> input, DateTimeOffset now, CancellationToken ct)
    {
        var o = options.Value;
        var moving = movable.Select(i => input[i].Id).ToHashSet(StringComparer.Ordinal);
        var dims = vectors.Length > 0 ? vectors[0].Length : 0;
        var settling = themes.Select(t =>
        {
            var fixedMembers = WorkingTheme.Leading(t.Items.Where(id => !moving.Contains(id) && index.ContainsKey(id)).Select(id => index[id]), leads)
                .Select(i => vectors[i]).ToList();
            return new SettlingTheme(VectorMath.Sum(fixedMembers, dims), fixedMembers.Count, t.StoredDirection, IsNew: t.Grouped);
        }).ToList();
        var themeOf = WorkingTheme.IndexByItem(themes, index, input.Count);
        var start = movable.Select(i => themeOf[i]).ToList();
        var settled = ThemeSettling.Run(settling, movable.Select(i => vectors[i]).ToList(), start, bars, follows,
            (float)o.SettleMargin, o.MinThemeSize, o.SettleRounds, ct);
        for (var k = 0; k < movable.Count; k++)
        {
            if (settled[k] == start[k]) continue;
            var id = input[movable[k]].Id;
            if (start[k] >= 0) themes[start[k]].Remove(id, now);
            if (settled[k] >= 0) themes[settled[k]].Add(id, now);
        }
    }

    /// <summary>Each group <see cref="SmallFixSplitting"/> found leaves its theme for a new theme of its own.</summary>
    private static void SplitSmallFixes(List<WorkingTheme> themes, List<ThemeEvent> events, List<SmallFixSplitting.Split> splits,
        List<FeedbackItem> input, DateTimeOffset now)
    {
        foreach (var (from, members, direction, similarity, restShare) in splits)
        {
            var ids = members.Select(i => input[i].Id).ToList();
            foreach (var id in ids) from.Remove(id, now);
            var theme = AddNewTheme(themes, ids, direction, now, splitFrom: from.Id);
            events.Add(new ThemeEvent("split", from.Id, theme.Id, string.Create(CultureInfo.InvariantCulture,
                $"{ids.Count} items read as a small fix and the other {from.Items.Count} do not (small-fix share {restShare:0.00}); centroid similarity {similarity:0.000}"), now));
        }
    }

    /// <summary>A theme made in this run from these items, added to <paramref name="themes"/>.</summary>
    private static WorkingTheme AddNewTheme(List<WorkingTheme> themes, List<string> ids, float[] centroid, DateTimeOffset now, bool leftover = false,
        string? splitFrom = null)
    {
        var theme = new WorkingTheme
        {
            Id = NewId(ids, themes), Items = ids, FirstSeen = now, LastChanged = now, Changed = true, Grouped = true, Leftover = leftover,
            Centroid = centroid, SplitFrom = splitFrom,
        };
        themes.Add(theme);
        return theme;
    }

    /// <summary>Items that link each other are one problem: see <see cref="ItemReferences"/> and <see cref="ReferencedItems"/>.</summary>
    private static void JoinReferenced(List<WorkingTheme> themes, List<FeedbackItem> input, Dictionary<string, int> index, HashSet<int> free, DateTimeOffset now)
    {
        var links = ItemReferences.Find(input);
        if (links.Count == 0) return;
        var themeOf = WorkingTheme.IndexByItem(themes, index, input.Count);
        var before = (int[])themeOf.Clone();
        foreach (var (item, theme) in ReferencedItems.Resolve(links, themeOf, free.Contains))
        {
            var id = input[item].Id;
            if (before[item] >= 0) themes[before[item]].Remove(id, now);
            before[item] = theme;
            themes[theme].Add(id, now);
        }
    }

    /// <summary>
    /// A labelled GitHub issue that no theme took joins the one theme whose issues carry its area labels
    /// (<see cref="ClusteringOptions.JoinLabelledIssues"/>); with two such themes the labels cannot tell, and it stays noise.
    /// </summary>
    private void JoinLabelled(List<WorkingTheme> themes, LabelAgreement labels, List<FeedbackItem> input, Dictionary<string, int> index,
        HashSet<int> free, DateTimeOffset now)
    {
        var o = options.Value;
        if (!o.JoinLabelledIssues) return;
        var themeOf = WorkingTheme.IndexByItem(themes, index, input.Count);
        // Profiles from the themes as settled, so that an issue joined here does not draw the next one.
        var profiles = themes.Select(t => labels.ProfileOf(t.MembersIn(index))).ToList();
        foreach (var (issue, theme) in labels.SoleMatches(free.Where(i => themeOf[i] < 0).Order(), profiles, o.LabelMergeAgreement, o.LabelMergeMinIssues).ToList())
            themes[theme].Add(input[issue].Id, now);
    }

    /// <summary>A new theme's id comes from its first members, so the same input gives the same id.</summary>
    private static string NewId(IEnumerable<string> itemIds, List<WorkingTheme> themes)
    {
        var seed = string.Join("\n", itemIds.Order(StringComparer.Ordinal));
        var id = "th-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed)))[..10];
        while (themes.Any(t => t.Id == id)) id += "x";
        return id;
    }
}
