using TriageBot.Clustering;
using TriageBot.Domain;

namespace TriageBot.Tests.Clustering;

/// <summary>The merge rules on hand-made themes: a small fix split off from its area's problem and their shared labels.</summary>
public class ThemeMergingTests
{
    private static readonly string[] Pending =
    [
        "payout stuck in pending since monday", "my payout is still pending after a week", "payouts sit in pending and support is silent",
        "pending payout never moves to paid", "why is every payout pending this month", "payout pending for ten days now",
    ];

    private static readonly string[] Typo =
    [
        "typo in the payout email subject: 'Septmber earnings'", "the payout email has a typo in the month name",
        "typo on the payout email, it says 'Septmber'",
    ];

    private static readonly string[] Elsewhere = [.. Enumerable.Range(1, 8).Select(k => $"login loops back to the sign-in page on laptop {k}")];

    private static float[] V(params float[] v)
    {
        var n = MathF.Sqrt(v.Sum(x => x * x));
        return v.Select(x => x / n).ToArray();
    }

    /// <summary>
    /// Six reports of payouts stuck in pending and three of a typo in the payout email, two of each a GitHub issue labelled
    /// for the payouts area (which the eight login issues do not carry), the typo's centroid <paramref name="similarity"/>
    /// alike the pending one's.
    /// </summary>
    private static (List<WorkingTheme> Themes, List<ThemeEvent> Events) Merge(float similarity, bool typoSplitOff)
    {
        var texts = Pending.Concat(Typo).Concat(Elsewhere).ToArray();
        bool PayoutIssue(int k) => k is 0 or 1 || k == Pending.Length || k == Pending.Length + 1;
        var items = texts.Select((text, k) => k >= Pending.Length + Typo.Length || PayoutIssue(k)
            ? new FeedbackItem
            {
                Id = $"github:acme/app#{k}", Source = FeedbackSource.GitHub, Location = "acme/app", Title = text, Body = "", Url = $"https://x/{k}",
                CreatedAt = DateTimeOffset.Parse("2026-11-19T09:00:00Z"), Labels = PayoutIssue(k) ? ["bug", "payouts"] : ["bug", "auth"],
            }
            : new FeedbackItem
            {
                Id = $"slack:C01:{k}", Source = FeedbackSource.Slack, Location = "C01", Body = text, Url = $"https://x/{k}",
                CreatedAt = DateTimeOffset.Parse("2026-11-19T09:00:00Z"),
            }).ToList();
        var fix = V(similarity, MathF.Sqrt(1 - similarity * similarity), 0);
        float[][] vectors = [.. Pending.Select(_ => V(1, 0, 0)), .. Typo.Select(_ => fix), .. Elsewhere.Select(_ => V(0, 0, 1))];
        var index = items.Select((item, k) => (item.Id, k)).ToDictionary(x => x.Id, x => x.k);
        var problem = new WorkingTheme { Id = "th-pending", Items = [.. items.Take(Pending.Length).Select(i => i.Id)] };
        var typo = new WorkingTheme
        {
            Id = "th-typo", Items = [.. items.Skip(Pending.Length).Take(Typo.Length).Select(i => i.Id)], SplitFrom = typoSplitOff ? problem.Id : null,
        };
        var login = new WorkingTheme { Id = "th-login", Items = [.. items.Skip(Pending.Length + Typo.Length).Select(i => i.Id)] };
        var merging = new ThemeMerging(new ClusteringOptions(), index, vectors, new DistinctiveTerms(texts), new ReportCues(items, texts), new LabelAgreement(items));
        List<WorkingTheme> themes = [problem, typo, login];
        var events = new List<ThemeEvent>();
        merging.Merge(themes, events, DateTimeOffset.Parse("2026-11-20T09:00:00Z"));
        return (themes, events);
    }

    [Fact]
    public void Area_labels_join_a_small_fix_to_its_areas_problem_when_no_split_kept_them_apart()
    {
        var (themes, events) = Merge(0.38f, typoSplitOff: false);

        Assert.Empty(themes.Single(t => t.Id == "th-typo").Items);
        Assert.Equal(9, themes.Single(t => t.Id == "th-pending").Items.Count);
        Assert.Contains(events, e => e.Kind == "merged" && e.Reason.Contains("labels", StringComparison.Ordinal));
    }

    [Theory]
    // Split off in this run and less alike than labels need to join themes of any size (0.45): the split stands.
    [InlineData(0.38f, false)]
    // As near as that: the split cut one problem in two, and the labels join it again.
    [InlineData(0.5f, true)]
    public void A_small_fix_split_off_in_the_run_joins_its_theme_again_only_when_near(float similarity, bool mergedBack)
    {
        var (themes, events) = Merge(similarity, typoSplitOff: true);

        Assert.Equal(mergedBack ? 0 : 3, themes.Single(t => t.Id == "th-typo").Items.Count);
        Assert.Equal(mergedBack, events.Any(e => e.Kind == "merged"));
        Assert.Equal(8, themes.Single(t => t.Id == "th-login").Items.Count);
    }

