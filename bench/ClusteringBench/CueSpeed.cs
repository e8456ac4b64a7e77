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
/// (problem, request and praise words) against the backtracking engine on the same pattern, built here. Between them,
/// the bot-address pattern alone against the same pattern behind its <see cref="PatternScreen"/>, and that against every
/// reading <see cref="Cues.SpeaksToTheBot"/> makes (the texts they differ on are the ones the other readings add).
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
        Console.WriteLine($"{texts.Count} distinct texts");
        Compare(texts, "small-fix cue: one pattern against split", t => Cues.SmallFix().IsMatch(t), Cues.MatchesSmallFixPattern, rounds: 3);
        // The words to the bot: the backtracking pattern alone against the screen in front of it; then what the other
        // readings of Cues.SpeaksToTheBot cost on top (other languages' "ignore previous instructions", the undisguised copy).
        Compare(texts, "bot address: the pattern alone against screened", t => Cues.BotAddress().IsMatch(t), Cues.MatchesBotPhrase, rounds: 3);
        Compare(texts, "bot address: screened pattern against every reading (differences are what the others add)", Cues.MatchesBotPhrase, Cues.SpeaksToTheBot, rounds: 3);
        foreach (var (name, shipped) in new[] { ("problem", Cues.Problem()), ("request", Cues.Request()), ("praise", Cues.Praising()) })
        {
            var backtracking = new Regex(shipped.ToString(), (shipped.Options & ~RegexOptions.NonBacktracking) | RegexOptions.Compiled);
            backtracking.IsMatch("warm up");
            Compare(texts, $"{name} words: backtracking against non-backtracking", backtracking.IsMatch, shipped.IsMatch, rounds: 1);
        }
    }

    /// <summary>How many texts the two readings disagree on (must be 0), then each timed over all texts, baseline first.</summary>
    private static void Compare(List<string> texts, string what, Func<string, bool> baseline, Func<string, bool> candidate, int rounds)
    {
        Console.WriteLine($"{what}: disagree on {texts.Count(t => baseline(t) != candidate(t))}");
        for (var round = 0; round < rounds; round++)
        {
            var sw = Stopwatch.StartNew();
            var before = texts.Count(baseline);
            var slow = sw.Elapsed.TotalSeconds;
            sw.Restart();
            var after = texts.Count(candidate);
            var fast = sw.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {slow:F2} s ({before} match) against {fast:F2} s ({after}), ratio {fast / slow:F2}"));
        }
    }
}
