using TriageBot.Domain;

namespace TriageBot.Tests.Clustering;

/// <summary>How many themes one area's reports make: what is one problem split, and what is two problems side by side.</summary>
public partial class ThemeClustererTests
{
    [Theory]
    [InlineData(0.5, false)]
    [InlineData(2.0, true)]
    public async Task Two_same_kind_themes_larger_than_a_typical_one_stay_apart(double fragmentShare, bool merged)
    {
        // Six login-loop reports and six SSO-login reports: both functional problems, 0.30 alike once centred, and the
        // same-kind rule (bar 0.2) is the only one that could join them. The run's themes are 3, 3, 3, 6 and 6 reports,
        // so the median report is in a six-report theme: by default (share 0.5, cap 4) two six-report themes are two
        // problems; at share 2 (cap 12) one would count as the other's fragment.
        OnlyTheSameKindRuleMerges(0.2);
        _options.KindMergeFragmentShare = fragmentShare;
        var generator = new KeywordEmbeddingGenerator("login", "sso", "export", "billing", "dark");
        string[] login = ["login loops back to the start page on my laptop", "the login page is back to looping after today's update", "stuck on the login page of the desktop app"];
        string[] sso =
        [
            "sso login with okta fails right after I approve in the browser", "our sso login bounces back to the sign-in screen",
            "since the update sso login never completes for the team", "sso login gives a blank page for every user",
            "sso login stopped working after we rotated the certificate", "the sso login redirect ends in an error",
        ];
        string[] others =
        [
            "billing page shows the wrong plan after the upgrade", "billing charged us twice this month", "the billing invoice total is wrong",
            "dark theme makes the editor text unreadable", "dark theme resets to light after a restart", "charts vanish in the dark theme",
        ];
        FeedbackItem[] items =
        [
            .. Day1,
            .. login.Select((text, k) => Item($"s:6{k}", text)),
            .. sso.Select((text, k) => Item($"s:7{k}", text)),
            .. others.Select((text, k) => Item($"s:8{k}", text)),
        ];
        var result = await Create(generator).ClusterAsync(items, [], default);

        var theme = result.Themes.Single(t => t.ItemIds.Contains("s:1"));
        Assert.Equal(merged ? 12 : 6, theme.ItemIds.Count);
        Assert.Equal(merged, theme.ItemIds.Contains("s:70"));
        Assert.Equal(merged ? 4 : 5, result.Themes.Count);
        Assert.Equal(merged, result.Events.Any(e => e.Kind == "merged"));
    }

