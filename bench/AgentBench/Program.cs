using System.Globalization;
using TriageBot.Agent;
using TriageBot.Agent.Offline;
using TriageBot.Agent.Text;
using TriageBot.Domain;
using TriageBot.Tests.Agent;
using TriageBot.Text;

// AgentBench [--verbose] SCENARIO.json...: the offline agent on each scenario's truth themes (no clustering),
// goal accuracy and small-fix precision/recall per scenario, as SCORING.md defines them, and how many truth themes the
// agent would not file at all (`unfiled`: it reads them as not actionable, so their recall is lost however well they cluster).
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

Console.WriteLine($"{"scenario",-28} {"themes",6} {"goal_acc",8} {"sf_prec",8} {"sf_rec",8} {"unfiled",8}  (tp/fp/fn)");
double worstGoal = 1, worstPrecision = 1, worstRecall = 1, sumGoal = 0, sumPrecision = 0, sumRecall = 0;
var totalUnfiled = 0;
// Themes the agent reads as small fixes: how often their goal is right, and how often "no goal" would be.
int smallFixDrafts = 0, smallFixGoalRight = 0, smallFixTruthNoGoal = 0;
// Of them, those in the product's copy (a typo, a label, a count), which the agent gives no goal, and how often the goal's
// words alone (what the agent gave them before session 31) were right.
int copyFixDrafts = 0, copyFixGoalRight = 0, copyFixTruthNoGoal = 0, copyFixWordsRight = 0;
foreach (var file in files)
{
    var s = ScenarioThemes.LoadFile(file);
    var misses = new List<string>();
    var unfiled = 0;
    var score = s.ScoreOffline(new FixedTime(s.Now), (truth, items, draft, corpus) =>
    {
        if (!draft.Actionable)
        {
            unfiled++;
            if (verbose || all)
            {
                misses.Add($"    {truth.Id,-28} not filed: {items.Count} reports read as not actionable");
                // What the actionability check reads in each report: names a problem, only praises or chats, enough words.
                foreach (var item in items)
                {
                    var r = OfflineThemeSummarizer.Read(item.FullText);
                    var flags = (r.NamesProblem ? "P" : "-") + (r.Chat ? "+" : "-") + (r.Substantive ? "w" : "-");
                    misses.Add($"        {flags} {Shorten(item.FullText.ReplaceLineEndings(" "), 150)}");
                }
            }
        }
        if (draft.SmallFix)
        {
            smallFixDrafts++;
            smallFixGoalRight += draft.GoalId == truth.Goal ? 1 : 0;
            smallFixTruthNoGoal += truth.Goal is null ? 1 : 0;
            if (SmallFixJudge.Judge(items).InCopy)
            {
                copyFixDrafts++;
                copyFixGoalRight += draft.GoalId == truth.Goal ? 1 : 0;
                copyFixTruthNoGoal += truth.Goal is null ? 1 : 0;
                copyFixWordsRight += GoalMatcher.Match(items, s.Goals, DateOnly.FromDateTime(s.Now.UtcDateTime), corpus).GoalId == truth.Goal ? 1 : 0;
            }
        }
        if (all || (verbose && (draft.GoalId != truth.Goal || draft.SmallFix != truth.SmallFix)))
            misses.Add($"    {truth.Id,-28} goal {draft.GoalId ?? "-"} (truth {truth.Goal ?? "-"})  small-fix {draft.SmallFix} (truth {truth.SmallFix})  {draft.SmallFixReason} {JudgeCounts(items)}\n        {GoalMatcher.Match(items, s.Goals, DateOnly.FromDateTime(s.Now.UtcDateTime), corpus).Scores}");
    });
    var (precision, recall, goalAccuracy) = (score.Precision, score.Recall, score.GoalAccuracy);
    var (tp, fp, fn) = (score.TruePositives, score.FalsePositives, score.FalseNegatives);
    worstGoal = Math.Min(worstGoal, goalAccuracy);
    sumGoal += goalAccuracy; sumPrecision += precision; sumRecall += recall;
    worstPrecision = Math.Min(worstPrecision, precision);
    worstRecall = Math.Min(worstRecall, recall);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{Path.GetFileNameWithoutExtension(file),-28} {s.Truth.Count,6} {goalAccuracy,8:0.000} {precision,8:0.000} {recall,8:0.000} {unfiled,8}  ({tp}/{fp}/{fn})"));
    totalUnfiled += unfiled;
    foreach (var m in misses) Console.WriteLine(m);
}
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{"worst",-28} {"",6} {worstGoal,8:0.000} {worstPrecision,8:0.000} {worstRecall,8:0.000}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{"mean",-28} {"",6} {sumGoal / files.Count,8:0.000} {sumPrecision / files.Count,8:0.000} {sumRecall / files.Count,8:0.000} {totalUnfiled,8} (total)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"themes read as small fixes: {smallFixDrafts}, goal right {(double)smallFixGoalRight / Math.Max(1, smallFixDrafts):0.000}, no goal would be right {(double)smallFixTruthNoGoal / Math.Max(1, smallFixDrafts):0.000}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"of them in the product's copy: {copyFixDrafts}, goal right {(double)copyFixGoalRight / Math.Max(1, copyFixDrafts):0.000} ({(double)copyFixWordsRight / Math.Max(1, copyFixDrafts):0.000} by the goal's words alone), the truth gives none to {(double)copyFixTruthNoGoal / Math.Max(1, copyFixDrafts):0.000}"));
return 0;

static string Shorten(string s, int max) => s.Length <= max ? s : s[..max] + "…";

// What the small-fix judge counted, as bench/small_fix_shares.py reads it back.
static string JudgeCounts(IReadOnlyList<FeedbackItem> items)
{
    var (cued, large) = SmallFixJudge.Count(items);
    // Request and problem cues too: bench/goal_rules.py reads them to ask whether a theme's kind says anything of its goal.
    var requests = items.Count(i => Cues.Request().IsMatch(i.FullText));
    var problems = items.Count(i => Cues.Problem().IsMatch(i.FullText));
    return $"[cues {cued.Count} large {large} of {items.Count}] req {requests} prob {problems}";
}

internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
