using TriageBot.Domain;
using TriageBot.Text;

namespace TriageBot.Clustering;

/// <summary>What a theme's reports read as, by the share carrying each cue (<see cref="Cues"/>): two themes of one kind may merge when near.</summary>
internal enum ThemeKind { Problem, Request, SmallFix }

/// <summary>
/// The kind cues of a run's reports (<see cref="Cues"/>), each read once per report and only when a decision asks
/// for it: a large backlog is spared a regex pass over every item, and a turned-down item is never read for requests.
/// </summary>
internal sealed class ReportCues(IReadOnlyList<FeedbackItem> items)
{
    private readonly bool?[] _smallFix = new bool?[items.Count];
    private readonly bool?[] _request = new bool?[items.Count];

    public bool SmallFix(int item) => _smallFix[item] ??= Cues.IsSmallFix(items[item].FullText);

    public bool Request(int item) => _request[item] ??= Cues.Request().IsMatch(items[item].FullText);

    /// <summary>Whether enough of these reports carry a small-fix cue for them to read as one small fix.</summary>
    public bool ReadAsSmallFix(IReadOnlyCollection<int> reports) => reports.Count(SmallFix) >= Cues.SmallFixShare * reports.Count;

    /// <summary>A theme's kind, read from at most 256 of its reports: a share is read as well from those as from all of a large backlog's theme.</summary>
    public ThemeKind KindOf(IReadOnlyList<int> members)
    {
        var step = Math.Max(1, members.Count / 256);
        var read = members.Where((_, k) => k % step == 0).ToList();
        if (ReadAsSmallFix(read)) return ThemeKind.SmallFix;
        return read.Count(Request) >= Cues.RequestShare * read.Count ? ThemeKind.Request : ThemeKind.Problem;
    }
}
