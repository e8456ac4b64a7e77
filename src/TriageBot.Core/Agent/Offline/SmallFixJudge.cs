using System.Text.RegularExpressions;
using TriageBot.Domain;
using TriageBot.Text;

namespace TriageBot.Agent.Offline;

/// <param name="InCopy">
/// A small fix in the product's own copy (a typo, a label, a unit, a count one off), not in its docs or links.
/// </param>
public sealed record SmallFixJudgement(bool SmallFix, string? Reason, bool InCopy = false);

/// <summary>
/// A theme is a small fix when a good share of its reports point at copy, a link, an off-by-one or
/// a single string, and the theme does not read like bigger work. Tuned for precision: a wrong
/// "small fix" sends a coding agent at a real problem.
/// </summary>
public static partial class SmallFixJudge
{
    /// <summary>The share of a theme's reports that must carry a small-fix cue (a theme of five or fewer needs one).</summary>
    public const double MinShare = Cues.SmallFixShare;

    /// <summary>
    /// From this many reports a theme needs only <see cref="LargeThemeMinShare"/>. At volume a small fix's reports are mostly
    /// retellings with no cue ("cinder: 'you have exceeded your monthly quota'. also cinder, 25 seconds later: works fine"),
    /// many of them fewer than 40 % carrying one; and the more reports, the less a problem theme's share strays: over 3,907 truth themes of 205
    /// scenarios at one to ten times the volume, other themes reached 0.25 with 10–14 reports (3 of 12 "payment link
    /// expired" reports call the link broken) but at most 0.19 with 20 or more (`AgentBench --all` read by
    /// bench/small_fix_shares.py; docs/benchmarks.md, "Session 22").
    /// </summary>
    public const int LargeTheme = 20;

    /// <summary>The share <see cref="MinShare"/> becomes for a theme of <see cref="LargeTheme"/> reports or more.</summary>
    public const double LargeThemeMinShare = 0.25;

    /// <summary>What <see cref="Judge"/> counts in a theme's reports: those with a small-fix cue, and those that read like bigger work.</summary>
    internal static (List<string> Cued, int LargeWork) Count(IReadOnlyList<FeedbackItem> items) => Count(items.Select(i => i.FullText).ToList());

    private static (List<string> Cued, int LargeWork) Count(List<string> texts) =>
        (texts.Where(Cues.IsSmallFix).ToList(), Cues.CountItems(texts, Cues.LargeWork()));

    public static SmallFixJudgement Judge(IReadOnlyList<FeedbackItem> items)
    {
        if (items.Count == 0) return new(false, null);
        var texts = items.Select(i => i.FullText).ToList();
        var (small, large) = Count(texts);
        if (small.Count == 0 || large > small.Count) return new(false, null);
        // The cues are English, so the share is of the English reports: one in another language can carry no cue, and
        // counted it would hold a theme under the bar however its English reports read. A theme with none is read whole.
        var english = texts.Count(EnglishText.Reads);
        var reports = english > 0 ? english : items.Count;
        var share = (double)small.Count / reports;
        // A small theme with one explicit cue and nothing that reads like bigger work is still a small fix.
        var smallTheme = items.Count <= 5 && large == 0;
        var needed = reports >= LargeTheme ? LargeThemeMinShare : MinShare;
        if (!smallTheme && (share < needed || small.Count < 2)) return new(false, null);

        var cues = small.Select(t => (Text: t, Matches: Cues.SmallFix().Matches(t).Select(m => m.Value).ToList())).ToList();
        var kinds = cues
            .SelectMany(c => c.Matches.Select(Describe).Concat(Cues.HasOffByOneCounts(c.Text) || Cues.HasImpossibleCounter(c.Text) ? ["an off-by-one"] : [])
                .Concat(Cues.HasUnitMismatch(c.Text) ? ["a wrong unit label"] : []))
            .GroupBy(k => k).OrderByDescending(g => g.Count()).Select(g => g.Key).Take(2);
        var aboutDocs = cues.Any(c => c.Matches.Any(DocsOrLink().IsMatch));
        return new(true, $"{small.Count} of {items.Count} reports point at {string.Join(" and ", kinds)}", InCopy: !aboutDocs);
    }

    private static string Describe(string cue)
    {
        var c = cue.ToLowerInvariant();
        if (c.Contains("typo") || c.Contains("spel") || c.Contains("grammar")) return "a typo";
        if (c.Contains("link") || c.Contains("404") || c.Contains("not found")) return "a broken link";
        if (c.Contains("off") || c.Contains("based") || c.Contains("number") || c.Contains("count") || c.Contains("index") || c.Contains("one ")) return "an off-by-one";
        return "wrong copy";
    }

    // A cue about a link or the docs ("broken link", "404", "docs fix", "outdated example"): the fix is not in the product's copy.
    [GeneratedRegex(@"link|404|not found|doc|example|sample|snippet", RegexOptions.IgnoreCase)]
    private static partial Regex DocsOrLink();
}
