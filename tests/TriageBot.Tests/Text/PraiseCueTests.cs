using TriageBot.Text;

namespace TriageBot.Tests.Text;

/// <summary>Posts that only praise or chat stay noise (<see cref="Cues.OnlyPraises"/>); praise beside a problem does not.</summary>
public sealed class PraiseCueTests
{
    [Theory]
    [InlineData("kudos for the YAML editor 🎉")]
    [InlineData("the sleep score said 92 and i've never felt more validated 😌")]
    [InlineData("the band in the new colour is so pretty ngl 💜")]
    [InlineData("our front desk loves the intake form builder")]
    // A multiplier of praise is no count.
    [InlineData("moved our whole org over last month, builds are 2x faster, amazing 🚀")]
    [InlineData("booked a physio session from the app. the future is now")]
    [InlineData("ok the scanner app changed how my shop runs 📦")]
    [InlineData("the dark theme in cinder is so good 😍")]
    [InlineData("ngl the new pipeline graph changed how we ship 🙌")]
    [InlineData("congrats on shipping session search, it looks great")]
    [InlineData("honestly recurring invoices just saved me an hour")]
    [InlineData("TIL you can pipe diffs into `cinder review`")]
    [InlineData("hot take: tests are documentation")]
    // An opinion says what people "should" do; that alone is no problem report.
    [InlineData("hot take: yaml is a programming language now and we should all stop pretending")]
    [InlineData("@someone unpopular opinion: on-call should be paid extra 🙃")]
    [InlineData("Appreciation post for plan mode!. Been using it daily for a month. Feel free to close.")]
    // Praise in everyday phrasings: a thing that works well, a switch that paid off.
    [InlineData("first time paying with a gift card on the site and it worked perfectly. nice")]
    [InlineData("booked a table in about 20 seconds with the widget, super smooth 🔥")]
    [InlineData("just switched to parcelly, label printing is so much faster ngl")]
    [InlineData("honestly the returns portal changed my packing days 📦")]
    [InlineData("really like the font on the tracking page")]
    [InlineData("the new mixing desk view is chef's kiss")]
    [InlineData("moving our six shows over was painless")]
    [InlineData("switched our 40 vans over last month, dispatch has never been calmer")]
    [InlineData("moved my salary to tillpoint last month and the savings pots are addictive ngl")]
    // An apostrophe is no quote: "it's" and "don't" leave the praise where it is.
    [InlineData("it's so good, don't ever change the new 'focus' view")]
    public void Praise_and_chatter_alone_is_no_report(string text) => Assert.True(Cues.OnlyPraises(text, () => text));

    [Theory]
    // Praise beside a problem, a request or a small fix is a report.
    [InlineData("love the new editor, but it crashes when I paste a table")]
    [InlineData("great update, though the export still drops the last row")]
    [InlineData("kudos for the redesign! any plans to support dark mode?")]
    [InlineData("so good 😍 would love an offline mode")]
    [InlineData("thank you for the fix. The settings page has a typo: 'Setings'")]
    [InlineData("amazing app. Export to CSV fails every time.")]
    // Sarcasm praises nothing: "love how" is not on the list, and the complaint names a problem.
    [InlineData("love how a 429 just ends the task instead of retrying")]
    // Sarcasm again: "love that" and "love how" stay off the list, since no cue would catch these.
    [InlineData("love that the eco mode is apparently 17 °F. very eco. very frozen 🥶")]
    [InlineData("love how the chart labels minutes as hours 🙃")]
    // "Never been" praises only beside a word of praise: this one is a report.
    [InlineData("dispatch has never been slower since the update, thanks team")]
    [InlineData("thanks ledgerly, 'overdue by 0 days' is very threatening")]
    // Praise that counts how often something happened is sarcasm.
    [InlineData("downloaded the same 2.3gb patch 6 times today thanks to the launcher. my isp says hi")]
    [InlineData("the sync now uploads everything 2x. kudos farming unlocked i guess 🙃")]
    [InlineData("typing my master password for the 5th time today thanks to the app 🔑")]
    // A report in words the problem cues do not know, signed off with thanks: praise is brief, this is not.
    [InlineData("Responses take 30s+ to begin. Even trivial questions take close to a minute to get a first word. Once streaming starts it's fast. 2.16.2, Windows 11. Thanks for the great tool!")]
    // An opinion that names a severe problem, a request or a small fix is a report.
    [InlineData("hot take: the export crashes on every large file and nobody should accept that")]
    [InlineData("unpopular opinion: you should add a dark mode")]
    [InlineData("hot take: the settings page has a typo and nobody should ship that")]
    // No praise at all.
    [InlineData("the approval dialog says 'Aprove'")]
    [InlineData("coffee run, anyone")]
    // Praise words in quotes are the product's copy, reported.
    [InlineData("la plantilla de albarán dice 'Thank you for you order' jaja, que alguien lo arregle")]
    [InlineData("the receipt footer reads “Thanks for you visit”")]
    public void A_report_or_plain_chatter_is_not_read_as_only_praise(string text) => Assert.False(Cues.OnlyPraises(text, () => text));

    [Theory]
    [InlineData("ledgerly made invoicing the least annoying part of my week 🙌", true)]
    [InlineData("the trailhead team clearly actually hikes 👏", true)]
    [InlineData("the new export just landed :tada:", true)]
    // An alarm, not a cheer: the emoji a report ends with when something is on fire.
    [InlineData("cinder desktop using 14 GB of ram after a day. my laptop sounds like a jet 🔥", false)]
    // A cheer beside a problem is a report.
    [InlineData("the new export 🎉 but it drops the last row", false)]
    public void A_post_that_cheers_with_an_emoji_alone_only_praises(string text, bool praises) =>
        Assert.Equal(praises, Cues.OnlyPraises(text, () => text, cheers: () => Cues.Cheering().IsMatch(text)));

    [Fact]
    public void Without_the_raw_text_an_emoji_is_not_read()
    {
        const string text = "ledgerly made invoicing the least annoying part of my week 🙌";
        Assert.False(Cues.OnlyPraises(text, () => text));
    }

    [Fact]
    public void A_reply_that_names_the_problem_keeps_the_report()
    {
        const string opening = "kudos for the new invoice editor 🎉";
        Assert.True(Cues.OnlyPraises(opening, () => opening));
        Assert.False(Cues.OnlyPraises(opening + " | same here, but since today saving a draft fails with an error", () => opening));
    }
}
