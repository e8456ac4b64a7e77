using TriageBot.Clustering;
using TriageBot.Text;

namespace TriageBot.Tests.Text;

/// <summary>Posts too short to place without naming a problem, and placeholders: noise however near a theme.</summary>
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
    [InlineData("intellij plugin when", true)]
    [InlineData("cinder for intellij when 🙏", true)]
    [InlineData("dark mode when?", true)]
    [InlineData("it crashes when I open a file", false)]
    public void A_feature_named_then_when_is_a_request(string text, bool request) => Assert.Equal(request, Cues.Request().IsMatch(text));
}
