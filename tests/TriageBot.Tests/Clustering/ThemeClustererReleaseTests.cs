using TriageBot.Clustering;
using TriageBot.Domain;

namespace TriageBot.Tests.Clustering;

/// <summary>
/// Day by day: a member of an earlier run's theme that sits loosely in it is placed again with the new reports, so a
/// problem whose first report settled in the nearest theme forms its own once more reports of it arrive.
/// </summary>
public partial class ThemeClustererTests
{
    /// <summary>
    /// Day 1's reports and three dark-mode requests, the first of which an earlier run may have placed in a theme (a
    /// property: static fields of a partial class in several files have no initialisation order to rely on).
    /// </summary>
    private static FeedbackItem[] DarkModeDay =>
    [
        .. Day1,
        Item("s:11", "please add a dark mode, my eyes hurt at night"),
        Item("s:12", "dark mode would be great for late sessions"),
        Item("s:13", "any plans for dark mode in the desktop app"),
    ];

    [Theory]
    [InlineData(0.6, true)]
    [InlineData(0.0, false)]
    public async Task A_loose_member_of_an_earlier_theme_joins_the_new_problem_its_reports_form(double release, bool moves)
    {
        _options.ReleaseSimilarity = release;
        var generator = Generator();
        // Yesterday's run: the first dark-mode report had no theme of its own yet and settled in the login theme.
        var login = new Theme { Id = "th-login", ItemIds = ["s:1", "s:2", "s:3", "s:11"], FirstSeen = _time.GetUtcNow().AddDays(-1) };
        var export = new Theme { Id = "th-export", ItemIds = ["s:4", "s:5", "s:6"], FirstSeen = _time.GetUtcNow().AddDays(-1) };
        var result = await Create(generator).ClusterAsync(DarkModeDay, [login, export], default);

        var kept = result.Themes.Single(t => t.Id == "th-login");
        Assert.Contains("s:1", kept.ItemIds);
        Assert.Equal(login.FirstSeen, kept.FirstSeen);
        Assert.Contains(result.Themes, t => t.Id == "th-export");
        if (moves)
        {
            var dark = result.Themes.Single(t => t.ItemIds.Contains("s:11"));
            Assert.NotEqual("th-login", dark.Id);
            Assert.Equal(["s:11", "s:12", "s:13"], dark.ItemIds.Order());
        }
        else
        {
            Assert.Contains("s:11", kept.ItemIds);
            Assert.DoesNotContain(result.Themes, t => t.ItemIds.Contains("s:12") && t.ItemIds.Contains("s:13") && t.ItemIds.Count == 3);
        }
    }

    [Fact]
    public async Task A_pinned_theme_and_one_no_larger_than_a_theme_may_start_keep_every_member()
    {
        _options.ReleaseSimilarity = 0.6;
        var generator = Generator();
        var pinned = new Theme { Id = "th-login", ItemIds = ["s:1", "s:2", "s:3", "s:11"], Pinned = true };
        var small = new Theme { Id = "th-export", ItemIds = ["s:4", "s:5", "s:12"] };
        var result = await Create(generator).ClusterAsync(DarkModeDay, [pinned, small], default);

        Assert.Contains("s:11", result.Themes.Single(t => t.Id == "th-login").ItemIds);
        Assert.Contains("s:12", result.Themes.Single(t => t.Id == "th-export").ItemIds);
    }
}
