using System.Text.Json;

namespace TriageBot.Sandbox;

/// <summary>/_sandbox/: state, append, faults and the request log. No credentials needed.</summary>
internal static class AdminEndpoints
{
    public static void MapSandboxAdmin(this IEndpointRouteBuilder app, SandboxServices services)
    {
        app.MapGet("/_sandbox/state", () => Results.Content(StateSnapshot.ToJson(services.State).ToJsonString(), "application/json"));

        app.MapPost("/_sandbox/append", async (HttpRequest request) =>
        {
            Scenario partial;
            try
            {
                using var reader = new StreamReader(request.Body);
                partial = ScenarioFile.Parse(await reader.ReadToEndAsync(request.HttpContext.RequestAborted));
            }
            catch (InvalidDataException e)
            {
                return SandboxJson.Json(new { error = e.Message }, 400);
            }
            return SandboxJson.Json(services.State.Append(partial));
        });

        app.MapPost("/_sandbox/faults", async (HttpRequest request) =>
        {
            List<FaultRule> rules;
            try
            {
                var doc = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
                rules = doc.RootElement.ValueKind == JsonValueKind.Array
                    ? doc.RootElement.Deserialize<List<FaultRule>>(SandboxJson.Options) ?? []
                    : [doc.RootElement.Deserialize<FaultRule>(SandboxJson.Options)!];
                foreach (var rule in rules) services.Faults.Add(rule);
            }
            catch (Exception e) when (e is JsonException or ArgumentException or NotSupportedException)
            {
                return SandboxJson.Json(new { error = "invalid fault rule: " + e.Message }, 400);
            }
            return SandboxJson.Json(new { rules = services.Faults.Rules });
        });

        app.MapGet("/_sandbox/faults", () => SandboxJson.Json(new { rules = services.Faults.Rules, injected = services.Faults.Injected() }));

        app.MapDelete("/_sandbox/faults", () =>
        {
            services.Faults.Clear();
            return Results.NoContent();
        });

        app.MapGet("/_sandbox/requests", () => SandboxJson.Json(new { requests = services.RequestLog.Entries }));
    }
}
