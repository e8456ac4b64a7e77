using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace TriageBot.Sandbox;

/// <summary>
/// The middleware in front of every service: request log (outermost), faults, credentials, rate limits.
/// The admin endpoints under /_sandbox/ pass through untouched.
/// </summary>
internal sealed class SandboxPipeline(SandboxServices services)
{
    private static readonly string[] Services = ["slack", "github", "x", "linear", "openai"];

    /// <summary>Where Octokit sends GitHub requests for a base that is not github.com (GitHub Enterprise Server's path).</summary>
    public const string GitHubEnterprisePrefix = "/api/v3";

    public static string? ServiceOf(PathString path)
    {
        // Octokit resolves "/api/v3/" against a non-github.com base, which drops the base's own path (/github/).
        if (path.StartsWithSegments(GitHubEnterprisePrefix, StringComparison.OrdinalIgnoreCase)) return "github";
        foreach (var s in Services)
            if (path.StartsWithSegments("/" + s, StringComparison.OrdinalIgnoreCase)) return s;
        return null;
    }

    public static string OperationOf(string service, PathString path)
    {
        if (path.StartsWithSegments(GitHubEnterprisePrefix, StringComparison.OrdinalIgnoreCase))
            return (path.Value ?? "")[GitHubEnterprisePrefix.Length..].TrimStart('/');
        var rest = (path.Value ?? "")[(service.Length + 1)..].TrimStart('/');
        if (service == "slack" && rest.StartsWith("api/", StringComparison.Ordinal)) rest = rest[4..];
        if (service == "github" && rest.StartsWith("api/v3/", StringComparison.Ordinal)) rest = rest[7..];
        return rest;
    }

    public async Task InvokeAsync(HttpContext ctx, RequestDelegate next)
    {
        var service = ServiceOf(ctx.Request.Path);
        if (service is null)
        {
            await next(ctx);
            return;
        }
        var operation = OperationOf(service, ctx.Request.Path);
        FaultKind? fault = null;
        try
        {
            fault = await ServeAsync(ctx, next, service, operation);
        }
        finally
        {
            if (ctx.Items.TryGetValue(RequestLog.OperationItem, out var named) && named is string name) operation = name;
            services.RequestLog.Add(new RequestLogEntry(
                services.Clock.GetUtcNow(), service, ctx.Request.Method, ctx.Request.Path.Value ?? "",
                ctx.Request.QueryString.Value ?? "", operation, ctx.Response.StatusCode, fault));
        }
    }

    private async Task<FaultKind?> ServeAsync(HttpContext ctx, RequestDelegate next, string service, string operation)
    {
        var rule = services.Faults.Next(service, ctx.Request.Path.Value ?? "");
        switch (rule?.Kind)
        {
            case FaultKind.RateLimit:
                await ServiceErrors.WriteRateLimitAsync(ctx, service, services.Clock.GetUtcNow(), rule.RetryAfterSeconds, rule.Status);
                return rule.Kind;
            case FaultKind.ServerError:
                await ServiceErrors.WriteServerErrorAsync(ctx, service, rule.Status);
                return rule.Kind;
            case FaultKind.Malformed:
                await ServiceErrors.WriteMalformedAsync(ctx);
                return rule.Kind;
            case FaultKind.Timeout:
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(rule.DelaySeconds), services.Clock, ctx.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return rule.Kind; // the client gave up, as intended
                }
                break;
        }

        var token = await CredentialOf(ctx, service);
        if (string.IsNullOrEmpty(token) || !Accepts(service, token))
        {
            await ServiceErrors.WriteAuthErrorAsync(ctx, service, string.IsNullOrEmpty(token));
            return rule?.Kind;
        }

        var decision = services.RateLimits.Acquire(service, operation);
        AddQuotaHeaders(ctx, service, decision);
        if (!decision.Allowed)
        {
            var wait = (int)Math.Ceiling((decision.Reset - services.Clock.GetUtcNow()).TotalSeconds);
            await ServiceErrors.WriteRateLimitAsync(ctx, service, services.Clock.GetUtcNow(), Math.Max(wait, 1), null);
            return rule?.Kind;
        }

        await next(ctx);
        if (service == "github" && ctx.Response.StatusCode == StatusCodes.Status304NotModified)
            services.RateLimits.Refund(service, operation);
        return rule?.Kind;
    }

    private static void AddQuotaHeaders(HttpContext ctx, string service, RateLimitEnforcer.Decision d)
    {
        var reset = d.Reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var h = ctx.Response.Headers;
        if (service == "github")
        {
            h["x-ratelimit-limit"] = d.Limit.ToString(CultureInfo.InvariantCulture);
            h["x-ratelimit-remaining"] = d.Remaining.ToString(CultureInfo.InvariantCulture);
            h["x-ratelimit-used"] = (d.Limit - d.Remaining).ToString(CultureInfo.InvariantCulture);
            h["x-ratelimit-reset"] = reset;
            h["x-ratelimit-resource"] = "core";
        }
        else if (service == "x")
        {
            h["x-rate-limit-limit"] = d.Limit.ToString(CultureInfo.InvariantCulture);
            h["x-rate-limit-remaining"] = d.Remaining.ToString(CultureInfo.InvariantCulture);
            h["x-rate-limit-reset"] = reset;
        }
    }

    private bool Accepts(string service, string token)
    {
        var c = services.Credentials;
        return service switch
        {
            "slack" => token == c.SlackBotToken || token == c.SlackUserToken,
            "github" => token == c.GitHubToken,
            "x" => token == c.XBearerToken,
            "linear" => token == c.LinearApiKey,
            _ => token == c.OpenAIKey,
        };
    }

    private static async Task<string?> CredentialOf(HttpContext ctx, string service)
    {
        var header = ctx.Request.Headers.Authorization.ToString();
        var (scheme, value) = SplitAuthorization(header);
        switch (service)
        {
            case "slack":
                if (scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase)) return value;
                if (ctx.Request.Query.TryGetValue("token", out var q)) return q.ToString();
                if (ctx.Request.HasFormContentType)
                {
                    var form = await ctx.Request.ReadFormAsync(ctx.RequestAborted);
                    if (form.TryGetValue("token", out StringValues f)) return f.ToString();
                }
                return null;
            case "github":
                return scheme.Equals("token", StringComparison.OrdinalIgnoreCase) || scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase)
                    ? value : BasicPassword(scheme, value);
            case "linear":
                // A personal API key comes bare; an OAuth token with Bearer.
                return scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase) ? value : header.Trim();
            default:
                return scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase) ? value : null;
        }
    }

    private static (string Scheme, string Value) SplitAuthorization(string header)
    {
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? (header, "") : (header[..space], header[(space + 1)..].Trim());
    }

    // Octokit sends Basic when given login+password; treat the password as the token.
    private static string? BasicPassword(string scheme, string value)
    {
        if (!scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase)) return null;
        try
        {
            var decoded = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(value));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? null : decoded[(colon + 1)..];
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
