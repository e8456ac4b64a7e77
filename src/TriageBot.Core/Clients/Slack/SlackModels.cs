using System.Text.Json.Serialization;

namespace TriageBot.Clients.Slack;

// Wire shapes of the Web API methods we call. Property names map through snake_case.

public sealed record SlackMessage
{
    public string Ts { get; init; } = "";
    public string? ThreadTs { get; init; }
    public string? User { get; init; }
    public string? BotId { get; init; }
    public string? Subtype { get; init; }
    public string Text { get; init; } = "";
    public int ReplyCount { get; init; }
    public string? LatestReply { get; init; }
    public IReadOnlyList<SlackReaction>? Reactions { get; init; }

    [JsonIgnore]
    public int ReactionTotal => Reactions?.Sum(r => r.Count) ?? 0;

    [JsonIgnore]
    public bool IsThreadReply => ThreadTs is not null && ThreadTs != Ts;
}

public sealed record SlackReaction(string Name, int Count);

public sealed record SlackChannel
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public bool IsMember { get; init; }
    public bool IsArchived { get; init; }
    public bool IsPrivate { get; init; }
}

public sealed record SlackUserProfile
{
    public string? DisplayName { get; init; }
    public string? RealName { get; init; }
}

public sealed record SlackUser
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public string? RealName { get; init; }
    public bool IsBot { get; init; }
    public bool Deleted { get; init; }
    public SlackUserProfile? Profile { get; init; }
}

/// <summary>One page of a cursor-paginated method; an empty <see cref="NextCursor"/> ends the walk.</summary>
public sealed record SlackPage<T>(IReadOnlyList<T> Items, string? NextCursor, bool HasMore)
{
    public bool IsLast => string.IsNullOrEmpty(NextCursor);
}

public sealed record SlackPostResult(string Channel, string Ts);

/// <summary>Slack answered <c>ok:false</c> (HTTP 200) or 429 after retries; <see cref="Error"/> is Slack's code.</summary>
public class SlackApiException(string method, string error, TimeSpan? retryAfter = null)
    : Exception($"Slack {method} failed: {error}")
{
    public string Method { get; } = method;
    public string Error { get; } = error;

    /// <summary>Set when Slack rate-limited the call (error "ratelimited").</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
