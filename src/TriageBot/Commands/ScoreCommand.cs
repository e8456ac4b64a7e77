using System.CommandLine;
using System.Text.Json;
using TriageBot.Evaluation;
using TriageBot.Hosting;

namespace TriageBot.Commands;

/// <summary><c>score --scenario FILE --report FILE</c>: a run report against a scenario's truth, as ../shared/scenario/SCORING.md defines.</summary>
internal static class ScoreCommand
{
    public static Command Create()
    {
        var scenario = new Option<FileInfo>("--scenario") { Description = "Scenario file with a truth block", Required = true };
        var report = new Option<FileInfo>("--report") { Description = "A run's report.json", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the scores as JSON" };
        var command = new Command("score", "Score a run report against a scenario's ground truth") { scenario, report, json };
        command.SetGuardedAction((parse, ct) =>
        {
            var s = parse.GetValue(scenario)!;
            var r = parse.GetValue(report)!;
            if (!s.Exists) throw new UsageException($"--scenario: file '{s.FullName}' does not exist.");
            if (!r.Exists) throw new UsageException($"--report: file '{r.FullName}' does not exist.");
            ScenarioScore score;
            try
            {
                score = ScenarioScorer.ScoreFiles(s.FullName, r.FullName);
            }
            catch (JsonException ex)
            {
                throw new UsageException($"could not read the scenario or report: {ex.Message}");
            }
            Console.WriteLine(parse.GetValue(json)
                ? JsonSerializer.Serialize(score, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower })
                : score.ToText());
            return Task.FromResult(0);
        });
        return command;
    }
}
