using TriageBot.Clustering;
using TriageBot.Text;

namespace TriageBot.Tests.Text;

/// <summary>Posts too short to place without naming a problem, placeholders and away notices: noise however near a theme.</summary>
public sealed class NotAReportCueTests
{
    [Theory]
    [InlineData("out this afternoon", true)]
    // Cleaning took the ":fire:" that said the rest.
    [InlineData("session search is", true)]
    // A handle is no word of the post.
    [InlineData("@rasmussenbea64 big if true", true)]
    [InlineData("", true)]
    // Short, but naming a problem or a request.
    [InlineData("export keeps failing", false)]
    [InlineData("login broken", false)]
    [InlineData("@cinderdev intellij plugin when", false)]
    [InlineData("dark mode when?", false)]
    // Four words: placed by likeness as before.
    [InlineData("trailhead offline notes gone", false)]
    [InlineData("the csv export page", false)]
    public void A_text_of_fewer_than_four_words_must_name_a_problem(string text, bool tooLittle) =>
        Assert.Equal(tooLittle, ActionabilityClassifier.SaysTooLittle(text));

    [Theory]
    [InlineData("asdf 123. sorry, wrong repo", true)]
    [InlineData("test. testing the template", true)]
    [InlineData("testing 123. test", true)]
    [InlineData("ignore issue. ", true)]
    [InlineData("Export fails. Opened by mistake, see #12 instead", true)]
    // A report that starts with "Test" is a report.
    [InlineData("Test explorer hangs. It never finishes loading the tests.", false)]
    [InlineData("Tests fail on Windows. Since 2.3.", false)]
    // In a long report "please ignore" is an aside.
    [InlineData("Export fails with a timeout on large files. Please ignore the first log, the second one is from the failing run on 2.3.1.", false)]
    public void A_short_placeholder_or_disowned_post_is_no_report(string opening, bool placeholder) =>
        Assert.Equal(placeholder, Cues.IsPlaceholder(opening, () => opening));

    [Theory]
    [InlineData("OOO Thursday, back Friday :sun_with_face:", true)]
    [InlineData("out of office until the 9th, Ana covers billing questions while I'm away", true)]
    [InlineData("on PTO next week. for exports questions ping Sam", true)]
    [InlineData("offline this afternoon, text me if the warehouse is on fire", true)]
    // A problem named after the notice, a long post, or a report that only sounds like one stays a report.
    [InlineData("OOO tomorrow but heads up: exports fail with a 500 since this morning", false)]
    [InlineData("out of office replies from our customers are being imported as new tickets, and each one opens a duplicate thread in the inbox view for every agent on the team", false)]
    [InlineData("Offline mode loses the last edit when the tab is closed", false)]
    [InlineData("the out of office toggle does nothing", false)]
    public void A_short_away_notice_is_no_report(string text, bool away) => Assert.Equal(away, Cues.IsAwayNotice(text, () => text));

    [Theory]
    [InlineData("the intake form builder is", true)]
    [InlineData("the Season 7 Field Pass is", true)]
    [InlineData("ok the new returns portal is!", true)]
    // A verb at the end after a problem, a relay whose paste cleaning set apart, or a long post stays a report.
    [InlineData("no idea what the error is", false)]
    [InlineData("Merchant email, pasted as is:", false)]
    [InlineData("the export button is", true)]
    [InlineData("nobody on the team can tell me where the new export settings page is", false)]
    public void A_short_post_that_stops_on_its_verb_says_nothing(string text, bool cutOff) => Assert.Equal(cutOff, Cues.IsCutOff(text));

    [Theory]
    [InlineData("reminder: every podcast needs chapters 😌", true)]
    [InlineData("reminder: all-hands moved to 4pm", true)]
    [InlineData("new video: i tested 4 smart thermostats for a month (hearthly won) 🔥", true)]
    [InlineData("new blog post: 7 reservation tools every restaurant owner should know in 2026 (tablebook is #2)", true)]
    [InlineData("follow for more small business tips 👇", true)]
    [InlineData("🚀 grow your linkedin followers 10x fast — link in bio", true)]
    // A notice that names a problem is a report, and "psa:" opens reports as often as notices.
    [InlineData("reminder: the csv export still fails for files over 10 MB", false)]
    [InlineData("psa: restore purchases in trailhead does nothing is this known?", false)]
    public void A_brief_notice_or_plug_that_names_no_problem_is_no_report(string text, bool notice) =>
        Assert.Equal(notice, Cues.IsNoticeOrPlug(text));

