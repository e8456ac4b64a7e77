using System.Text.Json;
using System.Text.Json.Nodes;

namespace TriageBot.Sandbox;

/// <summary>chat.postMessage and chat.update (stored, checked against Slack's message limits) and chat.getPermalink.</summary>
internal static class SlackChat
{
    public const string BotId = "B0SANDBOX";
    public const string BotUserId = "U0SANDBOXBOT";
    private const int MaxBlocks = 50, MaxSectionText = 3000, MaxHeaderText = 150, MaxText = 4000;

    public static IResult PostMessage(SlackCall call)
    {
        if (call.Arg("channel") is not { } channelArg || call.Slack.FindChannel(channelArg) is not { } channel)
            return SlackCall.Error("channel_not_found");
        if (ReadContent(call, out var text, out var blocks) is { } contentError) return contentError;

        var now = call.Services.Clock.GetUtcNow();
        string ts;
        do
        {
            ts = SlackTs.From(now, ++call.Slack.PostSequence);
        }
        while (channel.Find(ts) is not null);
        var message = new SlackMessage { Ts = ts, Key = SlackTs.Parse(ts), User = BotUserId, BotId = BotId, Text = text };
        var threadTs = call.Arg("thread_ts");
        if (threadTs is not null && channel.Find(threadTs) is { } parent)
        {
            message.ThreadTs = parent.Ts;
            SlackMessage.Insert(parent.Replies, message);
            parent.ThreadTs = parent.Ts;
        }
        else
        {
            threadTs = null;
            SlackMessage.Insert(channel.Messages, message);
        }
        call.Slack.Posts.Add(new SlackPost(channel.Id, ts, text, blocks?.ToJsonString(), threadTs, now));

        var json = new JsonObject
        {
            ["type"] = "message", ["user"] = BotUserId, ["bot_id"] = BotId, ["text"] = text, ["ts"] = ts, ["team"] = SlackMessageJson.TeamId,
        };
        if (threadTs is not null) json["thread_ts"] = threadTs;
        if (blocks is not null) json["blocks"] = blocks.DeepClone();
        return SlackCall.Ok(new JsonObject { ["channel"] = channel.Id, ["ts"] = ts, ["message"] = json });
    }

    /// <summary>
    /// chat.update: replaces the text and blocks of a message the bot posted. Slack wants the channel's id here, not its
    /// name, and answers <c>cant_update_message</c> for someone else's message.
    /// </summary>
    public static IResult Update(SlackCall call)
    {
        if (call.Arg("channel") is not { } channelId || call.Slack.Channels.Find(c => c.Id == channelId) is not { } channel)
            return SlackCall.Error("channel_not_found");
        if (call.Arg("ts") is not { } ts || channel.Find(ts) is not { } message) return SlackCall.Error("message_not_found");
        if (message.BotId != BotId) return SlackCall.Error("cant_update_message");
        if (ReadContent(call, out var text, out var blocks) is { } contentError) return contentError;

        message.Text = text;
        var i = call.Slack.Posts.FindIndex(p => p.Channel == channel.Id && p.Ts == ts);
        if (i >= 0)
        {
            call.Slack.Posts[i] = call.Slack.Posts[i] with
            {
                Text = text, BlocksJson = blocks?.ToJsonString(), EditedAt = call.Services.Clock.GetUtcNow(),
            };
        }
        return SlackCall.Ok(new JsonObject { ["channel"] = channel.Id, ["ts"] = ts, ["text"] = text });
    }

    /// <summary>The text and blocks of a post or an edit, checked against Slack's limits; an error result when they break one.</summary>
    private static IResult? ReadContent(SlackCall call, out string text, out JsonArray? blocks)
    {
        text = call.Arg("text") ?? "";
        blocks = null;
        if (call.Arg("blocks") is { } blocksJson)
        {
            try
            {
                blocks = JsonNode.Parse(blocksJson) as JsonArray;
            }
            catch (JsonException)
            {
                return SlackCall.Error("invalid_blocks_format");
            }
            if (blocks is null) return SlackCall.Error("invalid_blocks_format");
            if (BlocksError(blocks) is { } blocksError) return SlackCall.Error(blocksError);
        }
        if (text.Length == 0 && (blocks is null || blocks.Count == 0) && call.Arg("attachments") is null) return SlackCall.Error("no_text");
        return text.Length >= MaxText ? SlackCall.Error("msg_too_long") : null;
    }

    /// <summary>Slack's block limits: 50 blocks, section text 3,000 characters, header 150.</summary>
    private static string? BlocksError(JsonArray blocks)
    {
        if (blocks.Count > MaxBlocks) return "invalid_blocks";
        foreach (var block in blocks)
        {
            if (block is not JsonObject b || b["type"]?.GetValue<string>() is not { } type) return "invalid_blocks";
            var textLength = b["text"]?["text"]?.GetValue<string>()?.Length ?? 0;
            if (type == "section" && textLength > MaxSectionText) return "invalid_blocks";
            if (type == "header" && textLength > MaxHeaderText) return "invalid_blocks";
            if (type == "section" && b["fields"] is JsonArray fields && fields.Any(f => (f?["text"]?.GetValue<string>()?.Length ?? 0) > 2000))
                return "invalid_blocks";
        }
        return null;
    }

    public static IResult GetPermalink(SlackCall call)
    {
        if (call.Arg("channel") is not { } channelId || call.Slack.Channels.Find(c => c.Id == channelId) is not { } channel)
            return SlackCall.Error("channel_not_found");
        if (call.Arg("message_ts") is not { } ts) return SlackCall.Error("message_not_found");
        var permalink = call.Slack.Permalink(channel.Id, ts);
        if (channel.Find(ts) is null)
        {
            var parent = channel.Messages.Find(m => m.Replies.Count > 0 && SlackMessage.IndexOf(m.Replies, SlackTs.Parse(ts)) >= 0);
            if (parent is null) return SlackCall.Error("message_not_found");
            permalink += $"?thread_ts={parent.Ts}&cid={channel.Id}";
        }
        return SlackCall.Ok(new JsonObject { ["channel"] = channel.Id, ["permalink"] = permalink });
    }
}
