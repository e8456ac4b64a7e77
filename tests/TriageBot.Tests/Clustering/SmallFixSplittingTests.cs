using TriageBot.Clustering;
using TriageBot.Domain;

namespace TriageBot.Tests.Clustering;

public class SmallFixSplittingTests
{
    // Seven reports of one problem, and three of a small fix in the same area: two carry a small-fix cue (a typo),
    // the third says the same without one.
    private static readonly string[] Texts =
    [
        "payouts stuck in pending for days now",
        "my payout has been pending since monday",
        "payout still pending, support has no answer",
        "creators asking why payouts sit in pending",
        "pending payout never moves to paid",
        "payouts are pending way longer than usual",
        "still waiting on a pending payout from last week",
        "typo in the payout email subject: 'Septmber earnings'",
        "the payout email has a typo in the month name",
        "payout email names last month instead of this one",
    ];

    private static float[] V(params float[] v)
    {
        var n = MathF.Sqrt(v.Sum(x => x * x));
        return v.Select(x => x / n).ToArray();
    }

    private static List<SmallFixSplitting.Split> Find(float[][] vectors, IReadOnlySet<int> free, float maxSimilarity = 0.55f, double minShare = 0,
        int[]? members = null, bool byPerson = false, bool pinned = false)
    {
        var items = Texts.Select((text, k) => new FeedbackItem
        {
            Id = $"s:{k}", Source = FeedbackSource.Slack, Location = "C01", Body = text, Url = $"https://x/{k}",
            CreatedAt = DateTimeOffset.Parse("2026-11-19T09:00:00Z"),
        }).ToList();
        var index = items.Select((item, k) => (item.Id, k)).ToDictionary(x => x.Id, x => x.k);
        var theme = new WorkingTheme { Id = "th-payouts", Items = [.. (members ?? [.. Enumerable.Range(0, items.Count)]).Select(k => items[k].Id)], ShapedByPerson = byPerson, Pinned = pinned };
        return SmallFixSplitting.Find([theme], index, vectors, new ReportCues(items), free, minThemeSize: 3, maxSimilarity, minShare);
    }

    private static float[][] Vectors(float[] fix) =>
    [
        V(1, 0, 0), V(1, 0.1f, 0), V(1, 0, 0.1f), V(1, -0.1f, 0), V(1, 0, -0.1f), V(1, 0.05f, 0.05f), V(1, -0.05f, 0.05f),
        fix, V(fix[0], fix[1], 0.1f), V(fix[0], fix[1], -0.1f),
    ];

    private static readonly HashSet<int> AllFree = [.. Enumerable.Range(0, Texts.Length)];

    [Fact]
    public void A_small_fix_told_apart_from_its_areas_problem_is_split_off_with_the_report_that_has_no_cue()
    {
        var split = Assert.Single(Find(Vectors(V(0.4f, 0.9f, 0)), AllFree));
        Assert.Equal([7, 8, 9], split.Members.Order());
        Assert.Equal("th-payouts", split.From.Id);
        Assert.InRange(split.Similarity, 0.35f, 0.5f);
        Assert.Equal(0, split.RestSmallFixShare);
    }

    [Theory]
    // Three of ten reports: a small fix's own reports, a fair share of the theme.
    [InlineData(0.3, true)]
    // Required to be more than that: a few cue-carrying reports of a large theme are the problem's own.
    [InlineData(0.31, false)]
    public void A_group_split_off_must_hold_a_share_of_its_theme(double minShare, bool split)
    {
        Assert.Equal(split, Find(Vectors(V(0.4f, 0.9f, 0)), AllFree, minShare: minShare).Count == 1);
    }

    [Fact]
    public void A_group_as_near_the_rest_as_the_bar_stays_in_its_theme()
    {
        Assert.Empty(Find(Vectors(V(0.7f, 0.7f, 0)), AllFree));
        Assert.Single(Find(Vectors(V(0.7f, 0.7f, 0)), AllFree, maxSimilarity: 0.8f));
    }

    [Fact]
    public void Cue_carrying_reports_nearer_the_theme_than_each_other_split_nothing()
    {
        // The two typo reports sit on opposite sides of the problem's reports, as a cue inside a report of the problem does.
        var vectors = Vectors(V(0.4f, 0.9f, 0));
        vectors[7] = V(1, 0.15f, 0.15f);
        vectors[8] = V(1, -0.15f, -0.15f);
        Assert.Empty(Find(vectors, AllFree));
    }

    [Fact]
    public void Reports_an_earlier_run_placed_leave_with_the_small_fix()
    {
        // Run once a day: the typo's first two reports joined the payouts theme on earlier days, the third came today.
        var split = Assert.Single(Find(Vectors(V(0.4f, 0.9f, 0)), AllFree.Except([0, 1, 2, 3, 4, 5, 6, 7, 8]).ToHashSet()));
        Assert.Equal([7, 8, 9], split.Members.Order());
    }

    [Fact]
    public void Earlier_runs_reports_stay_when_what_is_left_is_under_twice_the_group()
    {
        // Five problem reports and the typo's three: all of this run, the three split off; two of them placed by an
        // earlier run, they stay (a theme that is mostly the fix is the fix's own).
        int[] fewer = [0, 1, 2, 3, 4, 7, 8, 9];
        Assert.Single(Find(Vectors(V(0.4f, 0.9f, 0)), AllFree, members: fewer));
        Assert.Empty(Find(Vectors(V(0.4f, 0.9f, 0)), AllFree.Except([7, 8]).ToHashSet(), members: fewer));
    }

    [Fact]
    public void A_theme_a_person_shaped_or_pinned_is_never_split()
    {
        Assert.Empty(Find(Vectors(V(0.4f, 0.9f, 0)), AllFree, byPerson: true));
        Assert.Empty(Find(Vectors(V(0.4f, 0.9f, 0)), AllFree, pinned: true));
    }
}
