using System.Globalization;
using System.Text;
using TriageBot.Reports;

namespace TriageBot.Evaluation;

/// <summary>The numbers ../shared/scenario/SCORING.md defines, for one run report against one scenario's truth.</summary>
public sealed record ScenarioScore
{
    public required int ItemsMissing { get; init; }
    public required int ItemsListedTwice { get; init; }
    public required double Nmi { get; init; }
    public required double Ari { get; init; }
    public required double ThemeRecall { get; init; }
    public required double TicketPurity { get; init; }
    public required int DuplicateTickets { get; init; }
    public required double NoiseFiledRate { get; init; }
    /// <summary>Null when no ticketed theme (majority a truth theme) claims a small fix.</summary>
    public double? SmallFixPrecision { get; init; }
    /// <summary>Null when no such ticketed theme's truth theme is a small fix.</summary>
    public double? SmallFixRecall { get; init; }
    /// <summary>Null when no ticketed theme has a truth theme as majority.</summary>
    public double? GoalAccuracy { get; init; }
    public required int TicketedThemes { get; init; }
    public required int TruthThemesScored { get; init; }
    /// <summary>Report ids that the truth does not know; they take no part in any metric.</summary>
    public required int UnknownItems { get; init; }

    /// <summary>The goals of SCORING.md that this score misses (empty: all met).</summary>
    public IReadOnlyList<string> Failures()
    {
        var f = new List<string>();
        if (ThemeRecall < 0.95) f.Add("theme_recall < 0.95");
        if (TicketPurity < 0.95) f.Add("ticket_purity < 0.95");
        if (DuplicateTickets > 0) f.Add("duplicate_tickets > 0");
        if (NoiseFiledRate > 0.02) f.Add("noise_filed_rate > 0.02");
        if (ItemsMissing > 0) f.Add("items_missing > 0");
        if (SmallFixPrecision is < 0.9) f.Add("small_fix_precision < 0.9");
        if (GoalAccuracy is < 0.9) f.Add("goal_accuracy < 0.9");
        return f;
    }

    public string ToText()
    {
        static string P(double? v) => v is null ? "n/a" : v.Value.ToString("0.000", CultureInfo.InvariantCulture);
        var sb = new StringBuilder();
        sb.AppendLine($"items_missing        {ItemsMissing}");
        sb.AppendLine($"items_listed_twice   {ItemsListedTwice}");
        sb.AppendLine($"nmi                  {P(Nmi)}");
        sb.AppendLine($"ari                  {P(Ari)}");
        sb.AppendLine($"theme_recall         {P(ThemeRecall)}   ({TruthThemesScored} truth themes with >= 3 items)");
        sb.AppendLine($"ticket_purity        {P(TicketPurity)}   ({TicketedThemes} ticketed themes)");
        sb.AppendLine($"duplicate_tickets    {DuplicateTickets}");
        sb.AppendLine($"noise_filed_rate     {P(NoiseFiledRate)}");
        sb.AppendLine($"small_fix_precision  {P(SmallFixPrecision)}");
        sb.AppendLine($"small_fix_recall     {P(SmallFixRecall)}");
        sb.AppendLine($"goal_accuracy        {P(GoalAccuracy)}");
        if (UnknownItems > 0) sb.AppendLine($"unknown_items        {UnknownItems} (in the report, not in truth; ignored)");
        var failures = Failures();
        sb.Append(failures.Count == 0 ? "goals: all met" : "goals missed: " + string.Join(", ", failures));
        return sb.ToString();
    }
}

/// <summary>Scores a run report against a scenario's truth exactly as ../shared/scenario/SCORING.md defines.</summary>
public static class ScenarioScorer
{
    private const string MissingLabel = "\u0000missing";
    private const string PredictedNoiseLabel = "\u0000noise";

    /// <summary>One call for <c>triagebot score --scenario FILE --report FILE</c>.</summary>
    public static ScenarioScore ScoreFiles(string scenarioPath, string reportPath) =>
        Score(ScenarioTruth.Load(scenarioPath), RunReport.FromJson(File.ReadAllText(reportPath)));

