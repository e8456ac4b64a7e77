using TriageBot.Domain;

/// <summary>
/// Why reports left the theme they were in the day before, over a run of days: its theme was merged into another (the
/// report went with it), it fell to noise, or it moved to another theme while its own stayed. A move to another theme is
/// right when the report's truth theme is the new theme's majority and not the old one's, wrong the other way round; a
/// move between two themes with the same majority is churn between pieces of one problem. Each day's membership and
/// majorities are kept for the next day's comparison.
/// </summary>
internal sealed class DailyMoves(Dictionary<string, string> truthOf)
{
    private Dictionary<string, string> _themeOf = [];
    private Dictionary<string, string> _majority = [];
    private int _merged, _toNoise, _reportsToNoise, _right, _wrong, _sameProblem, _neither;

    /// <summary>Reports that were in one theme the day before and are in another, or in noise, since.</summary>
    public int Total => _merged + _toNoise + _right + _wrong + _sameProblem + _neither;

    public void Add(ClusteringResult today)
    {
        var themeOf = today.Themes.SelectMany(t => t.ItemIds.Select(id => (id, t.Id))).ToDictionary(x => x.id, x => x.Id, StringComparer.Ordinal);
        var majority = today.Themes.ToDictionary(t => t.Id, t => t.ItemIds.GroupBy(Truth).MaxBy(g => g.Count())!.Key, StringComparer.Ordinal);
        foreach (var (id, was) in _themeOf)
        {
            if (themeOf.GetValueOrDefault(id) is not { } now) { _toNoise++; if (Truth(id) != "noise") _reportsToNoise++; continue; }
            if (now == was) continue;
            if (!majority.ContainsKey(was)) { _merged++; continue; }
            var truth = Truth(id);
            if (majority[now] == truth && _majority[was] != truth) _right++;
            else if (_majority[was] == truth && majority[now] != truth) _wrong++;
            else if (majority[now] == _majority[was]) _sameProblem++;
            else _neither++;
        }
        (_themeOf, _majority) = (themeOf, majority);
    }

    private string Truth(string id) => truthOf.GetValueOrDefault(id, "noise");

    public override string ToString() =>
        $"with a merged theme {_merged}, to noise {_toNoise} ({_reportsToNoise} of them reports), to another theme {_right + _wrong + _sameProblem + _neither} (right {_right}, wrong {_wrong}, between two themes of one problem {_sameProblem}, other {_neither})";
}
