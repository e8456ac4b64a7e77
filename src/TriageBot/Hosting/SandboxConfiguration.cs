using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using TriageBot.Sandbox;

namespace TriageBot.Hosting;

/// <summary>
/// The configuration that points every client at a running sandbox, with credentials it accepts:
/// the same keys a real deployment sets, so switching to the real services is configuration only.
/// </summary>
public static class SandboxConfiguration
{
    /// <summary>The channel the digest is posted to; the sandbox accepts posts to it like any channel.</summary>
    public const string DigestChannel = "triagebot-digest";

    public static Dictionary<string, string?> For(SandboxHost sandbox, Scenario scenario)
    {
        var c = sandbox.Credentials;
        var s = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Slack:Enabled"] = (scenario.Slack is { Channels.Count: > 0 }).ToString(),
            ["Slack:BaseUrl"] = sandbox.SlackApiUrl.ToString(),
            ["Slack:Token"] = c.SlackBotToken,
            ["Slack:WorkspaceUrl"] = $"https://{WorkspaceFor(scenario)}.slack.com",
            // The sandbox enforces no limits unless asked to; a real workspace wants Tier3 or NonMarketplace.
            ["Slack:Budget:Preset"] = "Unlimited",
            ["Slack:DigestChannel"] = DigestChannel,
            ["Digest:SlackChannel"] = DigestChannel,
            ["GitHub:Enabled"] = (scenario.GitHub is { Repos.Count: > 0 }).ToString(),
            ["GitHub:BaseUrl"] = sandbox.GitHubApiUrl.ToString(),
            ["GitHub:Token"] = c.GitHubToken,
            ["X:Enabled"] = (scenario.X is { Posts.Count: > 0 }).ToString(),
            ["X:BaseUrl"] = sandbox.XApiUrl.ToString(),
            ["X:BearerToken"] = c.XBearerToken,
            // The caps bound what a real X bill can reach; the sandbox bills nothing, and a capped first run would leave
            // a large scenario's oldest posts for a second run that a demo never makes.
            ["X:MaxPostsPerRun"] = "0",
            ["X:MaxPostsPerDay"] = "0",
            ["Linear:Endpoint"] = sandbox.LinearGraphQLUrl.ToString(),
            ["Linear:ApiKey"] = c.LinearApiKey,
            ["Agent:Provider"] = "Offline",
        };
        var channels = (scenario.Slack?.Channels ?? []).Where(ch => ch.Name != DigestChannel).ToList();
        for (var i = 0; i < channels.Count; i++)
            s[$"Slack:Channels:{i}"] = channels[i].Id;

        var repos = scenario.GitHub?.Repos ?? [];
        for (var i = 0; i < repos.Count; i++)
            s[$"GitHub:Repositories:{i}"] = $"{repos[i].Owner}/{repos[i].Name}";

        // A scenario holds what the team's X search returns; one query stands for that search.
        s["X:Queries:0:Name"] = "mentions";
        s["X:Queries:0:Query"] = $"{Slug(scenario.Name)} -is:retweet";

        if (scenario.Linear?.Teams is { Count: > 0 } teams)
            s["Linear:DefaultTeam"] = teams[0].Key;

        var goals = scenario.Goals ?? [];
        for (var i = 0; i < goals.Count; i++)
        {
            s[$"Goals:{i}:Id"] = goals[i].Id;
            s[$"Goals:{i}:Title"] = goals[i].Title;
            s[$"Goals:{i}:Description"] = goals[i].Description;
            s[$"Goals:{i}:Starts"] = goals[i].Starts.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            s[$"Goals:{i}:Ends"] = goals[i].Ends.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        return s;
    }

    /// <summary>The same settings as a JSON configuration file, for <c>sandbox --write-config</c>.</summary>
    public static string ToJson(IReadOnlyDictionary<string, string?> settings)
    {
        var root = new JsonObject();
        foreach (var (key, value) in settings.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var parts = key.Split(':');
            JsonNode node = root;
            for (var i = 0; i < parts.Length - 1; i++)
            {
                var isIndex = int.TryParse(parts[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out _);
                node = Child(node, parts[i], () => isIndex ? new JsonArray() : new JsonObject());
            }
            Set(node, parts[^1], value);
        }
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static JsonNode Child(JsonNode parent, string key, Func<JsonNode> make)
    {
        if (parent is JsonArray array)
        {
            var index = int.Parse(key, CultureInfo.InvariantCulture);
            while (array.Count <= index) array.Add(make());
            return array[index]!;
        }
        var obj = parent.AsObject();
        if (obj[key] is null) obj[key] = make();
        return obj[key]!;
    }

    private static void Set(JsonNode parent, string key, string? value)
    {
        JsonNode? v = value is null ? null
            : bool.TryParse(value, out var b) ? JsonValue.Create(b)
            : JsonValue.Create(value);
        if (parent is JsonArray array)
        {
            var index = int.Parse(key, CultureInfo.InvariantCulture);
            while (array.Count <= index) array.Add(null);
            array[index] = v;
        }
        else parent.AsObject()[key] = v;
    }

    /// <summary>The Slack workspace name the sandbox should use for a scenario, so its permalinks match ours.</summary>
    public static string WorkspaceFor(Scenario scenario) => Slug(scenario.Name);

    /// <summary>
    /// Gives the scenario's workspace a channel for the digest (as a team would create one), so the
    /// digest is posted where people read it and not into a feedback channel.
    /// </summary>
    public static Scenario WithDigestChannel(Scenario scenario)
    {
        if (scenario.Slack is { } slack && slack.Channels.All(ch => ch.Name != DigestChannel))
            slack.Channels.Add(new ScenarioSlackChannel { Id = "CDIGEST0001", Name = DigestChannel });
        return scenario;
    }

    /// <summary>
    /// Sandbox options for serving <paramref name="scenario"/> on <paramref name="port"/>. A scenario's
    /// X posts are what the team's search returned over its whole span (up to 14 days), as if the bot
    /// had been polling all along, so every query sees them all and the 7-day window is off.
    /// </summary>
    public static SandboxOptions OptionsFor(Scenario scenario, int port, TimeProvider? clock = null) => new()
    {
        Port = port,
        TimeProvider = clock,
        SlackWorkspace = WorkspaceFor(scenario),
        XQueriesMatchAll = true,
        XSearchWindow = null,
    };

    private static string Slug(string name)
    {
        var slug = new string(name.ToLowerInvariant().Select(ch => char.IsAsciiLetterOrDigit(ch) ? ch : '-').ToArray()).Trim('-');
        return slug.Length == 0 ? "sandbox" : slug;
    }
}
