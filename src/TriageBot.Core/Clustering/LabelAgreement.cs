using System.Text.RegularExpressions;
using TriageBot.Domain;

namespace TriageBot.Clustering;

/// <summary>
/// How far two groups of a run's reports carry the same GitHub labels. Maintainers label issues by area ("keybindings",
/// "bank-feeds", "self-hosted"), so two pieces of one problem carry the same area labels, and two problems mostly do
/// not, however alike their words. Slack threads and X posts carry none: a group is judged by its labelled issues.
/// </summary>
/// <remarks>
/// Each label counts by how rare it is among the run's labelled issues (a label on most of them, "bug", says little) and
/// by the share of the group's labelled issues that carry it; the agreement is the cosine of two such profiles. Groups
/// that share no area label (one on at most <see cref="AreaShare"/> of the labelled issues) do not agree.
/// </remarks>
public sealed partial class LabelAgreement
{
    /// <summary>A label on at most this share of the run's labelled issues names an area, not a kind of issue.</summary>
    public const double AreaShare = 1.0 / 3;

    private readonly IReadOnlyList<IReadOnlyList<string>> _labels;
    private readonly Dictionary<string, double> _weight = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _areas = new(StringComparer.OrdinalIgnoreCase);

    public LabelAgreement(IReadOnlyList<FeedbackItem> items)
    {
        _labels = items.Select(i => (IReadOnlyList<string>)i.Labels.Where(l => l.Length > 0 && !ProcessLabel().IsMatch(l))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList()).ToList();
        var labelled = _labels.Count(l => l.Count > 0);
        foreach (var (label, count) in _labels.SelectMany(l => l).CountBy(l => l, StringComparer.OrdinalIgnoreCase))
        {
            _weight[label] = Math.Log(1.0 + (double)labelled / count);
            if (count <= AreaShare * labelled) _areas.Add(label);
        }
    }

    /// <summary>
    /// The labels of a group of reports (indexes into the run's items), each weighted; null when fewer than
    /// <paramref name="minIssues"/> of them are labelled issues: one issue's labels are one person's call.
    /// </summary>
    public IReadOnlyDictionary<string, double>? ProfileOf(IEnumerable<int> members, int minIssues = 1)
    {
        var labelled = members.Select(i => _labels[i]).Where(l => l.Count > 0).ToList();
        if (labelled.Count < Math.Max(1, minIssues)) return null;
        return labelled.SelectMany(l => l).CountBy(l => l, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(x => x.Key, x => (double)x.Value / labelled.Count * _weight[x.Key], StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Labels that record where an issue is in the maintainers' process, not what it is about ("needs-triage", "P1",
    /// "priority: high", "good first issue"): two pieces of one problem carry them at random.
    /// </summary>
    [GeneratedRegex(@"^(needs[-_ :].*|triage.*|p[0-4]|priority\b.*|status\b.*|good[-_ ]first[-_ ]issue|help[-_ ]wanted|wontfix|won't fix|duplicate|invalid|question|stale|pinned)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ProcessLabel();

    /// <summary>
    /// For each labelled issue of <paramref name="issues"/>, the one group whose profile agrees with its labels by at least
    /// <paramref name="minAgreement"/>; an issue that several groups or none agree with is left out.
    /// </summary>
    public IEnumerable<(int Issue, int Group)> SoleMatches(IEnumerable<int> issues, IReadOnlyList<IReadOnlyDictionary<string, double>?> groups, double minAgreement)
    {
        foreach (var i in issues.Where(i => _labels[i].Count > 0))
        {
            var own = ProfileOf([i]);
            var matches = Enumerable.Range(0, groups.Count).Where(g => Of(own, groups[g]) >= minAgreement).Take(2).ToList();
            if (matches.Count == 1) yield return (i, matches[0]);
        }
    }

    /// <summary>
    /// The agreement (0–1) of two groups' profiles; null when either has none or carries no area label: an issue
    /// labelled only "bug" may be in any area, so the labels say nothing either way.
    /// </summary>
    public double? Of(IReadOnlyDictionary<string, double>? a, IReadOnlyDictionary<string, double>? b)
    {
        if (a is null || b is null) return null;
        if (!a.Keys.Any(_areas.Contains) || !b.Keys.Any(_areas.Contains)) return null;
        if (!a.Keys.Any(l => _areas.Contains(l) && b.ContainsKey(l))) return 0;
        var dot = a.Sum(kv => kv.Value * b.GetValueOrDefault(kv.Key));
        return dot / Math.Sqrt(a.Values.Sum(v => v * v) * b.Values.Sum(v => v * v));
    }
}
