using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using TriageBot.Ingest.Resilience;

namespace TriageBot.Clients.Slack;

/// <summary>
/// A thin Slack Web API client (typed HttpClient). Reads are GETs with query parameters, so the resilience
/// pipeline may retry them; chat.postMessage and chat.update are POSTs and are only retried after a 429 (Slack refused them).
/// </summary>
public sealed partial class SlackWebClient(HttpClient http, IOptionsMonitor<SlackOptions> options, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        PropertyNameCaseInsensitive = true,
        // Generated metadata (names still from the policy above): a first read makes ~20,000 calls.
        TypeInfoResolver = WireJson.Default,
    };

    [JsonSerializable(typeof(ListResponse))]
    [JsonSerializable(typeof(MessagesResponse))]
    [JsonSerializable(typeof(UserResponse))]
    [JsonSerializable(typeof(PermalinkResponse))]
    [JsonSerializable(typeof(PostResponse))]
    private sealed partial class WireJson : JsonSerializerContext;

    // A malformed body on a read is re-asked this many times; the HTTP pipeline cannot see it (status 200).
    private const int MalformedReadAttempts = 3;

    public async Task<SlackPage<SlackChannel>> ListConversationsAsync(string? cursor, int limit, CancellationToken ct)
    {
        var r = await GetAsync<ListResponse>("conversations.list",
            [("types", "public_channel,private_channel"), ("exclude_archived", "true"), ("limit", Str(limit)), ("cursor", cursor)], ct);
        return new SlackPage<SlackChannel>(r.Channels ?? [], r.ResponseMetadata?.NextCursor, r.HasMore);
    }

    /// <summary>Top-level messages, newest first. <paramref name="oldest"/> and <paramref name="latest"/> are exclusive.</summary>
    public async Task<SlackPage<SlackMessage>> GetHistoryAsync(
        string channel, string? oldest, string? latest, string? cursor, int limit, CancellationToken ct)
    {
        var r = await GetAsync<MessagesResponse>("conversations.history",
            [("channel", channel), ("oldest", oldest), ("latest", latest), ("cursor", cursor), ("limit", Str(limit))], ct);
        return new SlackPage<SlackMessage>(r.Messages ?? [], r.ResponseMetadata?.NextCursor, r.HasMore);
    }

    /// <summary>A thread: the parent first (when inside the window), then replies oldest first.</summary>
    public async Task<SlackPage<SlackMessage>> GetRepliesAsync(
        string channel, string threadTs, string? oldest, string? cursor, int limit, CancellationToken ct)
    {
        var r = await GetAsync<MessagesResponse>("conversations.replies",
            [("channel", channel), ("ts", threadTs), ("oldest", oldest), ("cursor", cursor), ("limit", Str(limit))], ct);
        return new SlackPage<SlackMessage>(r.Messages ?? [], r.ResponseMetadata?.NextCursor, r.HasMore);
    }

    public async Task<SlackUser> GetUserAsync(string userId, CancellationToken ct)
    {
        var r = await GetAsync<UserResponse>("users.info", [("user", userId)], ct);
        return r.User ?? throw new SlackApiException("users.info", "user_not_found");
    }

    public async Task<string> GetPermalinkAsync(string channel, string messageTs, CancellationToken ct)
    {
        var r = await GetAsync<PermalinkResponse>("chat.getPermalink", [("channel", channel), ("message_ts", messageTs)], ct);
        return r.Permalink ?? throw new SlackApiException("chat.getPermalink", "no_permalink");
    }

    public Task<SlackPostResult> PostMessageAsync(string channel, string text, JsonArray? blocks, CancellationToken ct) =>
        WriteMessageAsync("chat.postMessage", new JsonObject { ["channel"] = channel, ["text"] = text }, blocks, ct);

    /// <summary>
    /// Replaces the text and blocks of a message the bot posted (chat.update; <paramref name="channelId"/> must be the id,
    /// not a name). Slack answers <c>message_not_found</c> once someone deleted it.
    /// </summary>
    public Task<SlackPostResult> UpdateMessageAsync(string channelId, string ts, string text, JsonArray? blocks, CancellationToken ct) =>
        WriteMessageAsync("chat.update", new JsonObject { ["channel"] = channelId, ["ts"] = ts, ["text"] = text }, blocks, ct);

    private async Task<SlackPostResult> WriteMessageAsync(string method, JsonObject body, JsonArray? blocks, CancellationToken ct)
    {
        if (blocks is not null) body["blocks"] = blocks.DeepClone();
        using var request = new HttpRequestMessage(HttpMethod.Post, method)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        var r = await SendAsync<PostResponse>(method, request, ct);
        return new SlackPostResult(r.Channel ?? (string)body["channel"]!, r.Ts ?? "");
    }

    private async Task<T> GetAsync<T>(string method, (string Name, string? Value)[] query, CancellationToken ct) where T : SlackResponse
    {
        var sb = new StringBuilder(method);
        var first = true;
        foreach (var (name, value) in query)
        {
            if (string.IsNullOrEmpty(value)) continue;
            sb.Append(first ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
            first = false;
        }
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, sb.ToString());
            try
            {
                return await SendAsync<T>(method, request, ct);
            }
            catch (JsonException) when (attempt < MalformedReadAttempts)
            {
                // A truncated or garbled body: the read is idempotent, ask again.
            }
        }
    }

    private async Task<T> SendAsync<T>(string method, HttpRequestMessage request, CancellationToken ct) where T : SlackResponse
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.CurrentValue.Token);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            throw new SlackApiException(method, "ratelimited",
                RateLimitHeaders.RequestedDelay(response, time.GetUtcNow()) ?? TimeSpan.FromMinutes(1));
        }
        response.EnsureSuccessStatusCode();
        var result = await response.Content.ReadFromJsonAsync<T>(Json, ct)
            ?? throw new JsonException($"Slack {method}: empty body");
        if (!result.Ok) throw new SlackApiException(method, result.Error ?? "unknown_error");
        return result;
    }

    private static string Str(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private class SlackResponse
    {
        public bool Ok { get; init; }
        public string? Error { get; init; }
        public bool HasMore { get; init; }
        public ResponseMetadata? ResponseMetadata { get; init; }
    }

    private sealed class ResponseMetadata
    {
        public string? NextCursor { get; init; }
    }

    private sealed class ListResponse : SlackResponse
    {
        public List<SlackChannel>? Channels { get; init; }
    }

    private sealed class MessagesResponse : SlackResponse
    {
        public List<SlackMessage>? Messages { get; init; }
    }

    private sealed class UserResponse : SlackResponse
    {
        public SlackUser? User { get; init; }
    }

    private sealed class PermalinkResponse : SlackResponse
    {
        public string? Permalink { get; init; }
    }

    private sealed class PostResponse : SlackResponse
    {
        public string? Channel { get; init; }
        public string? Ts { get; init; }
    }
}
