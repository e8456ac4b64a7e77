using System.Text.Json;
using System.Text.Json.Nodes;
using TriageBot.Reports;
using TriageBot.Tests.Support;

namespace TriageBot.Tests.EndToEnd;

/// <summary>The demo command on the shared dev scenario: the whole product, real protocols, fresh store.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class DemoEndToEndTests
{
    [Fact]
    public async Task Demo_on_dev_small_lists_every_truth_item_once_and_files_tickets_with_their_evidence()
    {
        var outDir = CliRunner.TempDir();
        var (exit, stdout, stderr) = await CliRunner.RunAsync("demo", "--scenario", SandboxFixture.DevSmallPath, "--out", outDir);
        Assert.True(exit == 0, $"exit {exit}: {stderr}\n{stdout}");

        // The report has FORMAT.md's fields, by their exact names.
        var json = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(outDir, "report.json")))!.AsObject();
        foreach (var field in new[] { "run_id", "scenario", "started", "finished", "items", "themes", "api_calls", "llm_tokens", "timings_ms" })
            Assert.True(json.ContainsKey(field), $"report.json lacks {field}");
        foreach (var field in new[] { "fetched", "by_source", "noise" })
            Assert.True(json["items"]!.AsObject().ContainsKey(field), $"report.json items lacks {field}");
        foreach (var theme in json["themes"]!.AsArray())
            foreach (var field in new[] { "id", "title", "summary", "items", "trend", "ticket", "small_fix", "dispatch", "goal" })
                Assert.True(theme!.AsObject().ContainsKey(field), $"theme lacks {field}");
        Assert.Equal("dev-small", (string?)json["scenario"]);

        var report = RunReport.FromJson(json.ToJsonString());
        var listed = report.Themes.SelectMany(t => t.Items).Concat(report.Items.Noise).ToList();
        Assert.Equal(listed.Count, listed.Distinct().Count());

        var truth = JsonNode.Parse(await File.ReadAllTextAsync(SandboxFixture.DevSmallPath))!["truth"]!;
        var truthItems = truth["themes"]!.AsArray().SelectMany(t => t!["items"]!.AsArray().Select(i => (string)i!)).ToList();
        var missing = truthItems.Except(listed).ToList();
        Assert.True(missing.Count == 0, "missing: " + string.Join(", ", missing));
        Assert.Equal(listed.Count, report.Items.Fetched);

        // Tickets were created through GraphQL and hold an attachment per evidence item.
        var linear = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(outDir, "linear.json")))!;
        var issues = linear["issues"]!.AsArray().Select(i => i!).ToList();
        var ticketed = report.Themes.Where(t => t.Ticket is not null).ToList();
        Assert.NotEmpty(ticketed);
        Assert.Contains(ticketed, t => t.Ticket!.Action == "created");
        foreach (var theme in ticketed)
        {
            var issue = issues.Single(i => (string?)i["identifier"] == theme.Ticket!.Identifier);
            var attachmentCount = issue["attachments"]!.AsArray().Count;
            Assert.True(attachmentCount >= theme.Items.Count,
                $"{theme.Ticket!.Identifier} has {attachmentCount} attachments for {theme.Items.Count} items");
        }

        // Every ticket the scenario's team had filed by hand before the run is reused, none duplicated: each is
        // the ticket of some theme (its evidence may have been judged noise; a person's filing puts it back).
        var scenarioLinear = JsonNode.Parse(await File.ReadAllTextAsync(SandboxFixture.DevSmallPath))!["linear"]!;
        foreach (var preexisting in scenarioLinear["issues"]!.AsArray().Select(i => (string)i!["identifier"]!))
            Assert.Contains(ticketed, t => t.Ticket!.Identifier == preexisting && t.Ticket.Action != "created");

        Assert.True(File.Exists(Path.Combine(outDir, "digest.md")));
        Assert.True(File.Exists(Path.Combine(outDir, "digest.html")));
        Assert.Contains("items read:", stdout);
    }
}
