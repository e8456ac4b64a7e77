using System.Text.RegularExpressions;

namespace TriageBot.Text;

// Chatter that is no report, read by NotAReport: a post cut off after its verb, a notice or plug, a brag. Each rule took no
// report of a truth theme over 184 generated scenarios of 16 products (`ClusteringBench cues`, docs/benchmarks.md, session 26).
internal static partial class Cues
{
    /// <summary>
    /// A short post that stops on its verb: "the intake form builder is", what is left of "the intake form builder is
    /// :fire:" once cleaning takes Slack's emoji codes out. The rest said what the writer thought of it, and it was no
    /// problem: a report that names one says so in words. "pasted as is:" is a relay whose paste cleaning set apart.
    /// </summary>
    [GeneratedRegex(@"^\W*(\S+\s+){1,5}(?<!\bas\s+)(is|are|was)\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex StopsOnItsVerb();

    /// <summary>Whether a cleaned post is cut off after its verb (<see cref="StopsOnItsVerb"/>) and names no problem.</summary>
    public static bool IsCutOff(string text) => text.Length < 80 && StopsOnItsVerb().IsMatch(text) && !NamesAProblem(text);

    /// <summary>A post that opens as a notice: "reminder: every podcast needs chapters", "reminder: all-hands moved to 4pm".</summary>
    [GeneratedRegex(@"^\W*reminder\s*[:!–-]", RegexOptions.IgnoreCase)]
    private static partial Regex Notice();

    /// <summary>
    /// A post that plugs something to read or watch, or its writer's account: "new blog post: 10 tools every developer
    /// needs", "new video: i tested 4 smart thermostats", "follow for more small business tips 👇", "… link in bio". Over the
    /// 219 generated scenarios and Tillpoint's seven, the last two forms match 65 noise posts and no report
    /// (docs/benchmarks.md, "Session 35").
    /// </summary>
    [GeneratedRegex(@"^\W*new (blog post|video|article|guide)\s*[:!–-]|\b(follow (me |us )?for more|link in (my )?bio)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Plug();

    /// <summary>A post that opens on what its writer did: "just did 12,600 steps", "finally reached platinum", "installed the room sensors with my dad", "set up a new thermostat this weekend".</summary>
    [GeneratedRegex(@"^\W*((just|finally|already) )?(did|reached|walked|ran|finished|smashed|survived|completed|grinded|crushed|installed|set up|wired|labell?ed)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Brag();

    /// <summary>Whether a brief post opens on what its writer did (<see cref="Brag"/>), turns nowhere ("but", "still", a question) and names no problem.</summary>
    public static bool IsBrag(string text) =>
        Brag().IsMatch(text) && SpacedWords(text) <= MaxBragWords && !Qualifying().IsMatch(text) && !NamesAProblem(text);

    /// <summary>The most words a brag has (<see cref="IsBrag"/>).</summary>
    public const int MaxBragWords = 15;

    /// <summary>The most words a notice or plug has (<see cref="IsNoticeOrPlug"/>).</summary>
    public const int MaxNoticeWords = 25;

    /// <summary>
    /// Whether a brief post is a plug, or a notice that names no problem: a plug names problems to sell its read
    /// ("… every restaurant owner should know"), a report never opens as one.
    /// </summary>
    public static bool IsNoticeOrPlug(string text) =>
        (Plug().IsMatch(text) || (Notice().IsMatch(text) && !NamesAProblem(text))) && SpacedWords(text) <= MaxNoticeWords;
}
