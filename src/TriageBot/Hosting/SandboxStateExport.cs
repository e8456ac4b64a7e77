using System.Text.Json;
using System.Text.Json.Nodes;
using TriageBot.Sandbox;

namespace TriageBot.Hosting;

/// <summary>Reads what was written to a sandbox through its admin endpoint, as a person or a tool would.</summary>
public static class SandboxStateExport
{
    public static async Task<string> LinearJsonAsync(SandboxHost sandbox, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = sandbox.BaseUrl };
        var state = JsonNode.Parse(await http.GetStringAsync("_sandbox/state", ct));
        var linear = state?["linear"] ?? new JsonObject();
        return linear.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