    private static readonly DateTimeOffset Day = DateTimeOffset.Parse("2026-11-20T09:00:00Z");

    /// <summary>
    /// One Slack report per text, with its vector, and a way to make a theme of reports <c>skip</c> to <c>skip + take</c>
    /// first seen on a given day (the older theme keeps its id in a merge).
    /// </summary>
    private static (ThemeMerging Merging, Func<string, int, int, DateTimeOffset, WorkingTheme> Theme) SlackReports(string[] texts, float[][] vectors)
    {
        var items = texts.Select((text, k) => new FeedbackItem
        {
            Id = $"slack:C01:{k}", Source = FeedbackSource.Slack, Location = "C01", Body = text, Url = $"https://x/{k}", CreatedAt = Day.AddDays(-1),
        }).ToList();
        var index = items.Select((item, k) => (item.Id, k)).ToDictionary(x => x.Id, x => x.k);
        var merging = new ThemeMerging(new ClusteringOptions(), index, vectors, new DistinctiveTerms(texts), new ReportCues(items, texts), new LabelAgreement(items));
        return (merging, (id, skip, take, firstSeen) => new WorkingTheme { Id = id, Items = [.. items.Skip(skip).Take(take).Select(i => i.Id)], FirstSeen = firstSeen });
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_fragment_near_two_themes_a_rule_could_join_it_to_joins_the_nearer(bool nearerListedFirst)
    {
        // Three reports of a sync problem sit 0.40 alike a theme of export failures and 0.50 alike the sync theme; all read
        // as functional problems, so the same-kind rule would join the fragment to either. Taken in list order it joined
        // whichever theme came first.
        string[] export = [.. Enumerable.Range(1, 6).Select(k => $"csv export fails with an error on report {k}")];
        string[] sync = [.. Enumerable.Range(1, 6).Select(k => $"calendar sync stopped working on device {k}")];
        string[] fragment = ["the sync is broken again since monday", "sync doesn't update anything anymore", "sync stuck, nothing arrives"];
        float[][] vectors = [.. export.Select(_ => V(1, 0, 0)), .. sync.Select(_ => V(0, 1, 0)), .. fragment.Select(_ => V(0.4f, 0.5f, MathF.Sqrt(1 - 0.16f - 0.25f)))];
        var (merging, theme) = SlackReports([.. export, .. sync, .. fragment], vectors);
        var (exportTheme, syncTheme, piece) = (theme("th-export", 0, 6, Day), theme("th-sync", 6, 6, Day), theme("th-piece", 12, 3, Day));
        List<WorkingTheme> themes = nearerListedFirst ? [syncTheme, exportTheme, piece] : [exportTheme, syncTheme, piece];
        var events = new List<ThemeEvent>();

        merging.Merge(themes, events, Day);

        Assert.Equal(9, syncTheme.Items.Count);
        Assert.Equal(6, exportTheme.Items.Count);
        var merge = Assert.Single(events, e => e.Kind == "merged");
        Assert.Equal(("th-sync", "th-piece"), (merge.ThemeId, merge.OtherThemeId));
        Assert.Contains("both read as functional problems", merge.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_fragments_of_a_large_problem_join_it_before_they_join_each_other()
    {
        // Two pieces of three reports, more alike each other (0.70) than either is to the problem's theme of ten (0.45 and
        // 0.40). Joined first, the pieces (six) outgrow the fragment cap (five here) and stay a second ticket; each joins
        // the theme of ten instead.
        string[] main = [.. Enumerable.Range(1, 10).Select(k => $"checkout page fails to load on order {k}")];
        string[] first = ["checkout spins forever, nothing loads", "checkout stuck loading again", "checkout doesn't load at all"];
        string[] second = ["checkout broken on mobile too", "can't get past checkout, it never loads", "checkout page blank after the update"];
        var x = 0.52f / MathF.Sqrt(1 - 0.45f * 0.45f);
        float[][] vectors =
        [
            .. main.Select(_ => V(1, 0, 0)), .. first.Select(_ => V(0.45f, MathF.Sqrt(1 - 0.45f * 0.45f), 0)),
            .. second.Select(_ => V(0.40f, x, MathF.Sqrt(1 - 0.16f - x * x))),
        ];
        var (merging, theme) = SlackReports([.. main, .. first, .. second], vectors);
        var problem = theme("th-main", 0, 10, Day.AddDays(-10));
        // The pieces listed first, as a run lists what it grouped before an earlier run's theme.
        List<WorkingTheme> themes = [theme("th-first", 10, 3, Day), theme("th-second", 13, 3, Day), problem];
        var events = new List<ThemeEvent>();

        merging.Merge(themes, events, Day);

        Assert.Equal(16, problem.Items.Count);
        Assert.Equal(2, events.Count(e => e.Kind == "merged" && e.ThemeId == "th-main"));
    }
}