    public static ScenarioScore Score(ScenarioTruth truth, RunReport report)
    {
        var trueLabel = truth.Labels();
        var truthById = truth.Themes.ToDictionary(t => t.Id, StringComparer.Ordinal);

        // Predicted label per id: the first place it is listed (themes in order, then noise).
        var predicted = new Dictionary<string, string>(StringComparer.Ordinal);
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        void List(string id, string label)
        {
            occurrences[id] = occurrences.GetValueOrDefault(id) + 1;
            predicted.TryAdd(id, label);
        }
        foreach (var theme in report.Themes)
            foreach (var id in theme.Items) List(id, "theme:" + theme.Id);
        foreach (var id in report.Items.Noise) List(id, PredictedNoiseLabel);

        var missing = trueLabel.Count(kv => kv.Value != ScenarioTruth.NoiseLabel && !predicted.ContainsKey(kv.Key));
        var listedTwice = occurrences.Count(kv => kv.Value > 1);
        var unknown = predicted.Keys.Count(id => !trueLabel.ContainsKey(id));

        var ids = trueLabel.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList();
        var truthLabels = ids.Select(id => trueLabel[id]).ToList();
        var predLabels = ids.Select(id => predicted.TryGetValue(id, out var p) ? p
            // Dropped noise (bot messages, joins, pull requests) is allowed: it counts as judged noise.
            : trueLabel[id] == ScenarioTruth.NoiseLabel ? PredictedNoiseLabel : MissingLabel + id).ToList();
        var nmi = ClusteringMetrics.Nmi(truthLabels, predLabels);
        var ari = ClusteringMetrics.Ari(truthLabels, predLabels);

        var themeOrder = truth.Themes.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var ticketed = report.Themes.Where(t => t.Ticket is not null).Select(t =>
        {
            var known = t.Items.Where(trueLabel.ContainsKey).Distinct(StringComparer.Ordinal).Select(id => trueLabel[id]).ToList();
            var counts = known.GroupBy(l => l).ToDictionary(g => g.Key, g => g.Count());
            // Ties go to a truth theme before noise, then to the theme listed first in truth: deterministic.
            var majority = counts.Count == 0 ? null : counts
                .OrderByDescending(kv => kv.Value)
                .ThenBy(kv => kv.Key == ScenarioTruth.NoiseLabel ? 1 : 0)
                .ThenBy(kv => themeOrder.GetValueOrDefault(kv.Key, int.MaxValue))
                .First().Key;
            return (Theme: t, Majority: majority, Counts: counts, Known: known.Count);
        }).ToList();

        long pure = 0, inTickets = 0;
        foreach (var t in ticketed)
        {
            inTickets += t.Known;
            if (t.Majority is not null) pure += t.Counts[t.Majority];
        }

        var scored = truth.Themes.Where(t => t.Items.Count >= 3).ToList();
        var recalled = scored.Count(tt => ticketed.Any(t => t.Majority == tt.Id && 2 * t.Counts[tt.Id] >= tt.Items.Count));
        var duplicates = truth.Themes.Sum(tt => Math.Max(0, ticketed.Count(t => t.Majority == tt.Id) - 1));

        var noiseIds = truth.Noise.ToHashSet(StringComparer.Ordinal);
        var noiseFiled = ticketed.SelectMany(t => t.Theme.Items).Distinct(StringComparer.Ordinal).Count(noiseIds.Contains);

        var matched = ticketed.Where(t => t.Majority is not null && truthById.ContainsKey(t.Majority)).ToList();
        int tp = 0, fp = 0, fn = 0, goalsRight = 0;
        foreach (var t in matched)
        {
            var tt = truthById[t.Majority!];
            if (t.Theme.SmallFix && tt.SmallFix) tp++;
            else if (t.Theme.SmallFix) fp++;
            else if (tt.SmallFix) fn++;
            if (string.Equals(t.Theme.Goal, tt.Goal, StringComparison.Ordinal)) goalsRight++;
        }

        return new ScenarioScore
        {
            ItemsMissing = missing,
            ItemsListedTwice = listedTwice,
            Nmi = nmi,
            Ari = ari,
            ThemeRecall = scored.Count == 0 ? 1 : (double)recalled / scored.Count,
            TicketPurity = inTickets == 0 ? 1 : (double)pure / inTickets,
            DuplicateTickets = duplicates,
            NoiseFiledRate = noiseIds.Count == 0 ? 0 : (double)noiseFiled / noiseIds.Count,
            SmallFixPrecision = tp + fp == 0 ? null : (double)tp / (tp + fp),
            SmallFixRecall = tp + fn == 0 ? null : (double)tp / (tp + fn),
            GoalAccuracy = matched.Count == 0 ? null : (double)goalsRight / matched.Count,
            TicketedThemes = ticketed.Count,
            TruthThemesScored = scored.Count,
            UnknownItems = unknown,
        };
    }
}
