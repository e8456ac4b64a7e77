using System.Globalization;
using System.Text.Json.Nodes;

namespace TriageBot.Sandbox;

/// <summary>conversations.list, conversations.history, conversations.replies.</summary>
internal static class SlackConversations
{
    private const int NonMarketplacePage = 15;

    public static IResult List(SlackCall call)
    {
        var types = (call.Arg("types") ?? "public_channel").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var channels = call.Slack.Channels
            .Where(c => types.Contains(c.IsPrivate ? "private_channel" : "public_channel"))
            // A bot sees private channels only where it is a member.
            .Where(c => !c.IsPrivate || c.IsMember)
            .ToList();
        var start = 0;
        if (call.Arg("cursor") is { } cursor)
        {
            if (!SlackCall.TryDecodeCursor(cursor, "offset", out var offset)
                || !int.TryParse(offset, CultureInfo.InvariantCulture, out start) || start < 0 || start > channels.Count)
                return SlackCall.Error("invalid_cursor");
        }
        var limit = call.Limit(100, 1000);
        var page = channels.Skip(start).Take(limit).ToList();
        var next = start + page.Count < channels.Count ? SlackCall.EncodeCursor("offset", (start + page.Count).ToString(CultureInfo.InvariantCulture)) : "";
        return SlackCall.Ok(new JsonObject
        {
            ["channels"] = new JsonArray([.. page.Select(c => (JsonNode)ChannelJson(c))]),
            ["response_metadata"] = new JsonObject { ["next_cursor"] = next },
        });
    }

    private static JsonObject ChannelJson(SlackChannelState c) => new()
    {
        ["id"] = c.Id,
        ["name"] = c.Name,
        ["name_normalized"] = c.Name,
        ["is_channel"] = !c.IsPrivate,
        ["is_group"] = c.IsPrivate,
        ["is_im"] = false,
        ["is_mpim"] = false,
        ["is_private"] = c.IsPrivate,
        ["is_archived"] = false,
        ["is_general"] = c.Name == "general",
        ["is_member"] = c.IsMember,
        ["created"] = c.Created,
        ["topic"] = new JsonObject { ["value"] = "" },
        ["purpose"] = new JsonObject { ["value"] = "" },
    };

    public static IResult History(SlackCall call)
    {
        if (!TryChannel(call, out var channel, out var error)) return error;
        if (!TryWindow(call, out var oldest, out var latest, out error)) return error;
        var inclusive = call.Flag("inclusive");
        var messages = channel.Messages;
        var lo = oldest is { } o ? SlackMessage.LowerBound(messages, o, inclusive) : 0;
        var hi = latest is { } l ? SlackMessage.UpperBound(messages, l, inclusive) : messages.Count;
        if (call.Arg("cursor") is { } cursor)
        {
            if (!SlackCall.TryDecodeCursor(cursor, "next_ts", out var ts) || !SlackTs.TryParse(ts, out var from))
                return SlackCall.Error("invalid_cursor");
            hi = Math.Min(hi, SlackMessage.UpperBound(messages, from, inclusive: true));
        }
        var limit = PageLimit(call, 100, 999);
        var count = Math.Max(0, Math.Min(limit, hi - lo));
        var page = new JsonArray();
        for (var i = hi - 1; i >= hi - count; i--) page.Add(SlackMessageJson.Parent(messages[i]));
        var hasMore = hi - lo > count;
        var body = new JsonObject { ["messages"] = page, ["has_more"] = hasMore, ["pin_count"] = 0 };
        if (hasMore)
            body["response_metadata"] = new JsonObject { ["next_cursor"] = SlackCall.EncodeCursor("next_ts", messages[hi - count - 1].Ts) };
        return SlackCall.Ok(body);
    }

    public static IResult Replies(SlackCall call)
    {
        if (!TryChannel(call, out var channel, out var error)) return error;
        if (call.Arg("ts") is not { } parentTs) return SlackCall.Error("thread_not_found");
        if (channel.Find(parentTs) is not { } parent) return SlackCall.Error("thread_not_found");
        if (!TryWindow(call, out var oldest, out var latest, out error)) return error;
        var inclusive = call.Flag("inclusive");
        var replies = parent.Replies;
        var lo = oldest is { } o ? SlackMessage.LowerBound(replies, o, inclusive) : 0;
        var hi = latest is { } l ? SlackMessage.UpperBound(replies, l, inclusive) : replies.Count;
        var firstPage = true;
        if (call.Arg("cursor") is { } cursor)
        {
            if (!SlackCall.TryDecodeCursor(cursor, "next_ts", out var ts) || !SlackTs.TryParse(ts, out var from))
                return SlackCall.Error("invalid_cursor");
            lo = Math.Max(lo, SlackMessage.LowerBound(replies, from, inclusive: true));
            firstPage = false;
        }
        var limit = PageLimit(call, 1000, 1000);
        var page = new JsonArray();
        // The parent leads the first page, as in Slack; later pages hold replies only, so a walk sees each message once.
        if (firstPage) page.Add(SlackMessageJson.Parent(parent));
        var count = Math.Max(0, Math.Min(limit - page.Count, hi - lo));
        for (var i = lo; i < lo + count; i++) page.Add(SlackMessageJson.Reply(replies[i], parent));
        var hasMore = hi - lo > count;
        var body = new JsonObject { ["messages"] = page, ["has_more"] = hasMore };
        if (hasMore)
            body["response_metadata"] = new JsonObject { ["next_cursor"] = SlackCall.EncodeCursor("next_ts", replies[lo + count].Ts) };
        return SlackCall.Ok(body);
    }

    private static int PageLimit(SlackCall call, int defaultLimit, int max) =>
        call.Services.Options.SlackTier == SlackTier.NonMarketplace
            ? call.Limit(defaultLimit, NonMarketplacePage)
            : call.Limit(defaultLimit, max);

    private static bool TryChannel(SlackCall call, out SlackChannelState channel, out IResult error)
    {
        channel = null!;
        error = null!;
        if (call.Arg("channel") is not { } id || call.Slack.Channels.Find(c => c.Id == id) is not { } found)
        {
            error = SlackCall.Error("channel_not_found");
            return false;
        }
        // A bot token reads only channels the bot joined; a user token reads every channel it can see.
        if (!found.IsMember && !call.UserToken)
        {
            error = SlackCall.Error("not_in_channel");
            return false;
        }
        channel = found;
        return true;
    }

    private static bool TryWindow(SlackCall call, out decimal? oldest, out decimal? latest, out IResult error)
    {
        oldest = latest = null;
        error = null!;
        if (call.Arg("oldest") is { } o)
        {
            if (!SlackTs.TryParse(o, out var v)) { error = SlackCall.Error("invalid_ts_oldest"); return false; }
            oldest = v;
        }
        if (call.Arg("latest") is { } l)
        {
            if (!SlackTs.TryParse(l, out var v)) { error = SlackCall.Error("invalid_ts_latest"); return false; }
            latest = v;
        }
        return true;
    }
}
