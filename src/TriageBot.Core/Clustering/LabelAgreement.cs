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
        // Most items (Slack threads, X posts) carry no labels: they share one empty list.
        _labels = items.Select(i => i.Labels.Count == 0 ? [] : (IReadOnlyList<string>)i.Labels
            .Where(l => l.Length > 0 && !ProcessLabel().IsMatch(l)).Distinct(StringComparer.OrdinalIgnoreCase).ToList()).ToList();
        var labelled = _labels.Count(l => l.Count > 0);
        foreach (var (label, count) in _labels.SelectMany(l => l).CountBy(l => l, StringComparer.OrdinalIgnoreCase))
        {
            _weight[label] = Math.Log(1.0 + (double)labelled / count);
            if (count <= AreaShare * labelled) _areas.Add(label);
        }
    }

    /// <summary>The labels of a group of reports (indexes into the run's items), each weighted; null when none is a labelled issue.</summary>
    public LabelProfile? ProfileOf(IEnumerable<int> members)
    {
        var labelled = members.Select(i => _labels[i]).Where(l => l.Count > 0).ToList();
        if (labelled.Count == 0) return null;
        return new LabelProfile(labelled.SelectMany(l => l).CountBy(l => l, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(x => x.Key, x => (double)x.Value / labelled.Count * _weight[x.Key], StringComparer.OrdinalIgnoreCase), labelled.Count);
    }

    /// <summary>
    /// Labels that record where an issue is in the maintainers' process, not what it is about ("needs-triage", "P1",
    /// "priority: high", "good first issue"): two pieces of one problem carry them at random.
    /// </summary>
    [GeneratedRegex(@"^(needs[-_ :].*|triage.*|p[0-4]|priority\b.*|status\b.*|good[-_ ]first[-_ ]issue|help[-_ ]wanted|wontfix|won't fix|duplicate|invalid|question|stale|pinned)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ProcessLabel();

    /// <summary>
    /// For each labelled issue of <paramref name="issues"/>, the one group (with <paramref name="minGroupIssues"/> labelled
    /// issues or more) whose profile agrees with its labels by at least <paramref name="minAgreement"/>; an issue that
    /// several groups or none agree with is left out.
    /// </summary>
    public IEnumerable<(int Issue, int Group)> SoleMatches(IEnumerable<int> issues, IReadOnlyList<LabelProfile?> groups, double minAgreement, int minGroupIssues)
    {
        foreach (var i in issues.Where(i => _labels[i].Count > 0))
        {
            var own = ProfileOf([i]);
            var matches = Enumerable.Range(0, groups.Count)
                .Where(g => groups[g]?.Issues >= minGroupIssues && Of(own, groups[g]) >= minAgreement).Take(2).ToList();
            if (matches.Count == 1) yield return (i, matches[0]);
        }
    }

    /// <summary>The area labels both profiles carry.</summary>
    public IReadOnlyList<string> SharedAreas(LabelProfile a, LabelProfile b) => AreasOfBoth(a.Weights, b.Weights).ToList();

    private IEnumerable<string> AreasOfBoth(IReadOnlyDictionary<string, double> a, IReadOnlyDictionary<string, double> b) =>
        a.Keys.Where(l => _areas.Contains(l) && b.ContainsKey(l));

    /// <summary>
    /// The agreement (0–1) of two groups' profiles; null when either has fewer than <paramref name="minIssues"/> labelled
    /// issues (one issue's labels are one person's call) or carries no area label: an issue labelled only "bug" may be in
    /// any area, so the labels say nothing either way.
    /// </summary>
    public double? Of(LabelProfile? a, LabelProfile? b, int minIssues = 1)
    {
        if (a is null || b is null || a.Issues < minIssues || b.Issues < minIssues) return null;
        var (wa, wb) = (a.Weights, b.Weights);
        if (!wa.Keys.Any(_areas.Contains) || !wb.Keys.Any(_areas.Contains)) return null;
        if (!AreasOfBoth(wa, wb).Any()) return 0;
        var dot = wa.Sum(kv => kv.Value * wb.GetValueOrDefault(kv.Key));
        return dot / Math.Sqrt(wa.Values.Sum(v => v * v) * wb.Values.Sum(v => v * v));
    }
}

/// <summary>A group's labels, each weighted (<see cref="LabelAgreement"/>), and how many labelled issues they come from.</summary>
public sealed record LabelProfile(IReadOnlyDictionary<string, double> Weights, int Issues);
