using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TriageBot.Diagnostics;

namespace TriageBot.Clients.Linear;

/// <summary>The data of a GraphQL answer plus any errors that came with it (a partial failure).</summary>
public sealed record LinearResult(JsonElement Data, IReadOnlyList<LinearError> Errors);

/// <summary>
/// A thin Linear GraphQL client over HttpClient. Knows the wire: the API key header (no "Bearer"
/// for personal keys), RATELIMITED arriving as HTTP 400 (retried after a bounded wait: Linear
/// rejected the request, so even a mutation is safe to resend), partial errors arriving as 200
/// with data and errors (returned and logged). Server errors are retried for queries only: a
/// mutation that may have happened is left to the caller to reconcile.
/// </summary>
public sealed partial class LinearGraphQLClient(HttpClient http, IOptions<LinearOptions> options, TimeProvider time, RunMetrics metrics, ILogger<LinearGraphQLClient> logger)
{
    private const int QueryServerErrorRetries = 2;
    private readonly LinearOptions _options = options.Value;

    /// <summary>
    /// Sends one document. <paramref name="idempotent"/>: the mutation may be resent after a server error or timeout
    /// (attachmentCreate is: the same URL on the same issue updates the first attachment).
    /// </summary>
    public async Task<LinearResult> SendAsync(string document, JsonObject? variables, CancellationToken ct, bool idempotent = false)
    {
        var mustNotResend = !idempotent && document.TrimStart().StartsWith("mutation", StringComparison.Ordinal);
        var body = new JsonObject { ["query"] = document, ["variables"] = variables ?? new JsonObject() }.ToJsonString();
        var rateLimited = 0;
        var serverErrors = 0;
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, _options.Endpoint)
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            request.Headers.TryAddWithoutValidation("Authorization", AuthorizationValue());
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, ct);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                if (!mustNotResend && serverErrors++ < QueryServerErrorRetries)
                {
                    logger.LogWarning("Linear query failed ({Error}); retrying", ex.Message);
                    continue;
                }
                throw new LinearApiException("Linear request failed: " + ex.Message, [], null, ex);
            }

            using (response)
            {
                var text = await response.Content.ReadAsStringAsync(ct);
                var (data, errors) = Parse(text);
                if (errors.Any(e => e.Code == "RATELIMITED") || response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    metrics.Add("linear.ratelimited");
                    if (rateLimited++ >= _options.MaxRateLimitRetries)
                    {
                        throw new LinearApiException("Linear rate limit: still limited after " + _options.MaxRateLimitRetries + " retries", errors, (int)response.StatusCode);
                    }
                    var delay = RateLimitDelay(response);
                    logger.LogWarning("Linear rate limited; retrying in {Delay}", delay);
                    await Task.Delay(delay, time, ct);
                    continue;
                }
                if ((int)response.StatusCode >= 500)
                {
                    if (!mustNotResend && serverErrors++ < QueryServerErrorRetries)
                    {
                        logger.LogWarning("Linear answered {Status}; retrying the query", (int)response.StatusCode);
                        continue;
                    }
                    throw new LinearApiException($"Linear answered HTTP {(int)response.StatusCode}", errors, (int)response.StatusCode);
                }
                if (data is null)
                {
                    var reason = errors.Count > 0 ? string.Join("; ", errors.Select(e => e.Message)) : $"HTTP {(int)response.StatusCode} without data";
                    throw new LinearApiException("Linear request failed: " + reason, errors, (int)response.StatusCode);
                }
                if (errors.Count > 0)
                {
                    metrics.Add("linear.partial_errors");
                    logger.LogWarning("Linear answered with partial errors: {Errors}", string.Join("; ", errors.Select(e => e.Message)));
                }
                return new LinearResult(data.Value, errors);
            }
        }
    }

    private string AuthorizationValue()
    {
        var key = _options.ApiKey ?? "";
        // Personal keys go bare; OAuth tokens carry their scheme already.
        return key;
    }

    private TimeSpan RateLimitDelay(HttpResponseMessage response)
    {
        var delay = _options.RateLimitDelay;
        if (response.Headers.RetryAfter?.Delta is { } delta) delay = delta;
        else if (TryHeader(response, "X-RateLimit-Requests-Reset", out var resetMs))
        {
            var wait = DateTimeOffset.FromUnixTimeMilliseconds(resetMs) - time.GetUtcNow();
            if (wait > TimeSpan.Zero) delay = wait;
        }
        if (delay > _options.MaxRateLimitDelay) delay = _options.MaxRateLimitDelay;
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }

    private static bool TryHeader(HttpResponseMessage response, string name, out long value)
    {
        value = 0;
        return response.Headers.TryGetValues(name, out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }

    private static (JsonElement? Data, List<LinearError> Errors) Parse(string text)
    {
        var errors = new List<LinearError>();
        if (string.IsNullOrWhiteSpace(text)) return (null, errors);
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(text).RootElement;
        }
        catch (JsonException)
        {
            errors.Add(new LinearError("malformed response body", null, null));
            return (null, errors);
        }
        if (root.ValueKind != JsonValueKind.Object) return (null, errors);
        if (root.TryGetProperty("errors", out var errs) && errs.ValueKind == JsonValueKind.Array)
        {
            foreach (var e in errs.EnumerateArray())
            {
                var message = e.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "";
                string? code = null;
                if (e.TryGetProperty("extensions", out var ext) && ext.ValueKind == JsonValueKind.Object && ext.TryGetProperty("code", out var c))
                {
                    code = c.GetString();
                }
                var path = e.TryGetProperty("path", out var p) && p.ValueKind == JsonValueKind.Array
                    ? p.EnumerateArray().Select(x => x.ToString()).ToList()
                    : null;
                errors.Add(new LinearError(message, code, path));
            }
        }
        JsonElement? data = root.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : null;
        return (data, errors);
    }
}
