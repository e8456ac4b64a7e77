using TriageBot.Evaluation;
using TriageBot.Reports;

namespace TriageBot.Tests.Evaluation;

public class ScenarioScorerTests
{
    private const string Scenario = """
    {
      "name": "tiny",
      "truth": {
        "themes": [
          { "id": "login", "title": "Login loop", "small_fix": false, "goal": "g1", "items": ["s:1", "s:2", "s:3", "s:4"] },
          { "id": "typo", "title": "Typo", "small_fix": true, "goal": null, "items": ["g:1", "g:2", "g:3"] },
          { "id": "pair", "title": "Too small to score", "small_fix": false, "goal": null, "items": ["x:9", "x:10"] }
        ],
        "noise": ["n:1", "n:2", "n:3", "n:4"]
      }
    }
    """;

    private static ReportTheme Theme(string id, bool ticket, bool smallFix, string? goal, params string[] items) => new()
    {
        Id = id, Title = id, Summary = "", Items = items, Trend = "new", SmallFix = smallFix, Goal = goal,
        Ticket = ticket ? new ReportTicket("APP-" + id, "https://linear.app/x/" + id, "created") : null,
    };

    private static RunReport Report(IReadOnlyList<ReportTheme> themes, params string[] noise) => new()
    {
        RunId = "r", Started = DateTimeOffset.UnixEpoch, Finished = DateTimeOffset.UnixEpoch,
        Items = new ReportItems { Fetched = 0, BySource = new Dictionary<string, int>(), Noise = noise },
        Themes = themes, ApiCalls = new Dictionary<string, long>(), LlmTokens = new ReportTokens(0, 0),
        TimingsMs = new Dictionary<string, long>(),
    };

    [Fact]
    public void Perfect_report_meets_every_goal()
    {
        var report = Report(
            [Theme("A", true, false, "g1", "s:1", "s:2", "s:3", "s:4"), Theme("B", true, true, null, "g:1", "g:2", "g:3"), Theme("C", false, false, null, "x:9", "x:10")],
            "n:1", "n:2", "n:3", "n:4");
        var s = ScenarioScorer.Score(ScenarioTruth.Parse(Scenario), report);
        Assert.Equal(1.0, s.Nmi, 9);
        Assert.Equal(1.0, s.Ari, 9);
        Assert.Equal(1.0, s.ThemeRecall);
        Assert.Equal(1.0, s.TicketPurity);
        Assert.Equal(0, s.DuplicateTickets);
        Assert.Equal(0.0, s.NoiseFiledRate);
        Assert.Equal(1.0, s.SmallFixPrecision);
        Assert.Equal(1.0, s.GoalAccuracy);
        Assert.Empty(s.Failures());
    }

    [Fact]
    public void Duplicate_ticket_missing_item_noise_filed_and_double_listing_are_counted()
    {
        // login is split over two tickets (a duplicate); typo loses g:3 (missing) and takes noise n:1;
        // n:2 is listed in a theme and in noise; n:3 and n:4 were dropped before fetching (allowed).
        var report = Report(
            [
                Theme("A", true, false, "g1", "s:1", "s:2"),
                Theme("A2", true, false, null, "s:3", "s:4"),
                Theme("B", true, false, null, "g:1", "g:2", "n:1"),
                Theme("C", false, false, null, "x:9", "x:10", "n:2"),
            ],
            "n:2");
        var s = ScenarioScorer.Score(ScenarioTruth.Parse(Scenario), report);
        Assert.Equal(1, s.ItemsMissing);
        Assert.Equal(1, s.ItemsListedTwice);
        Assert.Equal(1, s.DuplicateTickets);
        // login: A holds 2 of 4 (half counts); typo: B holds 2 of 3.
        Assert.Equal(1.0, s.ThemeRecall);
        // Ticketed items 7, of which 6 carry their theme's majority (n:1 does not).
        Assert.Equal(6.0 / 7, s.TicketPurity, 12);
        Assert.Equal(0.25, s.NoiseFiledRate, 12);
        // typo is a small fix that B does not claim: recall 0, precision undefined.
        Assert.Null(s.SmallFixPrecision);
        Assert.Equal(0.0, s.SmallFixRecall);
        // A: g1 = g1; A2: null != g1; B: null = null.
        Assert.Equal(2.0 / 3, s.GoalAccuracy!.Value, 12);
        Assert.Contains("duplicate_tickets > 0", s.Failures());
        Assert.Contains("items_missing > 0", s.Failures());
        Assert.True(s.Nmi < 1);
    }

    [Fact]
    public void A_theme_below_half_is_not_recalled()
    {
        var report = Report([Theme("A", true, false, "g1", "s:1", "n:1"), Theme("B", true, true, null, "g:1", "g:2", "g:3")], "s:2", "s:3", "s:4", "x:9", "x:10");
        var s = ScenarioScorer.Score(ScenarioTruth.Parse(Scenario), report);
        // A's majority: a tie between login and noise goes to the truth theme, but 1 of 4 is under half.
        Assert.Equal(0.5, s.ThemeRecall);
        Assert.Equal(0, s.ItemsMissing);
    }
}
