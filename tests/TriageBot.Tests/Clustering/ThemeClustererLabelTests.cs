using TriageBot.Domain;

namespace TriageBot.Tests.Clustering;

/// <summary>Two themes whose GitHub issues carry the same area labels are one problem: the label merge.</summary>
public partial class ThemeClustererTests
{
    private static FeedbackItem Labelled(string id, string text, params string[] labels) =>
        Item(id, text) with { Source = FeedbackSource.GitHub, Location = "acme/app", Labels = labels };

    [Theory]
    // The same area label on both pieces: merged.
    [InlineData("keybindings", "keybindings", 2, 0.05, true)]
    // Different areas that share only "bug": two problems.
    [InlineData("keybindings", "inline-chat", 2, 0.05, false)]
    // One labelled issue a side is too little to go by.
    [InlineData("keybindings", "keybindings", 1, 0.05, false)]
    // The rule turned off.
    [InlineData("keybindings", "keybindings", 2, 0.0, false)]
    public async Task Themes_whose_issues_carry_the_same_area_labels_merge(string areaA, string areaB, int labelledIssues, double bar, bool merged)
    {
        // The rule for labels that no third theme carries is the next test's.
        _options.LabelMergeSoleAreaMinIssues = 0;
        var result = await ClusterShortcutPieces(areaA, areaB, labelledIssues, bar);

        var theme = result.Themes.Single(t => t.ItemIds.Contains("a:0"));
        Assert.Equal(["a:0", "a:1", "a:2"], theme.ItemIds.Where(id => id.StartsWith("a:", StringComparison.Ordinal)).Order());
        Assert.Equal(merged, theme.ItemIds.Contains("b:0"));
        Assert.Equal(merged, result.Events.Any(e => e.Kind == "merged" && e.Reason.Contains("carry the same labels", StringComparison.Ordinal)));
    }

    [Theory]
    // "keybindings" is on the issues of these two themes only: one labelled issue a side is enough.
    [InlineData(1, false, true)]
    // A third theme's issues carry it too: an area with several problems, so one issue a side is too little.
    [InlineData(1, true, false)]
    // The rule turned off.
    [InlineData(0, false, false)]
    public async Task Themes_whose_issues_alone_carry_an_area_label_merge_on_one_labelled_issue_a_side(int soleMinIssues, bool thirdTheme, bool merged)
    {
        _options.LabelMergeSoleAreaMinIssues = soleMinIssues;
        FeedbackItem[] more = thirdTheme ? [Labelled("k:0", "the login page keeps looping back after the update", "bug", "keybindings")] : [];
        var result = await ClusterShortcutPieces("keybindings", "keybindings", labelledIssues: 1, bar: 0.05, more);

        Assert.Equal(merged, result.Themes.Single(t => t.ItemIds.Contains("a:0")).ItemIds.Contains("b:0"));
        var merge = result.Merges.SingleOrDefault(m => m.Rule == MergeRule.AreaLabelsOfTheirOwn);
        Assert.Equal(merged, merge is not null);
        if (merge is null) return;
        // The merge is recorded with the items on each side, and the event says why.
        Assert.Equal(["a:0", "b:0"], new[] { merge.KeptItems, merge.JoinedItems }.Select(side => side.Single(id => id is "a:0" or "b:0")).Order());
        Assert.Contains(result.Events, e => e.Kind == "merged" && e.Reason.Contains("area labels no other theme carries (keybindings", StringComparison.Ordinal));
    }

    [Theory]
    // Two pieces of six reports, both more than a fragment for the run, one labelled issue each under an area no other
    // theme carries: two problems of the area as often as one, so they join only near enough to join at any size.
    [InlineData(true, 0.99, false)]
    [InlineData(true, 0.05, true)]
    // Whatever the sizes, as before.
    [InlineData(false, 0.99, true)]
    public async Task Themes_of_a_typical_size_alone_under_an_area_label_merge_only_when_near(bool fragmentsOnly, double anySizeBar, bool merged)
    {
        _options.LabelMergeSoleAreaFragmentsOnly = fragmentsOnly;
        _options.LabelMergeAnySizeSimilarity = anySizeBar;
        var result = await ClusterShortcutPieces("keybindings", "keybindings", labelledIssues: 1, bar: 0.05, kindBar: 1.0, pieceSize: 6);

        var theme = result.Themes.Single(t => t.ItemIds.Contains("a:0"));
        Assert.Equal(6, theme.ItemIds.Count(id => id.StartsWith("a:", StringComparison.Ordinal)));
        Assert.Equal(merged, theme.ItemIds.Contains("b:0"));
        Assert.Equal(merged, result.Merges.Any(m => m.Rule == MergeRule.AreaLabelsOfTheirOwn));
    }

    [Theory]
    // One theme carries the issue's area label: it joins, however far its words.
    [InlineData("keybindings", "inline-chat", new[] { "bug", "keybindings" }, true, "a:0")]
    // Two themes carry it: the labels cannot tell which.
    [InlineData("keybindings", "keybindings", new[] { "bug", "keybindings" }, true, null)]
    // Only "bug", on most labelled issues: no area to go by.
    [InlineData("keybindings", "inline-chat", new[] { "bug" }, true, null)]
    // Turned off.
    [InlineData("keybindings", "inline-chat", new[] { "bug", "keybindings" }, false, null)]
    public async Task A_labelled_issue_left_out_joins_the_one_theme_that_carries_its_area_labels(
        string areaA, string areaB, string[] issueLabels, bool join, string? joins)
    {
        _options.JoinLabelledIssues = join;
        // Words no theme shares: too far from every theme to settle in one.
        var issue = Labelled("i:1", "it happens on every machine we have, since the last release", issueLabels);
        var result = await ClusterShortcutPieces(areaA, areaB, labelledIssues: 2, bar: 0, issue);

        Assert.Equal(joins, result.Themes.SingleOrDefault(t => t.ItemIds.Contains("i:1"))?.ItemIds.Order(StringComparer.Ordinal).First());
        Assert.Equal(joins is null, result.Noise.Contains("i:1"));
    }

