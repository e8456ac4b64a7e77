using TriageBot.Text;

namespace TriageBot.Tests.Text;

/// <summary>Posts that say outright that nothing is wrong stay noise (<see cref="Cues.SaysNothingIsWrong"/>).</summary>
public sealed class NothingWrongCueTests
{
    [Theory]
    [InlineData("hello. Not a bug, just saying hi 👋")]
    [InlineData("Thank you!. Love the offline maps. No issue, just gratitude.")]
    [InlineData("Kudos for the dashboard 🙏. No bug here, just gratitude. You can close this.")]
    [InlineData("Thank you!. the new run page is great. Nothing broken, just a thank-you.")]
    [InlineData("Thank you!. No bug, the new run page is lovely. Close whenever.")]
    [InlineData("Thanks!. Only here to say thank you. Keep it up!")]
    [InlineData("Great tool!. Just wanted to say thanks. Feel free to close.")]
    // "Bug report" is still the bug the writer says there is not.
    [InlineData("Great app. the new search is fantastic. Not a bug report, just a thank-you.")]
    public void Saying_nothing_is_wrong_is_no_report(string text) => Assert.True(Cues.SaysNothingIsWrong(text));

    [Theory]
    // A problem named beside the thanks keeps the report.
    [InlineData("Just wanted to say thanks for the fix, but now the export is broken again")]
    [InlineData("No issues on macOS. On Windows every command fails since 2.16")]
    [InlineData("Not a bug, but a feature request: please add a dark map style")]
    [InlineData("Not a bug report, more of a question: why does the sync error come back after the renewal?")]
    [InlineData("Nothing broken yet, just a heads-up that the sync error appears after the 90-day renewal")]
    // No "nothing is wrong" said at all.
    [InlineData("the approval prompt has a typo: 'Aprove'")]
    [InlineData("love the new editor")]
    [InlineData("there is no way to export to Xero")]
    // Said of a person, not of the product.
    [InlineData("Acme is getting 'possible fuel theft' alerts for drivers who did nothing wrong. the transaction is matched to the card's default vehicle")]
    public void A_report_or_plain_praise_is_not_read_as_saying_nothing_is_wrong(string text) => Assert.False(Cues.SaysNothingIsWrong(text));
}
