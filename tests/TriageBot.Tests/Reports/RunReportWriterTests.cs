using System.Text.Json;
using System.Text.RegularExpressions;
using TriageBot.Reports;
using TriageBot.Tests.Support;

namespace TriageBot.Tests.Reports;

public sealed partial class RunReportWriterTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "triagebot-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    /// <summary>Fields we add beyond FORMAT.md (allowed: "add fields freely"); anything else extra is a rename.</summary>
    private static readonly HashSet<string> Additions =
        ["sources", "prompt_versions", "noise_share", "warnings", "priority", "labels", "by_source", "reads_like", "state", "state_type"];

    [Fact]
    public async Task Report_json_uses_exactly_the_field_names_of_the_shared_format()
    {
        var report = DigestSamples.Report(
        [
            DigestSamples.Theme("t1", "Login loops", ["slack:C01:1.0", "github:acme/app#12"], "new", ticket: DigestSamples.Ticket("APP-7"))
                with { Dispatch = new ReportDispatch("dry-run", "https://github.com/acme/app/pull/3", "small fix") },
            DigestSamples.Theme("t2", "Slow export", ["x:1859000000000000001"]),
        ], noise: ["slack:C01:2.0"]);

        var path = await new RunReportWriter().WriteAsync(report, _dir, CancellationToken.None);

        Assert.Equal(Path.Combine(_dir, "report.json"), path);
        using var ours = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        using var format = JsonDocument.Parse(FormatExample(), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        AssertSameNames(format.RootElement, ours.RootElement, "$");

        var root = ours.RootElement;
        Assert.Equal(["slack", "github", "x"], root.GetProperty("items").GetProperty("by_source").EnumerateObject().Select(p => p.Name));
        var plain = root.GetProperty("themes")[1];
        Assert.Equal(JsonValueKind.Null, plain.GetProperty("ticket").ValueKind);
        Assert.Equal(JsonValueKind.Null, plain.GetProperty("dispatch").ValueKind);
        Assert.Equal(JsonValueKind.Null, plain.GetProperty("goal").ValueKind);
        Assert.Equal("created", root.GetProperty("themes")[0].GetProperty("ticket").GetProperty("action").GetString());
        Assert.Equal(report.RunId, RunReport.FromJson(await File.ReadAllTextAsync(path)).RunId);
    }

    [Fact]
    public async Task Writing_again_replaces_the_report_and_leaves_no_temporary_file()
    {
        var writer = new RunReportWriter();
        await writer.WriteAsync(DigestSamples.Report([]) with { RunId = "first" }, _dir, CancellationToken.None);
        await writer.WriteAsync(DigestSamples.Report([]) with { RunId = "second" }, _dir, CancellationToken.None);

        Assert.Equal(["report.json"], Directory.GetFiles(_dir).Select(Path.GetFileName));
        Assert.Equal("second", RunReport.FromJson(await File.ReadAllTextAsync(Path.Combine(_dir, "report.json"))).RunId);
    }

    /// <summary>Every object key of the example is in ours under the same name; ours adds only known additions.</summary>
    private static void AssertSameNames(JsonElement format, JsonElement ours, string path)
    {
        if (format.ValueKind == JsonValueKind.Object && ours.ValueKind == JsonValueKind.Object)
        {
            var expected = format.EnumerateObject().Select(p => p.Name).ToHashSet();
            var actual = ours.EnumerateObject().Select(p => p.Name).ToHashSet();
            // Under by_source and the counter maps the keys are data (service names), compared as such.
            Assert.True(expected.IsSubsetOf(actual), $"{path}: missing {string.Join(", ", expected.Except(actual))}");
            var extra = actual.Except(expected).Except(Additions).ToList();
            Assert.True(extra.Count == 0, $"{path}: fields not in FORMAT.md: {string.Join(", ", extra)}");
            foreach (var p in format.EnumerateObject())
                AssertSameNames(p.Value, ours.GetProperty(p.Name), $"{path}.{p.Name}");
        }
        else if (format.ValueKind == JsonValueKind.Array && ours.ValueKind == JsonValueKind.Array && format.GetArrayLength() > 0)
        {
            foreach (var element in ours.EnumerateArray()) AssertSameNames(format[0], element, path + "[]");
        }
    }

    private static string FormatExample()
    {
        var text = File.ReadAllText(Path.Combine(SandboxFixture.SharedDir, "report", "FORMAT.md"));
        return JsoncBlock().Match(text).Groups[1].Value;
    }

    [GeneratedRegex("```jsonc\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsoncBlock();
}
