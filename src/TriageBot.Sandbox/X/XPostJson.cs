using System.Text.Json.Nodes;

namespace TriageBot.Sandbox;

/// <summary>Posts and users as X API v2 returns them: id and text always, the rest when asked for by *.fields.</summary>
internal static class XPostJson
{
    public static JsonObject Post(XPostState state, HashSet<string> fields)
    {
        var p = state.Post;
        var json = new JsonObject
        {
            ["id"] = p.Id,
            ["text"] = p.Text,
            ["edit_history_tweet_ids"] = new JsonArray(p.Id),
        };
        if (fields.Contains("created_at")) json["created_at"] = p.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        if (fields.Contains("author_id")) json["author_id"] = p.AuthorId;
        if (fields.Contains("conversation_id")) json["conversation_id"] = p.ConversationId ?? p.Id;
        if (fields.Contains("lang") && p.Lang is not null) json["lang"] = p.Lang;
        if (fields.Contains("public_metrics"))
        {
            json["public_metrics"] = new JsonObject
            {
                ["retweet_count"] = p.RetweetCount, ["reply_count"] = p.ReplyCount, ["like_count"] = p.LikeCount,
                ["quote_count"] = 0, ["bookmark_count"] = 0, ["impression_count"] = 0,
            };
        }
        if (fields.Contains("referenced_tweets") && p.ReferencedTweets is { Count: > 0 } refs)
            json["referenced_tweets"] = new JsonArray([.. refs.Select(r => (JsonNode)new JsonObject { ["type"] = r.Type, ["id"] = r.Id })]);
        return json;
    }

    public static JsonObject User(ScenarioXUser user, HashSet<string> fields)
    {
        var json = new JsonObject { ["id"] = user.Id, ["name"] = user.Name, ["username"] = user.Username };
        if (fields.Contains("verified")) json["verified"] = false;
        if (fields.Contains("protected")) json["protected"] = false;
        return json;
    }
}
