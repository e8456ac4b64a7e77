using TriageBot.Agent.Offline;
using TriageBot.Domain;

namespace TriageBot.Tests.Agent;

/// <summary>Goals that say what they do not cover, on hand-made themes of a product the matcher has never seen (a bike-share app).</summary>
public sealed class GoalMatcherTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);

    private static Goal Goal(string id, string title, string description) => new(id, title, description, Today.AddDays(-14), Today.AddDays(42));

    private static readonly Goal[] Goals =
    [
        Goal("rides", "Every ride unlocks first time",
            "Scanning a bike's QR code unlocks it within two seconds, docking ends the ride and the fare is charged once. " +
            "Ride receipts, promo codes and push notifications are owned by other teams and are out of scope."),
        Goal("fleet", "Bikes where people need them",
            "Station maps show how many bikes and free docks each station has, and rebalancing vans keep busy stations stocked."),
    ];

    private static FeedbackItem Item(int n, string body) => new()
    {
        Id = $"slack:{n}", Source = FeedbackSource.Slack, Location = "C1", Title = "", Body = body, Url = $"https://example.com/{n}",
        CreatedAt = new DateTimeOffset(Today.ToDateTime(TimeOnly.MinValue)).AddHours(-n),
    };

    private static FeedbackItem[] Theme(params string[] bodies) => bodies.Select((b, n) => Item(n, b)).ToArray();

    [Theory]
    [InlineData("Faster refunds. Chargebacks are out of scope.", "Faster refunds", "Chargebacks are out of scope.")]
    [InlineData("Faster refunds, but chargebacks are out of scope.", "Faster refunds", ", but chargebacks are out of scope.")]
    [InlineData("Faster refunds. Non-goals: chargebacks, invoices.", "Faster refunds", "Non-goals: chargebacks, invoices.")]
    [InlineData("Faster refunds. Payee checks belong to the Fraud & Trust plan.", "Faster refunds", "Payee checks belong to the Fraud & Trust plan.")]
    [InlineData("Faster refunds. Inviting a partner is a separate roadmap item and is not part of this goal.", "Faster refunds", "Inviting a partner")]
    [InlineData("Faster refunds. Card controls (freeze, limits) are handled by another team.", "Faster refunds", "Card controls (freeze, limits)")]
    // Words that turn a sentence without fencing anything off stay the goal's.
    [InlineData("Approvals that cannot be bypassed, and a sandbox that is secure but not in the way.", "secure but not in the way", "")]
    [InlineData("Manual reviews finish in minutes rather than days.", "rather than days", "")]
    public void A_goal_reads_as_what_it_covers_and_what_it_fences_off(string description, string inScope, string outOfScope)
    {
        var (scope, excluded) = GoalMatcher.Read(Goal("g", "Title", description));
        Assert.StartsWith("Title. ", scope, StringComparison.Ordinal);
        Assert.Contains(inScope, scope, StringComparison.Ordinal);
        if (outOfScope.Length == 0)
        {
            Assert.Equal("", excluded);
        }
        else
        {
            Assert.Contains(outOfScope, excluded, StringComparison.Ordinal);
            Assert.DoesNotContain(outOfScope, scope, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_theme_about_what_a_goal_fences_off_serves_no_goal()
    {
        var notifications = Theme(
            "the ride started push notification arrives ten minutes after I docked the bike",
            "push notifications are late, got 'your ride has ended' an hour later",
            "no push notification at all when the ride ends",
            "push notifications for rides come in late or never");
        var match = GoalMatcher.Match(notifications, Goals, Today);
        Assert.Null(match.GoalId);
        Assert.Contains("rides=out of scope", match.Scores, StringComparison.Ordinal);

        // The same theme against the goal without its fence goes to it: the fence is what keeps it out.
        var unfenced = Goals.Select(g => g with { Description = GoalMatcher.Read(g).Scope }).ToArray();
        Assert.Equal("rides", GoalMatcher.Match(notifications, unfenced, Today).GoalId);
    }

    [Fact]
    public void A_theme_the_goal_covers_keeps_it_when_one_report_names_a_fenced_off_word()
    {
        var unlock = Theme(
            "scanning the QR code does nothing, the bike does not unlock and the ride never starts",
            "bike won't unlock after scanning, tried three bikes at the same station",
            "QR code scan spins forever, no unlock; the push notification says the ride started though",
            "unlock fails first time every morning, second scan works");
        Assert.Equal("rides", GoalMatcher.Match(unlock, Goals, Today).GoalId);
    }

    [Fact]
    public void A_theme_fenced_off_by_one_goal_still_goes_to_another_that_is_about_it()
    {
        var maps = Theme(
            "station map says 6 bikes and free docks but the station is empty, no push notification either",
            "the map shows free docks at a full station, had to ride to the next station",
            "station bikes count on the map is wrong, rebalancing vans never came",
            "map shows docks free at Central station, all docks were full");
        var match = GoalMatcher.Match(maps, Goals, Today);
        Assert.Equal("fleet", match.GoalId);
        // The case this test is about: the rides goal's fence did take it out (one report names push notifications).
        Assert.Contains("rides=out of scope", match.Scores, StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_name_made_of_another_goals_words_does_not_pull_a_theme_to_it()
    {
        Goal[] goals =
        [
            Goals[0],
            Goal("partners", "Partners build on us in a week",
                "A partner developer gets from an API key to receiving and verifying webhooks within a week: every webhook is delivered once, signed and documented."),
        ];
        var duplicates = Theme(
            "every ride.ended webhook arrives twice, our riders got two receipts",
            "we receive `ride.ended` and ride.started events 2-3 times with identical payloads",
            "duplicate ride.ended webhooks, please add a stable event id so partners can deduplicate",
            "same webhook event delivered multiple times since Monday");
        var match = GoalMatcher.Match(duplicates, goals, Today);
        Assert.Equal("partners", match.GoalId);
        // Read as prose, the event's name is the rides goal's words ("ride", "end"); a sentence's end is not a name.
        Assert.Equal(["every", "webhook", "It", "ended", "Then"],
            GoalMatcher.WithoutIdentifiers("every ride.ended webhook. It ended. Then").Split([' ', '.'], StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_dotted_names_words_count_where_the_theme_also_uses_them_outside_it()
    {
        var terms = GoalMatcher.ThemeTerms(Theme("`payout.paid` never fires for us", "the payout has been stuck for three days"));
        // "payout" is the theme's own word (the second report), so the name counts for it in the first; "paid" is only
        // ever part of the name.
        Assert.Contains("payout", terms[0]);
        Assert.DoesNotContain("paid", terms[0]);
        Assert.DoesNotContain("paid", terms[1]);
    }

    [Fact]
    public void A_fence_around_what_another_goal_covers_points_at_that_goal()
    {
        Goal[] goals =
        [
            Goal("rides", "Every ride unlocks first time",
                "Scanning a bike's QR code unlocks it within two seconds and docking ends the ride. Does not cover the station listing feed, which other teams own."),
            Goal("fleet", "Bikes where people need them",
                "Station listings are accurate: each shows how many bikes and free docks the station has."),
        ];
        // "listing" stems as "list", "listings" as "listing": the fence and the goal name one subject in two forms.
        var listings = Theme(
            "the station listing says 6 bikes but the station is empty",
            "station listings show free docks that are not there",
            "the listing for Central station is wrong again, the listing feed never updates",
            "station listing shows free docks at a full station");
        var match = GoalMatcher.Match(listings, goals, Today);
        Assert.True(match.GoalId == "fleet", match.Scores);
        // The rides goal did fence the theme off: its fence names the fleet goal's subject.
        Assert.Contains("rides=out of scope", match.Scores, StringComparison.Ordinal);
    }
}
