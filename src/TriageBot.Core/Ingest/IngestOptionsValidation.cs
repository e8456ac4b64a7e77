using Microsoft.Extensions.Options;
using TriageBot.Clients.Slack;
using TriageBot.Clients.X;
using TriageBot.Ingest.GitHub;

namespace TriageBot.Ingest;

// Start-up checks whose messages name the setting, so a bad configuration is one clear line.

internal sealed class SlackOptionsValidation : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions o)
    {
        var errors = new List<string>();
        if (!IngestValidation.IsHttpUrl(o.BaseUrl)) errors.Add("Slack:BaseUrl must be an absolute http(s) URL");
        if (!string.IsNullOrEmpty(o.WorkspaceUrl) && !IngestValidation.IsHttpUrl(o.WorkspaceUrl)) errors.Add("Slack:WorkspaceUrl must be an absolute http(s) URL such as https://acme.slack.com");
        if (o.Budget.Preset is not ("Tier3" or "NonMarketplace" or "Unlimited")) errors.Add("Slack:Budget:Preset must be Tier3, NonMarketplace or Unlimited");
        if (o.Budget.PageSize is < 1 or > 1000) errors.Add("Slack:Budget:PageSize must be between 1 and 1000");
        if (o.Budget.MaxWait < TimeSpan.Zero) errors.Add("Slack:Budget:MaxWait must not be negative");
        if (o.Enabled)
        {
            if (string.IsNullOrWhiteSpace(o.Token)) errors.Add("Slack:Token is required when Slack:Enabled is true");
            else if (!o.Token.StartsWith("xoxb-", StringComparison.Ordinal) && !o.Token.StartsWith("xoxp-", StringComparison.Ordinal))
                errors.Add("Slack:Token must be a bot token (xoxb-…) or a user token (xoxp-…)");
        }
        IngestValidation.CheckHttp("Slack", o.Http, errors);
        return IngestValidation.Result(errors);
    }
}

internal sealed class GitHubOptionsValidation : IValidateOptions<GitHubOptions>
{
    public ValidateOptionsResult Validate(string? name, GitHubOptions o)
    {
        var errors = new List<string>();
        if (!IngestValidation.IsHttpUrl(o.BaseUrl)) errors.Add("GitHub:BaseUrl must be an absolute http(s) URL");
        if (o.Enabled)
        {
            if (string.IsNullOrWhiteSpace(o.Token)) errors.Add("GitHub:Token is required when GitHub:Enabled is true");
            if (o.Repositories.Count == 0) errors.Add("GitHub:Repositories needs at least one owner/name when GitHub:Enabled is true");
            foreach (var r in o.Repositories)
            {
                var parts = r.Trim().Split('/');
                if (parts.Length != 2 || parts.Any(p => p.Length == 0)) errors.Add($"GitHub:Repositories entry '{r}' must be owner/name");
            }
        }
        IngestValidation.CheckHttp("GitHub", o.Http, errors);
        return IngestValidation.Result(errors);
    }
}

internal sealed class XOptionsValidation : IValidateOptions<XOptions>
{
    public ValidateOptionsResult Validate(string? name, XOptions o)
    {
        var errors = new List<string>();
        if (!IngestValidation.IsHttpUrl(o.BaseUrl)) errors.Add("X:BaseUrl must be an absolute http(s) URL");
        if (o.Enabled)
        {
            if (string.IsNullOrWhiteSpace(o.BearerToken)) errors.Add("X:BearerToken is required when X:Enabled is true");
            if (o.Queries.Count == 0) errors.Add("X:Queries needs at least one { Name, Query } when X:Enabled is true");
        }
        foreach (var q in o.Queries)
        {
            if (string.IsNullOrWhiteSpace(q.Name)) errors.Add("X:Queries: every query needs a Name");
            if (string.IsNullOrWhiteSpace(q.Query) || q.Query.Length > 512) errors.Add($"X:Queries '{q.Name}': Query must have 1 to 512 characters");
        }
        foreach (var dup in o.Queries.GroupBy(q => q.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
            errors.Add($"X:Queries: the Name '{dup.Key}' is used twice (it keys the query's cursor)");
        IngestValidation.CheckHttp("X", o.Http, errors);
        return IngestValidation.Result(errors);
    }
}

internal static class IngestValidation
{
    public static bool IsHttpUrl(string? s) =>
        Uri.TryCreate(s, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps);

    public static void CheckHttp(string section, Resilience.ServiceHttpOptions h, List<string> errors)
    {
        if (h.MaxRetries is < 0 or > 10) errors.Add($"{section}:Http:MaxRetries must be between 0 and 10");
        if (h.AttemptTimeout <= TimeSpan.Zero) errors.Add($"{section}:Http:AttemptTimeout must be positive");
        if (h.TotalTimeout < h.AttemptTimeout) errors.Add($"{section}:Http:TotalTimeout must be at least Http:AttemptTimeout");
        if (h.BaseDelay < TimeSpan.Zero) errors.Add($"{section}:Http:BaseDelay must not be negative");
    }

    public static ValidateOptionsResult Result(List<string> errors) =>
        errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
}
