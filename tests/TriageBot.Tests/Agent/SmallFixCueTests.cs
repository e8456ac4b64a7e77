using TriageBot.Text;

namespace TriageBot.Tests.Agent;

/// <summary>The small-fix cues that need more than a word list: counts, counters and units.</summary>
public sealed class SmallFixCueTests
{
    [Theory]
    [InlineData("dashboard badge says 5 overdue, list shows 4", true)]
    [InlineData("Badge: 7 pending but the list has 6", true)]
    [InlineData("Badge: 7 pending but the list has 3", false)]
    [InlineData("upgraded from 2.15 to 2.16 but it still fails", false)]
    public void Contrasted_counts_one_apart_are_an_off_by_one(string text, bool expected) =>
        Assert.Equal(expected, Cues.HasOffByOneCounts(text));

    [Theory]
    [InlineData("the planner shows 'Day 4 of 3' on the last stage", true)]
    [InlineData("page 3 of 12", false)]
    public void A_counter_past_its_total_is_an_off_by_one(string text, bool expected) =>
        Assert.Equal(expected, Cues.HasImpossibleCounter(text));

    [Theory]
    [InlineData("the summary says 812 ft but it's metres", true)]
    [InlineData("it takes 30 s and uses 2 GB", false)]
    public void Imperial_next_to_metric_is_a_wrong_unit_label(string text, bool expected) =>
        Assert.Equal(expected, Cues.HasUnitMismatch(text));

    [Theory]
    [InlineData("the reward button says 'RECIEVE' instead of 'RECEIVE'", true)]
    [InlineData("the approval dialog says **Aprove** instead of **Approve**", true)]
    // What a screen says instead of a value, or what a customer says happens instead, is no copy to correct.
    [InlineData("the station page says 'Price set by operator' instead of a price", false)]
    [InlineData("Harbor Knitwear says the CN23 description says 'Merchandise' instead of the saved customs description", false)]
    [InlineData("a pro says the store shows prices in US dollars instead of the local currency", false)]
    public void Copy_said_instead_of_other_copy_is_a_small_fix(string text, bool expected) => Assert.Equal(expected, Cues.IsSmallFix(text));

    [Theory]
    [InlineData("the route summary shows '10.02 mi' for a 16 km route", true)]
    // A time on screen is a value the product computed (a pass that expires at midnight), not copy to correct.
    [InlineData("Ticket detail shows 'Valid until 23:59' for the DAY24 product", false)]
    public void A_shown_clock_time_is_a_value_not_copy(string text, bool expected) => Assert.Equal(expected, Cues.IsSmallFix(text));

    [Theory]
    [InlineData("docs fix please: the POST /v2/sessions example in the API reference is still from v1", true)]
    [InlineData("v2 renamed it to `evse_uid`, it's a docs-only fix", true)]
    [InlineData("partner devs keep copying an outdated example from the API reference and getting 422", true)]
    [InlineData("Docs bug: the webhook page lists the wrong retry count", true)]
    // The documentation saying what the product does not do is the product's bug, not the docs'.
    [InlineData("the docs say retries back off exponentially but the API retries every second", false)]
    [InlineData("we documented the fix in the docs and closed the issue", false)]
    public void A_fix_to_the_docs_is_a_small_fix(string text, bool expected) => Assert.Equal(expected, Cues.IsSmallFix(text));

    [Theory]
    [InlineData("progress reads 'Step 0 of 5' at the start")]
    [InlineData("copy bug: 'trial' instead of 'trail'")]
    [InlineData("just the label string, looks like it's hard-coded")]
    public void Copy_and_counter_wording_counts_as_a_small_fix_cue(string text) => Assert.True(Cues.IsSmallFix(text));

    [Theory]
    [InlineData("there's a typo on the checkout button", true)]
    [InlineData("please fix the typo in the export dialog", true)]
    // The typo the writer fixed is what they did; the bug is what followed.
    [InlineData("subscribers got the whole back catalogue again after I fixed a typo in one title", false)]
    [InlineData("the episode shows twice in apps since we corrected ONE typo in its description", false)]
    public void A_typo_the_writer_fixed_is_not_the_bug(string text, bool expected) => Assert.Equal(expected, Cues.IsSmallFix(text));

    [Theory]
    [InlineData("the step counter is off by one on the last page", true)]
    [InlineData("the payout email month is off by one, fyi", true)]
    // Times an hour or a day off are a time-zone or DST problem, not a counter's.
    [InlineData("due times off by one hour after DST ended", false)]
    [InlineData("reminders go out off-by-one day for Sydney clinics", false)]
    public void Off_by_one_is_a_counter_not_a_clock(string text, bool expected) => Assert.Equal(expected, Cues.IsSmallFix(text));

