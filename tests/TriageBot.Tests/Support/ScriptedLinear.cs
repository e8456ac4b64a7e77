using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TriageBot.Clients.Linear;
using TriageBot.Diagnostics;

namespace TriageBot.Tests.Support;

/// <summary>Answers Linear requests from a script (the last answer repeats) and records what was sent.</summary>
public sealed class ScriptedHandler(params (HttpStatusCode Status, string Body)[] answers) : HttpMessageHandler
{
    private int _next;
    public List<JsonObject> Requests { get; } = [];
    public List<string> Authorizations { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Authorizations.Add(string.Join(",", request.Headers.GetValues("Authorization")));
        Requests.Add((JsonObject)JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!);
        var (status, body) = answers[Math.Min(_next++, answers.Length - 1)];
        return new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
    }
}

public static class ScriptedLinear
{
    /// <summary>A Linear client on the scripted handler, with rate-limit waits of milliseconds.</summary>
    public static (LinearGraphQLClient Client, RunMetrics Metrics) Client(ScriptedHandler handler, int? retries = null)
    {
        var metrics = new RunMetrics();
        var options = new LinearOptions
        {
            Endpoint = "http://127.0.0.1:1/graphql", ApiKey = "lin_api_test",
            RateLimitDelay = TimeSpan.FromMilliseconds(1), MaxRateLimitDelay = TimeSpan.FromMilliseconds(5),
        };
        if (retries is { } r) options.MaxRateLimitRetries = r;
        return (new LinearGraphQLClient(new HttpClient(handler), Options.Create(options), TimeProvider.System, metrics, NullLogger<LinearGraphQLClient>.Instance), metrics);
    }
}
