using System.Text.Json.Nodes;

namespace TriageBot.Sandbox;

/// <summary>Messages as Slack's conversations.* methods return them.</summary>
internal static class SlackMessageJson
{
    public const string TeamId = "T0SANDBOX";

    public static JsonObject Parent(SlackMessage m)
    {
        var json = Common(m);
        if (m.Replies.Count > 0)
        {
            var users = m.Replies.Select(r => r.User).OfType<string>().Distinct().ToList();
            json["thread_ts"] = m.Ts;
            json["reply_count"] = m.Replies.Count;
            json["reply_users_count"] = users.Count;
            json["latest_reply"] = m.LatestReply;
            json["reply_users"] = new JsonArray([.. users.Take(5).Select(u => (JsonNode)u)]);
            json["is_locked"] = false;
            json["subscribed"] = false;
        }
        return json;
    }

    public static JsonObject Reply(SlackMessage reply, SlackMessage parent)
    {
        var json = Common(reply);
        json["thread_ts"] = parent.Ts;
        if (parent.User is not null) json["parent_user_id"] = parent.User;
        return json;
    }

    private static JsonObject Common(SlackMessage m)
    {
        var json = new JsonObject { ["type"] = "message" };
        if (m.Subtype is not null) json["subtype"] = m.Subtype;
        json["ts"] = m.Ts;
        if (m.User is not null) json["user"] = m.User;
        if (m.BotId is not null) json["bot_id"] = m.BotId;
        json["text"] = m.Text;
        json["team"] = TeamId;
        if (m.Reactions > 0)
        {
            // The scenario holds a total; Slack lists reactions by emoji.
            json["reactions"] = new JsonArray(new JsonObject { ["name"] = "+1", ["users"] = new JsonArray(), ["count"] = m.Reactions });
        }
        return json;
    }
}
