namespace TriageBot.Clients.Linear;

public sealed record LinearTeam(string Id, string Key, string Name);

public sealed record LinearLabel(string Id, string Name, string? TeamId);

public sealed record LinearProject(string Id, string Name);

/// <summary>A workspace user; <see cref="App"/> marks an agent user (an integration such as Codex or GitHub Copilot).</summary>
public sealed record LinearUser(string Id, string Name, string DisplayName, bool App, bool Active);

public sealed record LinearIssue(string Id, string Identifier, string Url, string Title, string? Description, string StateName, string StateType, string? TeamId, string? TeamKey)
{
    /// <summary>Linear's state types: backlog, unstarted, started, completed, canceled (triage too).</summary>
    public bool IsClosed => StateType is "completed" or "canceled" or "cancelled";
}

/// <summary>An attachment; <see cref="CreatedByMe"/> when the API key's user made it (TriageBot), not a person or an integration.</summary>
public sealed record LinearAttachment(string Id, string Url, string Title, LinearIssue? Issue, bool CreatedByMe = false);

public sealed record LinearIssueCreate(
    string TeamId,
    string Title,
    string Description,
    int Priority,
    IReadOnlyList<string> LabelIds,
    string? ProjectId);

/// <summary>A GraphQL error as Linear reports it: message plus extensions.code (e.g. RATELIMITED).</summary>
public sealed record LinearError(string Message, string? Code, IReadOnlyList<string>? Path);

/// <summary>Linear answered with errors the call cannot recover from (or with no data at all).</summary>
public sealed class LinearApiException : Exception
{
    public LinearApiException(string message, IReadOnlyList<LinearError> errors, int? status = null, Exception? inner = null)
        : base(message, inner)
    {
        Errors = errors;
        Status = status;
    }

    public LinearApiException() : this("Linear request failed", []) { }
    public LinearApiException(string message) : this(message, []) { }
    public LinearApiException(string message, Exception inner) : this(message, [], null, inner) { }

    public IReadOnlyList<LinearError> Errors { get; }
    public int? Status { get; }
    public bool IsRateLimited => Errors.Any(e => e.Code == "RATELIMITED");
}