    [Theory]
    [InlineData(0.0, false)]
    [InlineData(0.2, true)]
    public async Task One_request_told_in_different_words_is_found_among_what_the_first_grouping_left(double leftover, bool found)
    {
        // Four asks for an accounting export, each naming another package: no two alike enough for the first cut (0.9),
        // but alike enough among what is left, and far from the login and export themes.
        OnlyIdenticalReportsGroup();
        _options.LeftoverSimilarity = leftover;
        var generator = new KeywordEmbeddingGenerator("login", "export", "accounting", "xero", "quickbooks", "datev", "sage");
        FeedbackItem[] items =
        [
            .. Day1,
            Item("s:90", "our accountant needs an accounting sync with xero, the numbers are wrong by hand"),
            Item("s:91", "accounting integration with quickbooks is missing and we retype every invoice"),
            Item("s:92", "german accounting needs the datev format, we cannot file without it"),
            Item("s:93", "accounting in sage cannot read anything from the app, we need a connector"),
        ];
        var result = await Create(generator).ClusterAsync(items, [], default);

        var theme = result.Themes.SingleOrDefault(t => t.ItemIds.Contains("s:90"));
        Assert.Equal(found, theme is not null);
        if (found)
        {
            Assert.Equal(["s:90", "s:91", "s:92", "s:93"], theme!.ItemIds.Order(StringComparer.Ordinal));
            Assert.Contains(result.Events, e => e.Kind == "created" && e.ThemeId == theme.Id && e.Reason.Contains("left by the first grouping", StringComparison.Ordinal));
        }
        else Assert.Contains("s:93", result.Noise);
        Assert.Equal(["s:1", "s:2", "s:3"], result.Themes.Single(t => t.ItemIds.Contains("s:1")).ItemIds.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(0.0, false)]
    [InlineData(0.55, true)]
    public async Task A_small_fix_grouped_with_its_areas_problem_is_split_off(double splitBar, bool split)
    {
        // Six reports of payouts stuck in pending and three of a typo in the payout email: cut low, linkage groups all
        // nine as one payout theme, and only the split tells the typo apart.
        _options.MergeSimilarity = 0.05;
        _options.SmallFixSplitSimilarity = splitBar;
        var generator = PayoutGenerator();
        var items = PayoutReports(others: 6);
        var result = await Create(generator).ClusterAsync(items, [], default);

        var problem = result.Themes.Single(t => t.ItemIds.Contains("s:60"));
        Assert.Equal(split ? 6 : 9, problem.ItemIds.Count);
        var fix = result.Themes.Single(t => t.ItemIds.Contains("s:70"));
        Assert.Equal(split, fix != problem);
        if (!split) return;
        Assert.Equal(["s:70", "s:71", "s:72"], fix.ItemIds.Order(StringComparer.Ordinal));
        var e = Assert.Single(result.Events, e => e.Kind == "split");
        Assert.Equal((problem.Id, fix.Id), (e.ThemeId, e.OtherThemeId));
        Assert.Contains("read as a small fix", e.Reason, StringComparison.Ordinal);

        // The next day, with a new report of the problem, the two keep their ids and items.
        var day2 = await Create(generator).ClusterAsync([.. items, Item("s:66", "payout pending again since friday")], result.Themes, default);
        Assert.Equal(fix.ItemIds, day2.Themes.Single(t => t.Id == fix.Id).ItemIds);
        Assert.Contains("s:66", day2.Themes.Single(t => t.Id == problem.Id).ItemIds);
    }

    [Fact]
    public async Task A_split_small_fix_is_not_merged_back_by_the_terms_it_shares_with_the_problem()
    {
        // As above, with the shared-terms merge opened to any near pair that shares one distinctive term: "payout" is one
        // (9 of 42 reports, under a quarter of the run), and only the kinds keep the typo apart from the pending payouts.
        _options.MergeSimilarity = 0.05;
        (_options.TermMergeSimilarity, _options.TermMergeSharedTerms) = (0.05, 1);
        var result = await Create(PayoutGenerator()).ClusterAsync(PayoutReports(others: 12), [], default);

        Assert.Single(result.Events, e => e.Kind == "split");
        Assert.Equal(["s:70", "s:71", "s:72"], result.Themes.Single(t => t.ItemIds.Contains("s:70")).ItemIds.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(result.Events, e => e.Kind == "merged");
    }

    private static KeywordEmbeddingGenerator PayoutGenerator() => new("login", "export", "payout", "pending", "email");

    /// <summary>
    /// Day 1, <paramref name="others"/> more login and export reports each (so that centring leaves the payout reports
    /// alike), six reports of payouts stuck in pending (s:60–65) and three of a typo in the payout email (s:70–72).
    /// </summary>
    private static FeedbackItem[] PayoutReports(int others)
    {
        string[] pending =
        [
            "payout stuck in pending since monday", "my payout is still pending after a week", "payouts sit in pending and support is silent",
            "pending payout never moves to paid", "why is every payout pending this month", "payout pending for ten days now",
        ];
        string[] typo =
        [
            "typo in the payout email subject line", "the payout email has a typo in the month name", "payout email names the wrong month, confusing",
        ];
        return
        [
            .. Day1,
            .. Enumerable.Range(0, others).Select(k => Item($"s:4{k:00}", $"login fails again on laptop number {k}")),
            .. Enumerable.Range(0, others).Select(k => Item($"s:5{k:00}", $"export is broken for report number {k}")),
            .. pending.Select((text, k) => Item($"s:6{k}", text)),
            .. typo.Select((text, k) => Item($"s:7{k}", text)),
        ];
    }
}
