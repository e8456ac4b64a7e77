using System.Text.RegularExpressions;
using TriageBot.Domain;

namespace TriageBot.Agent.Offline;

/// <summary>
/// Picks labels for a theme from the team's existing labels: a kind (bug, feature, docs) plus
/// performance or security when the reports say so. Labels are matched by name synonyms, so a
/// team's "Defect" or "Enhancement" works as well as "Bug" or "Feature".
/// </summary>
public static partial class LabelChooser
{
    private sealed record Category(string Name, string[] Synonyms, Regex Cue, bool IsKind);

    private static readonly Category[] Categories =
    [
        new("Bug", ["bug", "defect", "type: bug", "kind/bug", "bugfix", "fix"], BugCue(), true),
        new("Feature", ["feature", "feature request", "enhancement", "improvement", "type: feature", "kind/feature", "request"], FeatureCue(), true),
        new("Docs", ["docs", "documentation", "doc", "type: docs"], DocsCue(), true),
        new("Performance", ["performance", "perf", "speed", "latency"], PerformanceCue(), false),
        new("Security", ["security", "sec", "vulnerability"], SecurityCue(), false),
    ];

    public static IReadOnlyList<string> Choose(IReadOnlyList<FeedbackItem> items, IReadOnlyList<string> knownLabels)
    {
        if (items.Count == 0) return [];
        var texts = items.Select(i => i.FullText + " " + string.Join(' ', i.Labels)).ToList();
        var share = Categories.ToDictionary(c => c, c => (double)texts.Count(t => c.Cue.IsMatch(t)) / texts.Count);

        var chosen = new List<Category>();
        var kind = Categories.Where(c => c.IsKind).OrderByDescending(c => share[c] * (c.Name == "Bug" ? 0.9 : 1.0)).First();
        if (share[kind] > 0) chosen.Add(kind);
        chosen.AddRange(Categories.Where(c => !c.IsKind && share[c] >= 0.4));

        var result = new List<string>();
        foreach (var category in chosen)
        {
            if (knownLabels.Count == 0)
            {
                result.Add(category.Name);
                continue;
            }
            var match = knownLabels.FirstOrDefault(l => category.Synonyms.Contains(l.Trim().ToLowerInvariant()))
                ?? knownLabels.FirstOrDefault(l => string.Equals(l.Trim(), category.Name, StringComparison.OrdinalIgnoreCase));
            if (match is not null && !result.Contains(match, StringComparer.OrdinalIgnoreCase)) result.Add(match);
        }
        return result;
    }

    [GeneratedRegex(@"\b(bug|error|fail\w*|broken|crash\w*|wrong|doesn't work|does not work|not working|can't|cannot|unable|regress\w*|hang\w*|freez\w*|stuck|lost|disappear\w*|404|typo\w*|loop|timeout|time(s|d)? out)\b", RegexOptions.IgnoreCase)]
    private static partial Regex BugCue();

    [GeneratedRegex(@"\b(feature request|feature|please add|would (be nice|love)|wish|support for|add (an? )?(option|setting|way)|allow (me|us|users)|plugin|integration|request(ing)?|proposal|enhancement|need an?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FeatureCue();

    [GeneratedRegex(@"\b(docs?|documentation|readme|guide|tutorial|manual)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DocsCue();

    [GeneratedRegex(@"\b(slow\w*|latency|laggy|lagg?ing|speed|performance|memory|cpu|ram|freez\w*|unresponsive|sluggish|takes? (forever|ages)|wait(ing)? (for|\d+))\b", RegexOptions.IgnoreCase)]
    private static partial Regex PerformanceCue();

    [GeneratedRegex(@"\b(security|vulnerab\w*|bypass\w*|exploit\w*|cve|injection|leak(s|ed)? (token|secret|credential|password))\b", RegexOptions.IgnoreCase)]
    private static partial Regex SecurityCue();
}