    [Theory]
    [InlineData("the confirm button says 'Aprove' but it should be Approve", true)]
    [InlineData("the email says 'September earnings' for the October payout", true)]
    [InlineData("tip report: the two column headers have been switched since the redesign", true)]
    [InlineData("the labels are swapped lol", true)]
    [InlineData("the remap screen has the trigger labels swapped", true)]
    [InlineData("the L2/R2 labels are backwards fyi", true)]
    [InlineData("your exchange rate label is upside down lol", true)]
    [InlineData("the rate label on the Convert screen has the currencies swapped", true)]
    [InlineData("nearly had a heart attack at the fx rate till i realised it's just written backwards", true)]
    [InlineData("the string is reversed on the receipt, the amount is right", true)]
    [InlineData("speed says MB/s but it's megabits, wrong unit", true)]
    [InlineData("the bindings work, it's a label-only fix", true)]
    [InlineData("your billing page says 'emails' when it means 'contacts'", true)]
    [InlineData("the usage meter reads 'emails' where it means contacts", true)]
    [InlineData("the number is our contact count. The label should say contacts", true)]
    [InlineData("is this a known copy issue? the meter counts contacts", true)]
    // Swapped data, not swapped copy.
    [InlineData("after a rejoin the two speakers are swapped in the transcript", false)]
    [InlineData("the unit price is wrong on every invoice", false)]
    [InlineData("the probe's readings come in the wrong order after the update", false)]
    [InlineData("my card was upside down in the reader and it still worked", false)]
    // A status shown against the facts is the state's bug.
    [InlineData("the integrations page shows 'Connected' while the sync is failing", false)]
    [InlineData("the invoice shows 'Payment failed' even though the card was charged", false)]
    [InlineData("the log says 'Sent' but the guest got nothing", false)]
    [InlineData("it says 'in use' but i haven't sent from it in a year", false)]
    [InlineData("the import shows 'processing' but nothing moves for hours", false)]
    // What it should mean or say, not how it should work.
    [InlineData("the export should say which rows failed", false)]
    [InlineData("a label issue: the barcodes print off the edge", false)]
    public void Copy_shown_wrongly_is_a_small_fix_and_a_status_shown_wrongly_is_not(string text, bool expected) => Assert.Equal(expected, Cues.IsSmallFix(text));

    [Theory]
    [InlineData("the docs link in `cli --help` is a 404", true)]
    [InlineData("the 'How to connect your bank' help link returns a 404", true)]
    [InlineData("the 'Manage booking' link in reminder emails returns a 404", true)]
    [InlineData("it opens /appointments/reschedule/<token>, which returns 404", true)]
    [InlineData("the patch notes page 404s", true)]
    // A service answering 404 is an integration's bug, not a dead link.
    [InlineData("pulled the logs: the API answers 404 for the linked coursework and we swallow it", false)]
    [InlineData("Grade sync marks the run successful when the LMS returns 404", false)]
    [InlineData("the upstream server responded with a 404 and the job still says done", false)]
    [InlineData("log: [tiles] GET /v3/topo/15/17342/11520.pbf -> 404", false)]
    [InlineData("clicked download csv in the email → 404", true)]
    public void A_404_is_a_dead_link_unless_a_service_answered_it(string text, bool expected)
    {
        Assert.Equal(expected, Cues.IsSmallFix(text));
        Assert.Equal(expected, Cues.SmallFix().IsMatch(text));
        Assert.Equal(expected, Cues.MatchesSmallFixPattern(text));
    }

    [Fact]
    public void A_retry_after_header_is_not_bigger_work()
    {
        Assert.DoesNotMatch(Cues.LargeWork(), "the retry-after header is 15s");
        Assert.Matches(Cues.LargeWork(), "it should retry with backoff");
    }

    /// <summary>
    /// The cue is read in two parts (the branches with a lookaround, and the plain ones through the non-backtracking
    /// engine); the one pattern is what the agent reads its matches from. Both must answer alike, also where only the
    /// context decides.
    /// </summary>
    [Theory]
    [InlineData("there's a typo on the checkout button", true)]
    [InlineData("after I fixed a typo in the title the feed broke", false)]
    [InlineData("the counter is off by one on every invoice", true)]
    [InlineData("reminders arrive off by one hour since the clocks changed", false)]
    [InlineData("the badge shows 'Conected' while the sync runs", true)]
    [InlineData("the app shows 'Connected' while nothing syncs", false)]
    [InlineData("the docs link is a 404", true)]
    [InlineData("the API returns 404 for every linked assignment", false)]
    [InlineData("column headers are swapped in the tips report", true)]
    [InlineData("Item 0 of 5 on the first screen", true)]
    [InlineData("WRONG LABEL on the save button", true)]
    [InlineData("export crashes when the file is large", false)]
    [InlineData("", false)]
    public void The_split_reading_of_the_pattern_answers_as_the_one_pattern(string text, bool expected)
    {
        Assert.Equal(expected, Cues.SmallFix().IsMatch(text));
        Assert.Equal(expected, Cues.MatchesSmallFixPattern(text));
    }
}