    [Theory]
    // Filed under different areas: two problems, however alike their kind.
    [InlineData("keybindings", "inline-chat", 0.5, false)]
    // The same area, or the veto off: the same-kind rule joins them.
    [InlineData("keybindings", "keybindings", 0.5, true)]
    [InlineData("keybindings", "inline-chat", 0.0, true)]
    public async Task Themes_whose_issues_are_filed_under_different_areas_are_not_merged_by_kind(string areaA, string areaB, double veto, bool merged)
    {
        _options.LabelVetoAgreement = veto;
        // One labelled issue a side: enough to keep two pieces apart, not to join them (the label merge is off here).
        var result = await ClusterShortcutPieces(areaA, areaB, labelledIssues: 1, bar: 0, kindBar: 0.05);

        Assert.Equal(merged, result.Themes.Single(t => t.ItemIds.Contains("a:0")).ItemIds.Contains("b:0"));
        Assert.Equal(merged, result.Events.Any(e => e.Kind == "merged" && e.Reason.Contains("both read as", StringComparison.Ordinal)));
    }

    [Theory]
    // Two pieces of six reports each, both more than a fragment for the run: the label merge joins them only near enough
    // to join at any size.
    [InlineData(0.05, true)]
    [InlineData(0.99, false)]
    // The any-size rule turned off: labels join fragments only.
    [InlineData(0.0, false)]
    public async Task Themes_of_a_typical_size_whose_issues_carry_the_same_labels_merge_when_near(double anySizeBar, bool merged)
    {
        _options.LabelMergeSoleAreaMinIssues = 0;
        _options.LabelMergeAnySizeSimilarity = anySizeBar;
        var result = await ClusterShortcutPieces("keybindings", "keybindings", labelledIssues: 2, bar: 0.05, kindBar: 1.0, pieceSize: 6);

        var theme = result.Themes.Single(t => t.ItemIds.Contains("a:0"));
        Assert.Equal(6, theme.ItemIds.Count(id => id.StartsWith("a:", StringComparison.Ordinal)));
        Assert.Equal(merged, theme.ItemIds.Contains("b:0"));
        Assert.Equal(merged, result.Events.Any(e => e.Kind == "merged" && e.Reason.Contains("near enough to join at any size", StringComparison.Ordinal)));
    }

    /// <summary>
    /// Two pieces of three reports (or <c>pieceSize</c>) about a shortcut (<paramref name="labelledIssues"/> labelled issues each, with
    /// <paramref name="areaA"/> and <paramref name="areaB"/>) among other themes; linkage joins only identical reports and
    /// the only merge rule left is the label merge at <paramref name="bar"/> (0: off).
    /// </summary>
    private async Task<ClusteringResult> ClusterShortcutPieces(string areaA, string areaB, int labelledIssues, double bar, params FeedbackItem[] more) =>
        await ClusterShortcutPieces(areaA, areaB, labelledIssues, bar, kindBar: 1.0, more);

    private async Task<ClusteringResult> ClusterShortcutPieces(string areaA, string areaB, int labelledIssues, double bar, double kindBar, params FeedbackItem[] more) =>
        await ClusterShortcutPieces(areaA, areaB, labelledIssues, bar, kindBar, pieceSize: 3, more);

    private async Task<ClusteringResult> ClusterShortcutPieces(
        string areaA, string areaB, int labelledIssues, double bar, double kindBar, int pieceSize, params FeedbackItem[] more)
    {
        // Linkage joins only identical reports and no other merge rule applies (but the same-kind rule at kindBar below
        // 1); the two pieces name the shortcut in other words.
        OnlyIdenticalReportsGroup();
        _options.AutoMergeSimilarity = _options.TermMergeSimilarity = 1.0;
        _options.KindMergeSimilarity = _options.FragmentKindMergeSimilarity = kindBar;
        _options.LabelMergeSimilarity = bar;
        // Per-source centring would set a report apart from the same words in another channel; here only labels should.
        _options.CentrePerSource = false;
        var generator = new KeywordEmbeddingGenerator("login", "export", "dark mode", "shortcut", "chord", "remap");
        string[] Labels(string area, int k) => k < labelledIssues ? ["bug", area] : [];
        FeedbackItem[] items =
        [
            .. Day1,
            // Other labelled issues (thirteen in all), so that an area label is on a few of them and "bug" on most.
            .. Enumerable.Range(1, 3).Select(k => Labelled($"g:{k}", "the login page keeps looping back after the update", "bug", "auth")),
            .. Enumerable.Range(4, 2).Select(k => Labelled($"g:{k}", "export to csv crashes with a big file every time", "bug", "export")),
            .. Enumerable.Range(0, 4).Select(k => Labelled($"m:{k}", "please add a dark mode to the editor", "enhancement", "ui")),
            .. Enumerable.Range(0, pieceSize).Select(k => k < 2
                ? Labelled($"a:{k}", "the extension takes over the shortcut and breaks every chord", Labels(areaA, k))
                : Item($"a:{k}", "the extension takes over the shortcut and breaks every chord")),
            .. Enumerable.Range(0, pieceSize).Select(k => k < 2
                ? Labelled($"b:{k}", "I cannot remap the shortcut, it comes back after a reload", Labels(areaB, k))
                : Item($"b:{k}", "I cannot remap the shortcut, it comes back after a reload")),
            .. more,
        ];
        return await Create(generator).ClusterAsync(items, [], default);
    }
}
