using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using TriageBot.Clustering;
using TriageBot.Text;

/// <summary>
/// `cue-speed FILES`: the small-fix cue read two ways over every distinct item text of the scenarios, in one process:
/// the single backtracking pattern (<see cref="Cues.SmallFix"/>, whose matches the offline agent reads) against the split
/// that <see cref="Cues.IsSmallFix"/> uses (<see cref="Cues.MatchesSmallFixPattern"/>). Prints how many texts they
/// disagree on (must be 0) and the time ratio, three rounds. Then the cues that run on the non-backtracking engine
/// (problem, request and praise words) against the backtracking engine on the same pattern, built here.
/// </summary>
internal static class CueSpeed
{
    public static void Run(string[] files)
    {
        // The first call builds each reader (the non-backtracking engine builds its automaton as it reads): the cost a
        // small run pays once.
        var first = Stopwatch.StartNew();
        Cues.SmallFix().IsMatch("the first call, a typo in the copy");
        var oneFirst = first.Elapsed.TotalMilliseconds;
        first.Restart();
        Cues.MatchesSmallFixPattern("the first call, a typo in the copy");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first call: one pattern {oneFirst:F0} ms, split {first.Elapsed.TotalMilliseconds:F0} ms"));
        var texts = files.SelectMany(ScenarioItems.Load).Select(ItemText.For).Distinct().ToList();
        var disagree = texts.Count(t => Cues.SmallFix().IsMatch(t) != Cues.MatchesSmallFixPattern(t));
        Console.WriteLine($"{texts.Count} distinct texts; the two readings disagree on {disagree}");
        for (var round = 0; round < 3; round++)
        {
            var sw = Stopwatch.StartNew();
            var single = texts.Count(t => Cues.SmallFix().IsMatch(t));
            var one = sw.Elapsed.TotalSeconds;
            sw.Restart();
            var split = texts.Count(Cues.MatchesSmallFixPattern);
            var two = sw.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"one pattern {one:F2} s ({single} carry the cue), split {two:F2} s ({split}), ratio {two / one:F2}"));
        }
        foreach (var (name, shipped) in new[] { ("problem", Cues.Problem()), ("request", Cues.Request()), ("praise", Cues.Praising()) })
        {
            var backtracking = new Regex(shipped.ToString(), (shipped.Options & ~RegexOptions.NonBacktracking) | RegexOptions.Compiled);
            backtracking.IsMatch("warm up");
            var sw = Stopwatch.StartNew();
            var before = texts.Count(backtracking.IsMatch);
            var slow = sw.Elapsed.TotalSeconds;
            sw.Restart();
            var after = texts.Count(shipped.IsMatch);
            var fast = sw.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name} words: backtracking {slow:F2} s, non-backtracking {fast:F2} s, ratio {fast / slow:F2}; disagree on {texts.Count(t => backtracking.IsMatch(t) != shipped.IsMatch(t))} ({after} carry them)"));
        }
    }
}
