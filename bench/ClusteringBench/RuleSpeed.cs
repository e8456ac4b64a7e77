using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using TriageBot.Clustering;
using TriageBot.Text;

/// <summary>
/// `rule-speed FILES`: the not-a-report rules (<see cref="NotAReport.Rule"/>) in the clusterer's order over every item of
/// the scenarios on one core, first use (a run's cost: the non-backtracking patterns grow their automata as they read),
/// then each rule alone and the rules in order again, warm. RULE_SPEED_ONLY=NAME times one rule, cold then warm, in a
/// fresh process; RULE_SPEED_FIRST=1 builds each pattern of <see cref="Cues"/> and runs it once on a short text.
/// </summary>
internal static class RuleSpeed
{
    public static void Run(string[] files)
    {
        if (Environment.GetEnvironmentVariable("RULE_SPEED_FIRST") == "1")
        {
            // Each pattern of Cues built and run once on a short text, in a fresh process: what a run pays per pattern.
            foreach (var m in typeof(Cues).GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
                         .Where(m => m.ReturnType == typeof(Regex) && m.GetParameters().Length == 0))
            {
                var sw0 = Stopwatch.StartNew();
                var regex = (Regex)m.Invoke(null, null)!;
                var built = sw0.Elapsed.TotalMilliseconds;
                regex.IsMatch("the export keeps failing since the update, thanks for looking");
                var first = sw0.Elapsed.TotalMilliseconds;
                regex.IsMatch("a second text, about something else entirely: the login button is grey");
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {m.Name,-28} built {built,7:F1} ms, first match {first - built,7:F1} ms, second {sw0.Elapsed.TotalMilliseconds - first,6:F1} ms {(regex.Options.HasFlag(RegexOptions.NonBacktracking) ? "NB" : "")}"));
            }
            return;
        }
        var items = files.SelectMany(ScenarioItems.Load).ToList();
        var texts = items.Select(ItemText.For).ToList();
        Console.WriteLine($"{items.Count} items");
        // Each rule alone, from the clusterer's own list, with the opening cleaned per call (no rule shares it here).
        (string Name, Func<int, bool> Applies)[] rules =
        [
            .. NotAReport.Checks.Select(c => (c.Name, (Func<int, bool>)(i => c.Applies(items[i], texts[i], () => ItemText.Opening(items[i]))))),
            ("all, in order", i => NotAReport.Rule(items[i], texts[i]) is not null),
        ];
        // The rules in order first, cold (what a run pays: each pattern built and its automaton grown on first use), then warm.
        // RULE_SPEED_ONLY=NAME: that rule alone, cold then warm (what it costs a run on its own first use).
        rules = Environment.GetEnvironmentVariable("RULE_SPEED_ONLY") is { Length: > 0 } only
            ? [.. rules.Where(r => r.Name == only), .. rules.Where(r => r.Name == only)]
            : [rules[^1], .. rules];
        foreach (var (name, applies) in rules)
        {
            var sw = Stopwatch.StartNew();
            var n = 0;
            for (var i = 0; i < items.Count; i++) if (applies(i)) n++;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-24} {sw.Elapsed.TotalSeconds,6:F2} s  {n} items"));
        }
    }
}
