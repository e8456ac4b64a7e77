using Microsoft.Extensions.Options;
using TriageBot.Clients.Linear;
using TriageBot.Domain;

namespace TriageBot.Tickets;

/// <summary>
/// Teams, labels and projects of the Linear workspace, read once and kept for a few minutes (a run
/// needs them for every theme), plus the routing rules that pick a team for a theme.
/// </summary>
public sealed class LinearWorkspace(LinearGraphQLClient client, IOptions<LinearOptions> options, TimeProvider time) : ILabelSource
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Snapshot? _snapshot;

    private sealed record Snapshot(IReadOnlyList<LinearTeam> Teams, List<LinearLabel> Labels, IReadOnlyList<LinearProject> Projects, DateTimeOffset LoadedAt);

    private async Task<Snapshot> GetAsync(CancellationToken ct)
    {
        if (_snapshot is { } s && time.GetUtcNow() - s.LoadedAt < Lifetime) return s;
        await _gate.WaitAsync(ct);
        try
        {
            if (_snapshot is { } again && time.GetUtcNow() - again.LoadedAt < Lifetime) return again;
            var teams = await client.GetTeamsAsync(ct);
            var labels = await client.GetLabelsAsync(ct);
            var projects = await client.GetProjectsAsync(ct);
            return _snapshot = new Snapshot(teams, [.. labels], projects, time.GetUtcNow());
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The team for these items: the route matching most of them, else the default team.</summary>
    public async Task<LinearTeam> ResolveTeamAsync(IReadOnlyList<FeedbackItem> items, CancellationToken ct)
    {
        var snapshot = await GetAsync(ct);
        var routes = options.Value.Routes;
        var routed = items
            .Select(i => routes.FirstOrDefault(r => Matches(r.Match, i.Location))?.Team)
            .Where(t => t is not null)
            .GroupBy(t => t!, StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)
            .FirstOrDefault();
        var wanted = routed ?? options.Value.DefaultTeam;
        if (wanted is null)
        {
            return snapshot.Teams.Count == 1
                ? snapshot.Teams[0]
                : throw new InvalidOperationException("Linear:DefaultTeam is required when the workspace has several teams and no Linear:Routes entry matches.");
        }
        return FindTeam(snapshot, wanted)
            ?? throw new InvalidOperationException($"Linear team '{wanted}' (from Linear:{(routed is null ? "DefaultTeam" : "Routes")}) does not exist in the workspace.");
    }

    private static bool Matches(string match, string location)
    {
        var m = match.Trim().TrimStart('#');
        return string.Equals(m, location, StringComparison.OrdinalIgnoreCase);
    }

    private static LinearTeam? FindTeam(Snapshot s, string keyOrId) =>
        s.Teams.FirstOrDefault(t => t.Id == keyOrId)
        ?? s.Teams.FirstOrDefault(t => string.Equals(t.Key, keyOrId, StringComparison.OrdinalIgnoreCase))
        ?? s.Teams.FirstOrDefault(t => string.Equals(t.Name, keyOrId, StringComparison.OrdinalIgnoreCase));

    /// <summary>Label ids for <paramref name="names"/> in the team (or workspace-wide), creating missing ones only when configured.</summary>
    public async Task<(IReadOnlyList<string> Ids, IReadOnlyList<string> Created)> ResolveLabelsAsync(LinearTeam team, IReadOnlyList<string> names, CancellationToken ct)
    {
        var snapshot = await GetAsync(ct);
        var ids = new List<string>();
        var created = new List<string>();
        foreach (var name in names.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            LinearLabel? label;
            lock (snapshot.Labels)
            {
                label = snapshot.Labels.FirstOrDefault(l => l.TeamId == team.Id && string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase))
                    ?? snapshot.Labels.FirstOrDefault(l => l.TeamId is null && string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase));
            }
            if (label is null && options.Value.CreateMissingLabels)
            {
                label = await client.CreateLabelAsync(team.Id, name, ct);
                lock (snapshot.Labels) snapshot.Labels.Add(label);
                created.Add(name);
            }
            if (label is not null) ids.Add(label.Id);
        }
        return (ids, created);
    }

    /// <summary>The project a goal is linked to (<c>Goals[].LinearProject</c>, by id or name), if it exists.</summary>
    public async Task<LinearProject?> ResolveProjectAsync(Goal? goal, CancellationToken ct)
    {
        if (goal?.LinearProjectId is not { Length: > 0 } wanted) return null;
        var snapshot = await GetAsync(ct);
        return snapshot.Projects.FirstOrDefault(p => p.Id == wanted)
            ?? snapshot.Projects.FirstOrDefault(p => string.Equals(p.Name, wanted, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Label names the agent may choose from: the default team's and workspace-wide labels.</summary>
    public async Task<IReadOnlyList<string>> GetLabelNamesAsync(CancellationToken ct)
    {
        var snapshot = await GetAsync(ct);
        var team = options.Value.DefaultTeam is { } d ? FindTeam(snapshot, d) : snapshot.Teams.Count == 1 ? snapshot.Teams[0] : null;
        lock (snapshot.Labels)
        {
            return snapshot.Labels
                .Where(l => team is null || l.TeamId is null || l.TeamId == team.Id)
                .Select(l => l.Name).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        }
    }
}
