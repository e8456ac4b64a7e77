using TriageBot.Text;

namespace TriageBot.Tests.Text;

/// <summary>The cue that a report names what is wrong in words, which a group of reports needs to read as a problem.</summary>
public sealed class ProblemCueTests
{
    // Something that should reach a person and does not: a mention, an email, a webhook. Said with "don't", "didn't" or
    // "nothing", none of the other problem words is there.
    [Theory]
    [InlineData("@mentions in replies to a comment thread don't notify anyone")]
    [InlineData("Mentioned users who don't follow the page get nothing.")]
    [InlineData("quillnote: mentions the person. person: receives nothing.")]
    [InlineData("the webhook didn't fire for the last three orders")]
    [InlineData("our customers didn't receive the reset email")]
    public void Something_that_never_reaches_anyone_names_a_problem(string text) => Assert.True(Cues.NamesAProblem(text));

    // Something that reaches people late: the timing is the problem, and no other problem word is there.
    [Theory]
    [InlineData("got three chats saying payment notifications come hours late")]
    [InlineData("Customers say the payment notifications arrive hours after the payment, sometimes in a burst of ten")]
    [InlineData("@tillpoint what happened to instant notifications? i get them hours later now")]
    [InlineData("no tillpoint notification when my salary landed. had to open the app like a peasant")]
    [InlineData("the approval email was delayed by 40 minutes")]
    public void Something_that_arrives_late_names_a_problem(string text) => Assert.True(Cues.NamesAProblem(text));

    // Something its writer tried and could not do: "couldn't" with what was tried.
    [Theory]
    [InlineData("camera reads the QR fine, chimes, then 'Couldn't join Wi-Fi (E-214)'. They have one network name for both bands.")]
    [InlineData("customer could not pair the doorbell after the reset")]
    [InlineData("couldn’t upload the photos from the site visit")]
    public void Something_its_writer_could_not_do_names_a_problem(string text) => Assert.True(Cues.NamesAProblem(text));

    [Theory]
    [InlineData("couldn't be happier with the new camera")]
    [InlineData("Are you hiring iOS engineers? Couldn't find a careers link.")]
    [InlineData("don't forget the all-hands at 4")]
    [InlineData("see you all in two hours at the offsite")]
    [InlineData("the pizza came in the late afternoon, thanks everyone")]
    [InlineData("I don't know who owns the offsite budget")]
    [InlineData("got nothing but love for the new dashboard")]
    public void Chatter_with_the_same_words_does_not(string text) => Assert.False(Cues.NamesAProblem(text));
}
