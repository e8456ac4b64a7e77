using System.Globalization;
using TriageBot.Clustering;
using TriageBot.Domain;
using TriageBot.Evaluation;

/// <summary>
/// Every merge of a run judged against the scenario's truth (`scenario FILES --merges`): right when both sides' majority
/// is the same truth theme, wrong when not. Prints each merge with the distinctive terms both sides share, then per rule
/// how many were right and wrong over all files.
/// </summary>
internal sealed class MergeJudge
{
    private readonly Dictionary<MergeRule, (int Right, int Wrong)> _byRule = [];

    public void Add(string file, ScenarioTruth truth, ClusteringResult result, IReadOnlyList<FeedbackItem> items)
    {
        var labels = truth.Labels();
        var terms = new DistinctiveTerms(items.Select(ItemText.For).ToList());
        var index = items.Select((it, k) => (it.Id, k)).ToDictionary(x => x.Id, x => x.k);
        List<int> Idx(IReadOnlyList<string> ids) => ids.Where(index.ContainsKey).Select(id => index[id]).ToList();
        string Majority(IReadOnlyList<string> ids) =>
            ids.GroupBy(id => labels.GetValueOrDefault(id, "noise")).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        var byId = items.ToDictionary(i => i.Id);
        // Labelled GitHub issues a side, and how many of its reports are GitHub issues: whether a side's labels are one issue's call.
        string Side(IReadOnlyList<string> ids) =>
            $"{ids.Count(id => byId.TryGetValue(id, out var it) && it.Labels.Count > 0)}/{ids.Count(id => byId.TryGetValue(id, out var it) && it.Source == FeedbackSource.GitHub)}";
        foreach (var merge in result.Merges)
        {
            var (kept, joined) = (Majority(merge.KeptItems), Majority(merge.JoinedItems));
            var right = kept == joined;
            // The distinctive terms both sides name: whether a shared error, setting or command tells one problem from two.
            var shared = terms.Top(Idx(merge.KeptItems), 8).Intersect(terms.Top(Idx(merge.JoinedItems), 8)).Order(StringComparer.Ordinal).ToList();
            var (r, w) = _byRule.GetValueOrDefault(merge.Rule);
            _byRule[merge.Rule] = right ? (r + 1, w) : (r, w + 1);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  MERGE {(right ? "right" : "WRONG")} {file} [{merge.Rule}] {merge.Similarity:0.000} {kept}({merge.KeptItems.Count}) + {joined}({merge.JoinedItems.Count}) shared terms {shared.Count} [{string.Join(",", shared)}] labelled {Side(merge.KeptItems)} {Side(merge.JoinedItems)}"));
        }
    }

    public void Print()
    {
        foreach (var (rule, (right, wrong)) in _byRule.OrderBy(x => x.Key))
            Console.WriteLine($"merges by rule {rule}: {right} right, {wrong} wrong");
    }
}
