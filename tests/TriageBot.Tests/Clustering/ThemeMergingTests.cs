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
}
