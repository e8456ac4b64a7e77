using System.Collections.Concurrent;
using System.Text.Json;
using TriageBot.Storage;
using Microsoft.Extensions.Options;
using TriageBot.Clients.Slack;

namespace TriageBot.Ingest.Slack;

/// <summary>
/// Names of users and channels and the workspace's permalink prefix, fetched once and cached for the
/// process (users.info is a call per unknown user; mentions and authors repeat a lot).
/// </summary>
public sealed class SlackDirectory(SlackWebClient slack, SlackRequestBudget budget, ICursorStore cursors, IOptionsMonitor<SlackOptions> options)
{
    private readonly ConcurrentDictionary<string, SlackUser> _users = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _channelNames = new(StringComparer.Ordinal);
    // Channels are read in parallel and their messages share authors: one lookup per user, which every reader that meets
    // the user while it runs awaits (before, each asked users.info itself, and a run's call count varied with timing).
    private readonly ConcurrentDictionary<string, Lazy<Task<bool>>> _resolving = new(StringComparer.Ordinal);
    private string? _permalinkPrefix;

    public string? UserName(string id) => _users.TryGetValue(id, out var u) ? DisplayName(u) : null;
    public bool IsBot(string id) => _users.TryGetValue(id, out var u) && u.IsBot;
    public string? ChannelName(string id) => _channelNames.TryGetValue(id, out var n) ? n : null;

    public void RememberChannel(SlackChannel c) => _channelNames[c.Id] = c.Name;

    /// <summary>Fetches the users not yet known. False when the budget ran out (the caller stops cleanly).</summary>
    public async Task<bool> ResolveUsersAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            if (_users.ContainsKey(id)) continue;
            var resolving = _resolving.GetOrAdd(id, key => new Lazy<Task<bool>>(() => ResolveUserAsync(key, ct)));
            bool resolved;
            try
            {
                resolved = await resolving.Value;
            }
            finally
            {
                // Done either way: a user resolved is in _users, and one that failed is asked again by the next reader.
                _resolving.TryRemove(KeyValuePair.Create(id, resolving));
            }
            if (!resolved) return false;
        }
        return true;
    }

    private async Task<bool> ResolveUserAsync(string id, CancellationToken ct)
    {
        // Names survive the process in the cursor store: users.info is asked once per user, not once per run.
        if (await cursors.GetAsync("slack", "user:" + id, ct) is { Length: > 0 } saved
            && JsonSerializer.Deserialize<SlackUser>(saved) is { } known)
        {
            _users[id] = known;
            return true;
        }
        if (!await budget.TryAcquireAsync(SlackRequestBudget.Users, ct)) return false;
        try
        {
            var user = await slack.GetUserAsync(id, ct);
            _users[id] = user;
            await cursors.SetAsync("slack", "user:" + id,
                JsonSerializer.Serialize(new SlackUser { Id = user.Id, Name = DisplayName(user), RealName = user.RealName, IsBot = user.IsBot }), ct);
        }
        catch (SlackApiException e) when (e.Error is "user_not_found" or "users_not_found")
        {
            _users[id] = new SlackUser { Id = id, Name = id };
        }
        return true;
    }

    /// <summary>The message's link, derived from the workspace URL (asked once through chat.getPermalink when not configured).</summary>
    public async Task<string> PermalinkAsync(string channel, string ts, CancellationToken ct)
    {
        var prefix = _permalinkPrefix ??= NormalisePrefix(options.CurrentValue.WorkspaceUrl);
        if (prefix is null)
        {
            var link = await slack.GetPermalinkAsync(channel, ts, ct);
            var at = link.IndexOf("/archives/", StringComparison.Ordinal);
            if (at < 0) return link;
            prefix = _permalinkPrefix = link[..at] + "/archives/";
        }
        return $"{prefix}{channel}/p{ts.Replace(".", "", StringComparison.Ordinal)}";
    }

    private static string? NormalisePrefix(string? workspaceUrl) =>
        string.IsNullOrWhiteSpace(workspaceUrl) ? null : workspaceUrl.TrimEnd('/') + "/archives/";

    private static string DisplayName(SlackUser u) =>
        !string.IsNullOrEmpty(u.Name) ? u.Name
        : !string.IsNullOrEmpty(u.Profile?.DisplayName) ? u.Profile.DisplayName
        : u.RealName ?? u.Id;
}