    [Theory]
    [InlineData("just did 12,600 steps, legs are done", true)]
    [InlineData("finally reached platinum in rallypoint. no more solo queue", true)]
    [InlineData("finished my last route of the week", true)]
    [InlineData("installed the room sensors with my dad. home sweet home", true)]
    [InlineData("set up a new thermostat this weekend", true)]
    [InlineData("wired a new thermostat this weekend 🔧", true)]
    [InlineData("labelled 200 orders with shelfwise", true)]
    // A writer's deed that runs into a problem, or "hit" (a limit, a bug), is a report.
    [InlineData("finished the setup but the sensor never connects", false)]
    [InlineData("hit the rate limit 3 times before lunch. on a paid plan.", false)]
    [InlineData("walked 24,648 steps this morning and the app counted none of them, sync is broken again", false)]
    [InlineData("installed the 5.2 update and now the thermostat won't connect", false)]
    public void A_brief_post_on_what_its_writer_did_is_no_report(string text, bool brag) => Assert.Equal(brag, Cues.IsBrag(text));

    [Theory]
    [InlineData("Cheap Instagram followers 10k for $9. Grow your clinic's page fast!!! DM us on Telegram. 100% real followers.", true)]
    [InlineData("Buy 5-star podcast reviews, 500 for $19. Boost your show in the charts fast!!! Real reviews from real accounts. Visit our site.", true)]
    [InlineData("🚀 GROW YOUR PODCAST 10X! DM for guaranteed 50k downloads/month 🔥. Guaranteed results!!!", true)]
    [InlineData("Unlimited boosting service 2026. Contact us on Telegram. No ban guaranteed!!!", true)]
    [InlineData("Cheap tractor parts 70% off. Best prices on genuine parts!!! Visit our website.", true)]
    [InlineData("🚨 CYBER MONDAY: the Trailcam 4K is 35% off at GearHub 👉 https://t.co/x #ad", true)]
    // One marker is a report's own words: patients visit the clinic's website, a price is a billing problem.
    [InlineData("patients visit our website to book and the widget hangs on the last step", false)]
    [InlineData("we were charged 2 seats for $18 but only have one user, please refund", false)]
    [InlineData("the 100% safe badge on checkout is cut off on mobile", false)]
    [InlineData("support told me to DM for a refund but the chat says 'session expired' 3 times", false)]
    [InlineData("the #ad badge covers the play button on sponsored episodes", false)]
    public void A_post_that_sells_something_is_an_advert(string text, bool advert) => Assert.Equal(advert, Cues.IsAdvert(text));

    [Theory]
    [InlineData("intellij plugin when", true)]
    [InlineData("cinder for intellij when 🙏", true)]
    [InlineData("dark mode when?", true)]
    [InlineData("it crashes when I open a file", false)]
    public void A_feature_named_then_when_is_a_request(string text, bool request) => Assert.Equal(request, Cues.Request().IsMatch(text));

    [Fact]
    public void The_rules_of_many_items_are_each_items_own_rule_at_its_index()
    {
        var bodies = new[]
        {
            "kudos for the new editor 🎉", "Export fails with a timeout on large files since 2.3.1, every time.", "asdf 123. sorry, wrong repo",
            "OOO all next week, for payouts questions ping Sam", "out this afternoon", "No bug, the new run page is lovely.",
        };
        // Many of them, so the parallel loop splits them among threads.
        var items = Enumerable.Range(0, 600).Select(i => new TriageBot.Domain.FeedbackItem
        {
            Id = $"slack:C1:{i}", Source = TriageBot.Domain.FeedbackSource.Slack, Location = "C1", Body = bodies[i % bodies.Length],
            Url = "https://example.slack.com", CreatedAt = DateTimeOffset.UnixEpoch,
        }).ToList();
        var texts = items.Select(ItemText.For).ToList();

        var rules = NotAReport.Rules(items, texts, [.. Enumerable.Range(0, items.Count)], CancellationToken.None);

        Assert.Equal(items.Select((item, i) => NotAReport.Rule(item, texts[i])), rules);
        Assert.Equal(["only praise", null, "placeholder", "away notice", "too short", "says nothing is wrong"], rules.Take(bodies.Length));
    }
}
