using System.Globalization;

namespace TriageBot.Sandbox;

/// <summary>Each service's own error answers: auth failures, rate limits, 5xx, malformed bodies.</summary>
internal static class ServiceErrors
{
    public static Task WriteAuthErrorAsync(HttpContext ctx, string service, bool missing) => service switch
    {
        "slack" => WriteJsonAsync(ctx, 200, new { ok = false, error = missing ? "not_authed" : "invalid_auth" }),
        "github" => WriteJsonAsync(ctx, 401, new
        {
            message = missing ? "Requires authentication" : "Bad credentials",
            documentation_url = "https://docs.github.com/rest",
            status = "401",
        }),
        "x" => WriteJsonAsync(ctx, 401, new { title = "Unauthorized", type = "about:blank", status = 401, detail = "Unauthorized" },
            "application/problem+json"),
        "linear" => WriteJsonAsync(ctx, missing ? 400 : 401, new
        {
            errors = new[]
            {
                new
                {
                    message = missing ? "Authentication required, not authenticated" : "Authentication failed: invalid API key",
                    extensions = new
                    {
                        code = "AUTHENTICATION_ERROR", type = "authentication error", userError = true,
                        userPresentableMessage = "You need to authenticate to access this operation.",
                    },
                },
            },
        }),
        _ => WriteJsonAsync(ctx, 401, new
        {
            error = new
            {
                message = missing
                    ? "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth."
                    : "Incorrect API key provided.",
                type = "invalid_request_error", param = (string?)null, code = missing ? null : "invalid_api_key",
            },
        }),
    };

    public static Task WriteRateLimitAsync(HttpContext ctx, string service, DateTimeOffset now, int retryAfterSeconds, int? status)
    {
        var reset = now.AddSeconds(Math.Max(retryAfterSeconds, 0));
        var resetEpoch = (long)Math.Ceiling(reset.ToUnixTimeMilliseconds() / 1000.0);
        var h = ctx.Response.Headers;
        var retryAfter = Math.Max(retryAfterSeconds, 0).ToString(CultureInfo.InvariantCulture);
        switch (service)
        {
            case "slack":
                h.RetryAfter = retryAfter;
                return WriteJsonAsync(ctx, 429, new { ok = false, error = "ratelimited" });
            case "github":
                h["x-ratelimit-limit"] = "5000";
                h["x-ratelimit-remaining"] = "0";
                h["x-ratelimit-used"] = "5000";
                h["x-ratelimit-reset"] = resetEpoch.ToString(CultureInfo.InvariantCulture);
                h["x-ratelimit-resource"] = "core";
                if (status == 429)
                {
                    h.RetryAfter = retryAfter;
                    return WriteJsonAsync(ctx, 429, new
                    {
                        message = "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
                        documentation_url = "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits",
                        status = "429",
                    });
                }
                return WriteJsonAsync(ctx, 403, new
                {
                    message = "API rate limit exceeded for user ID 1.",
                    documentation_url = "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api",
                    status = "403",
                });
            case "x":
                h["x-rate-limit-limit"] = "450";
                h["x-rate-limit-remaining"] = "0";
                h["x-rate-limit-reset"] = resetEpoch.ToString(CultureInfo.InvariantCulture);
                return WriteJsonAsync(ctx, 429, new { title = "Too Many Requests", detail = "Too Many Requests", type = "about:blank", status = 429 },
                    "application/problem+json");
            case "linear":
                h["X-RateLimit-Requests-Limit"] = "2500";
                h["X-RateLimit-Requests-Remaining"] = "0";
                h["X-RateLimit-Requests-Reset"] = reset.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
                return WriteJsonAsync(ctx, 400, new
                {
                    errors = new[]
                    {
                        new
                        {
                            message = "Rate limit exceeded",
                            extensions = new { code = "RATELIMITED", type = "ratelimited", userError = true, userPresentableMessage = "Rate limit exceeded." },
                        },
                    },
                });
            default:
                h.RetryAfter = retryAfter;
                h["x-ratelimit-reset-requests"] = retryAfter + "s";
                return WriteJsonAsync(ctx, 429, new
                {
                    error = new { message = "Rate limit reached for requests.", type = "requests", param = (string?)null, code = "rate_limit_exceeded" },
                });
        }
    }

    public static Task WriteServerErrorAsync(HttpContext ctx, string service, int? status)
    {
        var code = status is >= 500 and <= 599 ? status.Value : 503;
        return service switch
        {
            "github" => WriteJsonAsync(ctx, code, new { message = "Server Error" }),
            "openai" => WriteJsonAsync(ctx, code, new { error = new { message = "The server is overloaded.", type = "server_error", param = (string?)null, code = (string?)null } }),
            _ => WriteTextAsync(ctx, code, "Service Unavailable"),
        };
    }

    public static Task WriteMalformedAsync(HttpContext ctx) =>
        WriteTextAsync(ctx, 200, "{\"ok\":true,\"data\":[{\"id\":\"1\",\"text\":\"trunc", "application/json; charset=utf-8");

    public static async Task WriteJsonAsync(HttpContext ctx, int status, object body, string contentType = "application/json; charset=utf-8")
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = contentType;
        // Linear speaks camelCase GraphQL; the others answer in snake_case (the anonymous types already are).
        var options = IsLinear(ctx) ? System.Text.Json.JsonSerializerOptions.Web : SandboxJson.Options;
        await ctx.Response.WriteAsync(System.Text.Json.JsonSerializer.Serialize(body, options), ctx.RequestAborted);
    }

    private static bool IsLinear(HttpContext ctx) => ctx.Request.Path.StartsWithSegments("/linear", StringComparison.OrdinalIgnoreCase);

    private static async Task WriteTextAsync(HttpContext ctx, int status, string body, string contentType = "text/plain; charset=utf-8")
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = contentType;
        await ctx.Response.WriteAsync(body, ctx.RequestAborted);
    }
}
