using TriageBot.Domain;

/// <summary>
/// Why a report left the theme it was in the day before, over a run of days: its theme was merged into another (the
/// report went with it), it fell to noise, or it moved to another theme while its own stayed. A move to another theme is
/// right when the report's truth theme is the new theme's majority and not the old one's, wrong the other way round; a
/// move between two themes with the same majority is churn between pieces of one problem.
/// </summary>
internal sealed class DailyMoves
{
    private int _merged, _toNoise, _reportsToNoise, _right, _wrong, _sameProblem, _neither;

    public void Add(Dictionary<string, string> before, ClusteringResult today, Dictionary<string, string> truthOf)
    {
        string Truth(string id) => truthOf.GetValueOrDefault(id, "noise");
        var themeOf = today.Themes.SelectMany(t => t.ItemIds.Select(id => (id, t.Id))).ToDictionary(x => x.id, x => x.Id, StringComparer.Ordinal);
        var majority = today.Themes.ToDictionary(t => t.Id, t => t.ItemIds.GroupBy(Truth).MaxBy(g => g.Count())!.Key, StringComparer.Ordinal);
        // Yesterday's majorities, from yesterday's membership.
        var yesterday = before.GroupBy(b => b.Value).ToDictionary(g => g.Key, g => g.GroupBy(b => Truth(b.Key)).MaxBy(x => x.Count())!.Key, StringComparer.Ordinal);
        foreach (var (id, was) in before)
        {
            if (themeOf.GetValueOrDefault(id) is not { } now) { _toNoise++; if (Truth(id) != "noise") _reportsToNoise++; continue; }
            if (now == was) continue;
            if (!majority.ContainsKey(was)) { _merged++; continue; }
            var truth = Truth(id);
            if (majority[now] == truth && yesterday[was] != truth) _right++;
            else if (yesterday[was] == truth && majority[now] != truth) _wrong++;
            else if (majority[now] == yesterday[was]) _sameProblem++;
            else _neither++;
        }
    }

    public override string ToString() =>
        $"with a merged theme {_merged}, to noise {_toNoise} ({_reportsToNoise} of them reports), to another theme {_right + _wrong + _sameProblem + _neither} (right {_right}, wrong {_wrong}, between two themes of one problem {_sameProblem}, other {_neither})";
}
