using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace TriageBot.Sandbox;

/// <summary>X API v2 recent search: GET /x/2/tweets/search/recent. Credentials are checked by the pipeline.</summary>
internal static class XEndpoints
{
    public static void MapX(this IEndpointRouteBuilder app, SandboxServices services)
    {
        app.MapGet("/x/2/tweets/search/recent", (HttpRequest request) =>
        {
            lock (services.State.Sync)
            {
                return Search(services, request.Query);
            }
        });
    }

    private static IResult Search(SandboxServices services, IQueryCollection q)
    {
        var query = q["query"].ToString();
        if (query.Length == 0) return Invalid("query", "The `query` query parameter can not be empty");
        if (query.Length > 512) return Invalid("query", $"The `query` query parameter value [{query[..20]}...] is not valid: longer than 512 characters");
        XQuery matcher;
        try
        {
            matcher = XQuery.Parse(query);
        }
        catch (FormatException e)
        {
            return Invalid("query", $"There were errors processing your request: {e.Message}");
        }
        var maxResults = 10;
        if (q.ContainsKey("max_results")
            && (!int.TryParse(q["max_results"], CultureInfo.InvariantCulture, out maxResults) || maxResults is < 10 or > 100))
            return Invalid("max_results", $"The `max_results` query parameter value [{q["max_results"]}] is not between 10 and 100");
        if (!TryId(q, "since_id", out var sinceId) || !TryId(q, "until_id", out var untilId)) return Invalid("since_id", "The id is not valid");
        if (!TryTime(q, "start_time", out var startTime)) return Invalid("start_time", "Invalid 'start_time'");
        if (!TryTime(q, "end_time", out var endTime)) return Invalid("end_time", "Invalid 'end_time'");
        long? from = null;
        if (q["next_token"].ToString() is { Length: > 0 } token)
        {
            if (!TryDecodeToken(token, out var next)) return Invalid("next_token", $"The `next_token` query parameter value [{token}] is not valid");
            from = next;
        }

        var now = services.Clock.GetUtcNow();
        var window = services.Options.XSearchWindow;
        var earliest = window is { } w ? now - w : DateTimeOffset.MinValue;
        if (startTime is { } st && st > earliest) earliest = st;

        var posts = services.State.X.Posts;
        var users = services.State.X.Users;
        var hi = posts.Count - 1;
        if (from is { } f) hi = Math.Min(hi, Upper(posts, f));
        if (untilId is { } u) hi = Math.Min(hi, Upper(posts, u - 1));
        var page = new List<XPostState>(maxResults);
        string? nextToken = null;
        for (var i = hi; i >= 0; i--)
        {
            var post = posts[i];
            if (sinceId is { } s && post.NumericId <= s) break;
            if (post.Post.CreatedAt < earliest) continue; // ids grow with time, but scenario files may not promise it
            if (endTime is { } et && post.Post.CreatedAt >= et) continue;
            if (!services.Options.XQueriesMatchAll && !matcher.Matches(post, users.GetValueOrDefault(post.Post.AuthorId))) continue;
            if (page.Count == maxResults)
            {
                nextToken = EncodeToken(post.NumericId);
                break;
            }
            page.Add(post);
        }
        return Respond(q, page, users, nextToken);
    }

    private static IResult Respond(IQueryCollection q, List<XPostState> page, Dictionary<string, ScenarioXUser> users, string? nextToken)
    {
        var tweetFields = Fields(q, "tweet.fields");
        var userFields = Fields(q, "user.fields");
        var body = new JsonObject();
        if (page.Count > 0)
        {
            body["data"] = new JsonArray([.. page.Select(p => (JsonNode)XPostJson.Post(p, tweetFields))]);
            if (Fields(q, "expansions").Contains("author_id"))
            {
                var authors = page.Select(p => p.Post.AuthorId).Distinct()
                    .Select(id => users.GetValueOrDefault(id)).OfType<ScenarioXUser>()
                    .Select(u => (JsonNode)XPostJson.User(u, userFields));
                body["includes"] = new JsonObject { ["users"] = new JsonArray([.. authors]) };
            }
        }
        var meta = new JsonObject();
        if (page.Count > 0)
        {
            meta["newest_id"] = page[0].Post.Id;
            meta["oldest_id"] = page[^1].Post.Id;
        }
        meta["result_count"] = page.Count;
        if (nextToken is not null) meta["next_token"] = nextToken;
        body["meta"] = meta;
        return Results.Content(body.ToJsonString(), "application/json; charset=utf-8");
    }

    private static HashSet<string> Fields(IQueryCollection q, string name) =>
        [.. q[name].ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>Index of the last post whose id is ≤ <paramref name="id"/>.</summary>
    private static int Upper(List<XPostState> posts, long id)
    {
        var i = XState.IndexOf(posts, id);
        return i >= 0 ? i : ~i - 1;
    }

    private static bool TryId(IQueryCollection q, string name, out long? id)
    {
        id = null;
        var text = q[name].ToString();
        if (text.Length == 0) return true;
        if (!long.TryParse(text, CultureInfo.InvariantCulture, out var v)) return false;
        id = v;
        return true;
    }

    private static bool TryTime(IQueryCollection q, string name, out DateTimeOffset? time)
    {
        time = null;
        var text = q[name].ToString();
        if (text.Length == 0) return true;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var v)) return false;
        time = v;
        return true;
    }

    private static string EncodeToken(long id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes("b26v89c19zqg8o3f" + id.ToString(CultureInfo.InvariantCulture))).TrimEnd('=');

    private static bool TryDecodeToken(string token, out long id)
    {
        id = 0;
        try
        {
            var padded = token + new string('=', (4 - token.Length % 4) % 4);
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(padded));
            return text.StartsWith("b26v89c19zqg8o3f", StringComparison.Ordinal)
                   && long.TryParse(text[16..], CultureInfo.InvariantCulture, out id);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static IResult Invalid(string parameter, string message) => Results.Content(new JsonObject
    {
        ["errors"] = new JsonArray(new JsonObject
        {
            ["parameters"] = new JsonObject { [parameter] = new JsonArray() },
            ["message"] = message,
        }),
        ["title"] = "Invalid Request",
        ["detail"] = "One or more parameters to your request was invalid.",
        ["type"] = "https://api.twitter.com/2/problems/invalid-request",
    }.ToJsonString(), "application/json; charset=utf-8", statusCode: 400);
}
