using TriageBot.Text;

namespace TriageBot.Tests.Text;

/// <summary>The cue that tells a request for something new from a report that something is broken.</summary>
public sealed class RequestCueTests
{
    [Theory]
    [InlineData("feature request: export to xlsx")]
    [InlineData("Feature: persistent allowlist for approved commands")]
    [InlineData("pls add an always-allow option for read-only commands")]
    [InlineData("a dark map style would be great for night hikes")]
    [InlineData("would pay extra for offline drafts tbh")]
    [InlineData("is there a way to schedule invoices every two weeks?")]
    [InlineData("garmin sync when? i'm not exporting 200 files by hand")]
    public void Asking_for_something_new_reads_as_a_request(string text) =>
        Assert.Matches(Cues.Request(), text);

    [Theory]
    [InlineData("the app crashes on launch since the update")]
    [InlineData("git status && rm -rf dist ran without an approval prompt")]
    [InlineData("sync says connected but nothing imported for four days")]
    public void A_broken_thing_does_not(string text) => Assert.DoesNotMatch(Cues.Request(), text);

    [Fact]
    public void A_report_can_carry_both_cues()
    {
        const string text = "typo in the export dialog; also please add a csv option";
        Assert.True(Cues.IsSmallFix(text));
        Assert.Matches(Cues.Request(), text);
    }
}
