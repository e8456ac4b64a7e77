using System.Globalization;
using TriageBot.Agent;
using TriageBot.Agent.Offline;
using TriageBot.Agent.Text;
using TriageBot.Domain;
using TriageBot.Tests.Agent;

// AgentBench [--verbose] SCENARIO.json...: the offline agent on each scenario's truth themes (no clustering),
// goal accuracy and small-fix precision/recall per scenario, as SCORING.md defines them.
var verbose = args.Contains("--verbose");
var all = args.Contains("--all");
if (args.Contains("--probe-embeddings"))
{
    EmbeddingProbe.Run(args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)));
    return 0;
}
var files = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
if (files.Count == 0)
{
    Console.WriteLine("usage: AgentBench [--verbose] SCENARIO.json...");
    return 1;
}

Console.WriteLine($"{"scenario",-28} {"themes",6} {"goal_acc",8} {"sf_prec",8} {"sf_rec",8}  (tp/fp/fn)");
double worstGoal = 1, worstPrecision = 1, worstRecall = 1;
foreach (var file in files)
{
    var s = ScenarioThemes.LoadFile(file);
    var summarizer = new OfflineThemeSummarizer(new FixedTime(s.Now));
    var corpus = new CorpusStatistics(s.Items.Values);
    int tp = 0, fp = 0, fn = 0, goalsRight = 0;
    var misses = new List<string>();
    foreach (var truth in s.Truth)
    {
        var items = s.ItemsOf(truth);
        var theme = new Theme { Id = truth.Id, ItemIds = items.Select(i => i.Id).ToList() };
        var draft = summarizer.Summarize(new ThemeContext(theme, items, ThemeTrend.New, s.Goals, ["Bug", "Feature", "Docs", "Performance"]), corpus);
        if (draft.SmallFix && truth.SmallFix) tp++;
        if (draft.SmallFix && !truth.SmallFix) fp++;
        if (!draft.SmallFix && truth.SmallFix) fn++;
        if (draft.GoalId == truth.Goal) goalsRight++;
        if (all || (verbose && (draft.GoalId != truth.Goal || draft.SmallFix != truth.SmallFix)))
        {
            misses.Add($"    {truth.Id,-28} goal {draft.GoalId ?? "-"} (truth {truth.Goal ?? "-"})  small-fix {draft.SmallFix} (truth {truth.SmallFix})  {draft.SmallFixReason}\n        {GoalMatcher.Match(items, s.Goals, DateOnly.FromDateTime(s.Now.UtcDateTime), corpus).Scores}");
        }
    }
    var precision = tp + fp == 0 ? 1.0 : (double)tp / (tp + fp);
    var recall = tp + fn == 0 ? 1.0 : (double)tp / (tp + fn);
    var goalAccuracy = s.Truth.Count == 0 ? 1.0 : (double)goalsRight / s.Truth.Count;
    worstGoal = Math.Min(worstGoal, goalAccuracy);
    worstPrecision = Math.Min(worstPrecision, precision);
    worstRecall = Math.Min(worstRecall, recall);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{Path.GetFileNameWithoutExtension(file),-28} {s.Truth.Count,6} {goalAccuracy,8:0.000} {precision,8:0.000} {recall,8:0.000}  ({tp}/{fp}/{fn})"));
    foreach (var m in misses) Console.WriteLine(m);
}
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{"worst",-28} {"",6} {worstGoal,8:0.000} {worstPrecision,8:0.000} {worstRecall,8:0.000}"));
return 0;

internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
