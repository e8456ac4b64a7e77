using TriageBot.Domain;
using TriageBot.Text;

namespace TriageBot.Clustering;

/// <summary>What a theme's reports read as, by the share carrying each cue (<see cref="Cues"/>): two themes of one kind may merge when near.</summary>
internal enum ThemeKind { Problem, Request, SmallFix }

/// <summary>
/// The kind cues of a run's reports (<see cref="Cues"/>), each read once per report and only when a decision asks
/// for it: a large backlog is spared a regex pass over every item, and a turned-down item is never read for requests.
/// Also whether each report is in English, judged once per run for the clusterer and for the cues alike.
/// </summary>
/// <param name="texts">The texts the clusterer reads (<see cref="ItemText.For"/>), where language is judged; null: made here.</param>
internal sealed class ReportCues(IReadOnlyList<FeedbackItem> items, IReadOnlyList<string>? texts = null)
{
    private readonly bool?[] _smallFix = new bool?[items.Count];
    private readonly bool?[] _request = new bool?[items.Count];
    private readonly bool?[] _namesAProblem = new bool?[items.Count];
    private readonly bool?[] _english = new bool?[items.Count];

    public bool SmallFix(int item) => _smallFix[item] ??= Cues.IsSmallFix(items[item].FullText);

    public bool Request(int item) => _request[item] ??= Cues.Request().IsMatch(items[item].FullText);

    /// <summary>Whether the item names a problem, a request or a fix in words (<see cref="Cues.NamesAProblem"/>).</summary>
    public bool NamesAProblem(int item) => _namesAProblem[item] ??= Cues.NamesAProblem(items[item].FullText);

    /// <summary>
    /// Whether at least <paramref name="share"/> of these reports that are in English name a problem in words, read from
    /// at most 256 of them. The cues are English words: a report in another language neither counts for nor against.
    /// </summary>
    public bool MostNameAProblem(IReadOnlyList<int> reports, double share)
    {
        var read = Sample(reports).Where(English).ToList();
        return read.Count > 0 && read.Count(NamesAProblem) >= share * read.Count;
    }

    /// <summary>Whether the report reads as English (<see cref="EnglishText.Reads"/>), the language the cues and the model read.</summary>
    public bool English(int item) => _english[item] ??= EnglishText.Reads(texts?[item] ?? ItemText.For(items[item]));

    /// <summary>
    /// Those of <paramref name="reports"/> that read as English, in order. Each is read on its own, in parallel: at 100,000
    /// items the language check took over a second on one core. Each answer goes to its own slot of the cache.
    /// </summary>
    public List<int> EnglishAmong(IReadOnlyList<int> reports, CancellationToken ct)
    {
        Parallel.For(0, reports.Count, new ParallelOptions { CancellationToken = ct }, k => English(reports[k]));
        return reports.Where(English).ToList();
    }

    /// <summary>Whether enough of these reports carry a small-fix cue for them to read as one small fix.</summary>
    public bool ReadAsSmallFix(IReadOnlyCollection<int> reports) => reports.Count(SmallFix) >= Cues.SmallFixShare * reports.Count;

    /// <summary>
    /// The reports among at most 256 of <paramref name="members"/> (all of a smaller theme) that carry a small-fix cue:
    /// the cue is a regex pass, and a large backlog's themes are read from a sample as <see cref="KindOf"/> reads them.
    /// </summary>
    public List<int> WithSmallFixCue(IReadOnlyList<int> members) => Sample(members).Where(SmallFix).ToList();

    /// <summary>The share of these reports that carry a small-fix cue, read as <see cref="WithSmallFixCue"/> reads them (0 for none).</summary>
    public double ShareWithSmallFixCue(IReadOnlyList<int> members) => Sample(members) is { Count: > 0 } read ? (double)read.Count(SmallFix) / read.Count : 0;

    /// <summary>A theme's kind, read from at most 256 of its reports: a share is read as well from those as from all of a large backlog's theme.</summary>
    public ThemeKind KindOf(IReadOnlyList<int> members)
    {
        var read = Sample(members);
        if (ReadAsSmallFix(read)) return ThemeKind.SmallFix;
        return read.Count(Request) >= Cues.RequestShare * read.Count ? ThemeKind.Request : ThemeKind.Problem;
    }

    // A share is read as well from 256 reports as from all of a large backlog's theme.
    private static List<int> Sample(IReadOnlyList<int> members)
    {
        var step = Math.Max(1, members.Count / 256);
        return members.Where((_, k) => k % step == 0).ToList();
    }
}
