using System.Text.RegularExpressions;
using TriageBot.Text;

namespace TriageBot.Tests.Text;

/// <summary>
/// The problem, request and praise words run on .NET's non-backtracking engine, which is faster but supports no
/// lookaround. Each must answer as the backtracking engine does on the same pattern, also at the edges the patterns
/// care about: apostrophes, a question at the very end, a cue at the start or the end of the text.
/// </summary>
public sealed class CueEngineTests
{
    public static TheoryData<string> Texts() =>
    [
        "",
        "can't log in since the update",
        "Export fails with error 500",
        "dark mode when?",
        "dark mode when",
        "is there a way to pin a channel?",
        "pls add an always-allow option",
        "kudos to the team, the editor is so good",
        "TIL you can pipe diffs into it",
        "thanks for the great tool but export still crashes",
        "the new run page is lovely",
        "bug",
        "Løsningen virker ikke — 文件无法导出",
    ];

    [Theory]
    [MemberData(nameof(Texts))]
    public void Each_cue_answers_as_the_backtracking_engine_on_its_pattern(string text)
    {
        foreach (var cue in new[] { Cues.Problem(), Cues.Request(), Cues.Praising() })
        {
            Assert.True(cue.Options.HasFlag(RegexOptions.NonBacktracking));
            var backtracking = new Regex(cue.ToString(), cue.Options & ~RegexOptions.NonBacktracking);
            Assert.Equal(backtracking.IsMatch(text), cue.IsMatch(text));
        }
    }

    [Fact]
    public void The_cues_still_find_what_they_are_for()
    {
        Assert.Matches(Cues.Problem(), "can't log in since the update");
        Assert.Matches(Cues.Request(), "dark mode when?");
        Assert.Matches(Cues.Praising(), "kudos to the team");
        Assert.DoesNotMatch(Cues.Request(), "the export fails");
    }
}
