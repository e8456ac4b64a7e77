using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TriageBot.Clustering;
using TriageBot.Clustering.Embeddings;
using TriageBot.Domain;

namespace TriageBot.Tests.Clustering;

public partial class ThemeClustererTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-20T09:00:00Z"));
    private readonly InMemoryThemeOverrideStore _overrideStore = new();
    private readonly ClusteringOptions _options = new() { Features = FeatureKind.Embeddings };

    private ThemeClusterer Create(KeywordEmbeddingGenerator generator) =>
        new(new ThemeFeaturizer(new ItemEmbedder(generator, new InMemoryEmbeddingStore()), _options),
            new ActionabilityClassifier(generator) { Margin = _options.ActionabilityMargin },
            Overrides(), Options.Create(_options), _time);

    private ThemeOverrides Overrides() => new(_overrideStore, Options.Create(_options), _time);

    private static KeywordEmbeddingGenerator Generator() => new("login", "export", "dark mode");

    /// <summary>Linkage joins only identical reports and no merge rule but the same-kind one applies, at <paramref name="kindBar"/>.</summary>
    private void OnlyTheSameKindRuleMerges(double kindBar)
    {
        OnlyIdenticalReportsGroup();
        _options.AutoMergeSimilarity = 1.0;
        _options.TermMergeSimilarity = 1.0;
        _options.KindMergeSimilarity = _options.FragmentKindMergeSimilarity = kindBar;
    }

    /// <summary>The first cut joins only (near-)identical reports, and no fragments are joined by their centroids.</summary>
    private void OnlyIdenticalReportsGroup()
    {
        _options.MergeSimilarity = 0.9;
        _options.FragmentSimilarity = 1.0;
    }

    private static FeedbackItem Item(string id, string text) => new()
    {
        Id = id, Source = FeedbackSource.Slack, Location = "C01", Body = text, Url = "https://x/" + id,
        CreatedAt = DateTimeOffset.Parse("2026-11-19T09:00:00Z"),
    };

    private static readonly FeedbackItem[] Day1 =
    [
        Item("s:1", "the login page keeps looping back after the update"),
        Item("s:2", "I cannot login since this morning, it loops forever"),
        Item("s:3", "login fails for the whole team after we upgraded"),
        Item("s:4", "export to csv crashes with a big file every time"),
        Item("s:5", "the csv export button does nothing at all for me"),
        Item("s:6", "export produces an empty file when filters are set"),
        Item("s:7", "+1"),
        Item("s:8", "ok"),
        Item("s:9", "thanks! 🙏"),
    ];

    [Fact]
    public async Task Every_item_is_in_exactly_one_theme_or_noise()
    {
        var result = await Create(Generator()).ClusterAsync(Day1, [], default);
        var listed = result.Themes.SelectMany(t => t.ItemIds).Concat(result.Noise).ToList();
        Assert.Equal(Day1.Select(i => i.Id).Order(), listed.Order());
        Assert.Equal(2, result.Themes.Count);
        Assert.Contains(result.Themes, t => t.ItemIds.Order().SequenceEqual(["s:1", "s:2", "s:3"]));
        Assert.Contains(result.Themes, t => t.ItemIds.Order().SequenceEqual(["s:4", "s:5", "s:6"]));
        Assert.Equal(["s:7", "s:8", "s:9"], result.Noise.Order());
        Assert.All(result.Themes, t => Assert.NotEmpty(t.Centroid));
        Assert.Equal(2, result.Events.Count(e => e.Kind == "created"));
    }

    [Theory]
    [InlineData(1.0, false)]
    [InlineData(0.2, true)]
    public async Task An_actionable_item_left_over_after_grouping_joins_the_theme_it_is_clearly_nearest(double residualJoin, bool joins)
    {
        _options.SettleSimilarity = residualJoin;
        // Says "login" among many other things: too far from the login theme to join it at JoinSimilarity,
        // alone in its group, but clearly nearer that theme than any other.
        var generator = new KeywordEmbeddingGenerator("login", "export", "sso", "saml", "vpn", "proxy");
        FeedbackItem[] items = [.. Day1, Item("s:20", "our sso saml vpn proxy login is failing again today")];
        var result = await Create(generator).ClusterAsync(items, [], default);
        var login = result.Themes.Single(t => t.ItemIds.Contains("s:1"));
        Assert.Equal(joins, login.ItemIds.Contains("s:20"));
        Assert.Equal(!joins, result.Noise.Contains("s:20"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_item_that_links_a_theme_item_joins_that_theme_whatever_its_words(bool links)
    {
        var text = links ? "happens to me too, same as https://x/s:2 I think" : "happens to me too, same as the other one I think";
        FeedbackItem[] items = [.. Day1, Item("s:20", text)];
        var result = await Create(Generator()).ClusterAsync(items, [], default);
        Assert.Equal(links, result.Themes.Single(t => t.ItemIds.Contains("s:1")).ItemIds.Contains("s:20"));
        Assert.Equal(!links, result.Noise.Contains("s:20"));
    }

    [Fact]
    public async Task An_item_that_links_into_another_theme_moves_there_and_the_themes_stay_apart()
    {
        // Its words say "login", its link says the export problem: the person who pasted the link knew.
        FeedbackItem[] items = [.. Day1, Item("s:21", "the login keeps looping for me as well, details in https://x/s:5")];
        var result = await Create(Generator()).ClusterAsync(items, [], default);
        Assert.Equal(2, result.Themes.Count);
        Assert.Equal(["s:21", "s:4", "s:5", "s:6"], result.Themes.Single(t => t.ItemIds.Contains("s:5")).ItemIds.Order(StringComparer.Ordinal));
        Assert.Equal(["s:1", "s:2", "s:3"], result.Themes.Single(t => t.ItemIds.Contains("s:1")).ItemIds.Order());
    }

    [Theory]
    [InlineData("sso", 1.0, true)]
    [InlineData("sso", 0.3, false)]
    [InlineData("typo", 0.3, true)]
    [InlineData("passkey", 0.3, true)]
    public async Task Near_themes_of_the_same_kind_merge_and_a_small_fix_or_a_request_in_the_same_area_stays_apart(string neighbour, double kindMerge, bool apart)
    {
        // The login loop and three reports that say "login" and one more thing: alike within (similarity 1), 0.36 alike
        // across once centred, whatever the other thing is. Linkage at 0.9 keeps them apart and no other merge rule
        // applies, so only the same-kind rule can join them; "typo" makes the neighbours a small fix, another kind,
        // and asking for passkeys makes them a request, another kind again.
        OnlyTheSameKindRuleMerges(kindMerge);
        var generator = new KeywordEmbeddingGenerator("login", neighbour, "export");
        string[] reports = neighbour switch
        {
            "sso" => ["sso login with okta fails right after I approve in the browser", "our sso login bounces back to the sign-in screen", "since the update sso login never completes for the team"],
            "typo" => ["typo on the login button, it says 'Lgoin'", "the login screen has a typo: 'Pasword'", "small typo in the login dialog title, 'Sing in'"],
            _ => ["feature request: passkey login for the desktop app", "please add passkey login, typing passwords on mobile is painful", "passkey login when? every other app has it"],
        };
        FeedbackItem[] items = [.. Day1, .. reports.Select((text, k) => Item($"s:3{k}", text))];
        var result = await Create(generator).ClusterAsync(items, [], default);

        var login = result.Themes.Single(t => t.ItemIds.Contains("s:1"));
        Assert.Equal(apart ? ["s:1", "s:2", "s:3"] : ["s:1", "s:2", "s:3", "s:30", "s:31", "s:32"], login.ItemIds.Order(StringComparer.Ordinal));
        Assert.Equal(apart ? 3 : 2, result.Themes.Count);
        Assert.Equal(!apart, result.Events.Any(e => e.Kind == "merged" && e.Reason.Contains("both read as functional problems", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(1.0, false)]
    [InlineData(0.3, true)]
    public async Task Two_near_small_fixes_are_one_kind_and_merge(double kindMerge, bool merged)
    {
        // Typos on the save dialog's cancel label and in its heading: both small fixes of one dialog, as near as
        // the fragments above, so only the same-kind rule can join them.
        OnlyTheSameKindRuleMerges(kindMerge);
        var generator = new KeywordEmbeddingGenerator("login", "export", "save", "dialog", "cancel", "heading");
        FeedbackItem[] items =
        [
            .. Day1,
            Item("s:40", "typo on the save dialog's cancel label, it says 'Cancle'"),
            Item("s:41", "the save dialog cancel label has a typo: 'Cnacel'"),
            Item("s:42", "small typo in the save dialog: cancel reads 'Canel'"),
            Item("s:43", "the save dialog heading has a typo: 'Sve as'"),
            Item("s:44", "typo in the save dialog heading, 'Svae file'"),
            Item("s:45", "spelling mistake in the save dialog heading: 'Dcoument'"),
        ];
        var result = await Create(generator).ClusterAsync(items, [], default);

        var label = result.Themes.Single(t => t.ItemIds.Contains("s:40"));
        Assert.Equal(merged ? ["s:40", "s:41", "s:42", "s:43", "s:44", "s:45"] : ["s:40", "s:41", "s:42"], label.ItemIds.Order(StringComparer.Ordinal));
        Assert.Equal(merged, result.Events.Any(e => e.Kind == "merged" && e.Reason.Contains("both read as small fixes", StringComparison.Ordinal)));
        Assert.Equal(merged ? 3 : 4, result.Themes.Count);
    }

    [Fact]
    public async Task A_small_fix_cue_marks_a_report_however_chatty_it_reads()
    {
        // A margin no text reaches: the prototypes turn every item down, one by one and as a group, so only a
        // small-fix cue (a quoted misspelling, a counter past its total) can keep a report out of noise.
        _options.ActionabilityMargin = 2;
        FeedbackItem[] items =
        [
            .. Day1,
            Item("s:50", "lol the dark mode toggle has a typo, 'Drak mode' 🙃"),
            Item("s:51", "the dark mode settings page has a typo: 'Dark mdoe' haha"),
            Item("s:52", "dark mode tour shows 'Step 4 of 3' at the end, bonus step??"),
        ];
        var result = await Create(Generator()).ClusterAsync(items, [], default);

        var theme = Assert.Single(result.Themes);
        Assert.Equal(["s:50", "s:51", "s:52"], theme.ItemIds.Order(StringComparer.Ordinal));
        Assert.Equal(Day1.Select(i => i.Id).Order(StringComparer.Ordinal), result.Noise.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Day_two_keeps_day_one_ids_and_a_new_problem_gets_a_new_theme()
    {
        var generator = Generator();
        var day1 = await Create(generator).ClusterAsync(Day1, [], default);
        var loginId = day1.Themes.Single(t => t.ItemIds.Contains("s:1")).Id;
        var exportId = day1.Themes.Single(t => t.ItemIds.Contains("s:4")).Id;

        _time.Advance(TimeSpan.FromDays(1));
        FeedbackItem[] day2 =
        [
            .. Day1,
            Item("s:10", "login loop again on my laptop today"),
            Item("s:11", "please add a dark mode, my eyes hurt at night"),
            Item("s:12", "dark mode would be great for late sessions"),
            Item("s:13", "any plans for dark mode in the desktop app"),
        ];
        var embeddedBefore = generator.TextsEmbedded;
        var result = await Create(generator).ClusterAsync(day2, day1.Themes, default);

        var login = result.Themes.Single(t => t.Id == loginId);
        Assert.Contains("s:10", login.ItemIds);
        Assert.Equal(day1.Themes.Single(t => t.Id == loginId).FirstSeen, login.FirstSeen);
        Assert.Contains(result.Themes, t => t.Id == exportId);
        var dark = result.Themes.Single(t => t.ItemIds.Contains("s:11"));
        Assert.NotEqual(loginId, dark.Id);
        Assert.NotEqual(exportId, dark.Id);
        Assert.Equal(["s:11", "s:12", "s:13"], dark.ItemIds.Order());
        Assert.Contains(result.Events, e => e.Kind == "created" && e.ThemeId == dark.Id);
        // Only the new items were embedded; the rest came from... a new store here, so check ids instead:
        Assert.True(generator.TextsEmbedded > embeddedBefore);
    }

    [Fact]
    public async Task Overrides_stick_on_later_runs()
    {
        var day1 = await Create(Generator()).ClusterAsync(Day1, [], default);
        var loginId = day1.Themes.Single(t => t.ItemIds.Contains("s:1")).Id;
        var exportId = day1.Themes.Single(t => t.ItemIds.Contains("s:4")).Id;

        await Overrides().SplitAsync(exportId, ["s:6"], default);
        await Overrides().PinAsync(loginId, true, default);
        var run2 = await Create(Generator()).ClusterAsync(Day1, day1.Themes, default);
        var split = run2.Themes.Single(t => t.Id == exportId + "-split-1");
        Assert.Equal(["s:6"], split.ItemIds);
        Assert.DoesNotContain("s:6", run2.Themes.Single(t => t.Id == exportId).ItemIds);
        Assert.True(run2.Themes.Single(t => t.Id == loginId).Pinned);
        Assert.Contains(run2.Events, e => e.Kind == "split" && e.ThemeId == exportId && e.OtherThemeId == split.Id);

        // The split holds on the next run too, and a merge keeps the surviving id.
        await Overrides().MergeAsync(loginId, exportId, default);
        var run3 = await Create(Generator()).ClusterAsync(Day1, run2.Themes, default);
        Assert.DoesNotContain(run3.Themes, t => t.Id == exportId);
        Assert.Equal(["s:1", "s:2", "s:3", "s:4", "s:5"], run3.Themes.Single(t => t.Id == loginId).ItemIds.Order());
        Assert.Equal(["s:6"], run3.Themes.Single(t => t.Id == exportId + "-split-1").ItemIds);
        Assert.Contains(run3.Events, e => e.Kind == "merged" && e.ThemeId == loginId && e.OtherThemeId == exportId);
    }

    [Fact]
    public async Task A_merge_by_a_person_holds_on_every_later_run()
    {
        // The members of two problems sit 0.71 alike their joint centroid: below this bar an earlier run's member is loose
        // and placed again, which took a person's merge apart on the next run.
        _options.ReleaseSimilarity = 0.8;
        var day1 = await Create(Generator()).ClusterAsync(Day1, [], default);
        var loginId = day1.Themes.Single(t => t.ItemIds.Contains("s:1")).Id;
        var exportId = day1.Themes.Single(t => t.ItemIds.Contains("s:4")).Id;
        await Overrides().MergeAsync(loginId, exportId, default);

        var themes = day1.Themes;
        for (var run = 2; run <= 3; run++)
        {
            var next = await Create(Generator()).ClusterAsync(Day1, themes, default);
            Assert.Equal(["s:1", "s:2", "s:3", "s:4", "s:5", "s:6"], next.Themes.Single(t => t.Id == loginId).ItemIds.Order());
            Assert.Single(next.Themes, t => t.ItemIds.Count > 0);
            // Every run names the person's merge, so the pipeline can mark the absorbed theme's ticket a duplicate.
            Assert.Equal(loginId, Assert.Single(next.MergedByPerson, m => m.Key == exportId).Value);
            themes = next.Themes;
        }
    }

    [Fact]
    public async Task A_theme_merged_into_one_a_person_later_merged_again_is_named_with_the_theme_that_holds_both()
    {
        FeedbackItem[] items =
        [
            .. Day1,
            Item("s:11", "please add a dark mode, my eyes hurt at night"),
            Item("s:12", "dark mode would be great for late sessions"),
            Item("s:13", "any plans for dark mode in the desktop app"),
        ];
        var day1 = await Create(Generator()).ClusterAsync(items, [], default);
        string IdOf(string item) => day1.Themes.Single(t => t.ItemIds.Contains(item)).Id;
        var (login, export, dark) = (IdOf("s:1"), IdOf("s:4"), IdOf("s:11"));
        await Overrides().MergeAsync(login, export, default);
        var run2 = await Create(Generator()).ClusterAsync(items, day1.Themes, default);
        await Overrides().MergeAsync(dark, login, default);

        var run3 = await Create(Generator()).ClusterAsync(items, run2.Themes, default);

        Assert.Equal(new Dictionary<string, string> { [export] = dark, [login] = dark }, run3.MergedByPerson);
        Assert.Equal(9, run3.Themes.Single(t => t.Id == dark).ItemIds.Count);
    }

    [Fact]
    public async Task Config_overrides_are_applied_like_stored_ones()
    {
        var day1 = await Create(Generator()).ClusterAsync(Day1, [], default);
        var loginId = day1.Themes.Single(t => t.ItemIds.Contains("s:1")).Id;
        _options.Overrides.Add(new ThemeOverride { Kind = ThemeOverrideKind.Pin, ThemeId = loginId });
        var run2 = await Create(Generator()).ClusterAsync(Day1, day1.Themes, default);
        Assert.True(run2.Themes.Single(t => t.Id == loginId).Pinned);
    }
}
