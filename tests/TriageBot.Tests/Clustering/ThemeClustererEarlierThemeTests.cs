using TriageBot.Domain;

namespace TriageBot.Tests.Clustering;

/// <summary>
/// Day by day at volume: an earlier run's theme is read again when it changes, so a theme born of a few borderline
/// reports does not grow into a ticket of chatter one day at a time.
/// </summary>
public partial class ThemeClustererTests
{
    [Fact]
    public async Task An_earlier_theme_that_no_longer_reads_as_a_problem_is_dissolved()
    {
        var generator = new KeywordEmbeddingGenerator("login", "export", "coffee");
        var yesterday = _time.GetUtcNow().AddDays(-1);
        // A run from three channels. An earlier day made a theme of the office coffee posts, all from Slack; today one
        // more arrives and joins it, and so does a login report.
        FeedbackItem[] items =
        [
            .. Day1.Select((item, k) => item with { Source = (FeedbackSource)(k % 3) }),
            .. Coffee.Select((text, k) => From(FeedbackSource.Slack, $"c:{k}", text)),
            From(FeedbackSource.Slack, "c:4", "coffee machine on floor three is out of beans"),
            From(FeedbackSource.GitHub, "s:10", "login loops again after the second update"),
        ];
        var coffee = new Theme { Id = "th-coffee", ItemIds = ["c:0", "c:1", "c:2", "c:3"], FirstSeen = yesterday };
        var login = new Theme { Id = "th-login", ItemIds = ["s:1", "s:2", "s:3"], FirstSeen = yesterday };
        var result = await Create(generator).ClusterAsync(items, [coffee, login], default);

        Assert.DoesNotContain(result.Themes, t => t.Id == "th-coffee");
        Assert.All(["c:0", "c:1", "c:2", "c:3", "c:4"], id => Assert.Contains(id, result.Noise));
        Assert.Contains(result.Events, e => e.Kind == "dissolved" && e.ThemeId == "th-coffee" && e.Reason.Contains("5 items", StringComparison.Ordinal));
        // The login theme changed too, and reads as a problem: it stays, with the new report.
        Assert.Contains("s:10", result.Themes.Single(t => t.Id == "th-login").ItemIds);
        Assert.DoesNotContain(result.Events, e => e.Kind == "dissolved" && e.ThemeId == "th-login");
    }
}
