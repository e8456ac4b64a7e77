using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TriageBot.Sandbox;
using TriageBot.Tests.Support;
using static TriageBot.Tests.Sandbox.SlackHistoryTests;

namespace TriageBot.Tests.Sandbox;

public class SlackThreadAndChatTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 10, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Replies_walk_gives_the_parent_first_then_every_reply_once()
    {
        var channel = SandboxFixture.SlackChannel("C1", "feedback", 2, Start, repliesEach: 23);
        await using var sandbox = await SandboxFixture.StartAsync(SandboxFixture.WithSlack(channel));
        using var http = SandboxFixture.Client(sandbox.SlackApiUrl, sandbox.Credentials.SlackUserToken);
        var parentTs = channel.Messages[1].Ts;

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await CallAsync(http, "conversations.replies", $"channel=C1&ts={parentTs}&limit=10{(cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))}");
            seen.AddRange(page["messages"]!.AsArray().Select(m => m!["ts"]!.GetValue<string>()));
            Assert.All(page["messages"]!.AsArray(), m => Assert.Equal(parentTs, m!["thread_ts"]!.GetValue<string>()));
            cursor = page["response_metadata"]?["next_cursor"]?.GetValue<string>();
        }
        while (!string.IsNullOrEmpty(cursor));

        Assert.Equal(24, seen.Count);
        Assert.Equal(parentTs, seen[0]);
        Assert.Equal(seen.Distinct(), seen);
        Assert.Equal(channel.Messages[1].Replies!.Select(r => r.Ts), seen.Skip(1));

        var newer = await CallAsync(http, "conversations.replies", $"channel=C1&ts={parentTs}&oldest={channel.Messages[1].Replies![20].Ts}");
        Assert.Equal(3, newer["messages"]!.AsArray().Count); // parent + replies 22, 23
    }

    [Fact]
    public async Task PostMessage_stores_the_post_and_enforces_Slacks_limits()
    {
        var scenario = SandboxFixture.WithSlack(SandboxFixture.SlackChannel("C1", "digest", 1, Start));
        await using var sandbox = await SandboxFixture.StartAsync(scenario);
        using var http = SandboxFixture.Client(sandbox.SlackApiUrl, sandbox.Credentials.SlackBotToken);

        var blocks = new JsonArray(
            new JsonObject { ["type"] = "header", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Today" } },
            new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = "*3 themes*" } });
        var ok = await (await http.PostAsJsonAsync("chat.postMessage", new { channel = "#digest", text = "Digest", blocks })).Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(ok!["ok"]!.GetValue<bool>());
        Assert.Equal("C1", ok["channel"]!.GetValue<string>());
        var ts = ok["ts"]!.GetValue<string>();

        var post = Assert.Single(sandbox.State.Slack.Posts);
        Assert.Equal(("C1", ts, "Digest"), (post.Channel, post.Ts, post.Text));
        var state = JsonNode.Parse(await SandboxFixture.Client(sandbox.BaseUrl).GetStringAsync("_sandbox/state"))!;
        Assert.Equal(ts, state["slack"]!["posts"]![0]!["ts"]!.GetValue<string>());
        Assert.Equal("header", state["slack"]!["posts"]![0]!["blocks"]![0]!["type"]!.GetValue<string>());

        var link = await CallAsync(http, "chat.getPermalink", $"channel=C1&message_ts={ts}");
        Assert.Equal($"https://sandbox.slack.com/archives/C1/p{ts.Replace(".", "", StringComparison.Ordinal)}", link["permalink"]!.GetValue<string>());

        async Task<string> ErrorOf(object body) =>
            (await (await http.PostAsJsonAsync("chat.postMessage", body)).Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>();
        var tooMany = new JsonArray([.. Enumerable.Range(0, 51).Select(_ => (JsonNode)new JsonObject { ["type"] = "divider" })]);
        Assert.Equal("invalid_blocks", await ErrorOf(new { channel = "C1", text = "x", blocks = tooMany }));
        var longSection = new JsonArray(new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = new string('a', 3001) } });
        Assert.Equal("invalid_blocks", await ErrorOf(new { channel = "C1", text = "x", blocks = longSection }));
        var longHeader = new JsonArray(new JsonObject { ["type"] = "header", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = new string('a', 151) } });
        Assert.Equal("invalid_blocks", await ErrorOf(new { channel = "C1", text = "x", blocks = longHeader }));
        Assert.Equal("msg_too_long", await ErrorOf(new { channel = "C1", text = new string('a', 4000) }));
        Assert.Equal("no_text", await ErrorOf(new { channel = "C1" }));
        Assert.Equal("channel_not_found", await ErrorOf(new { channel = "C404", text = "x" }));
        Assert.Single(sandbox.State.Slack.Posts);

        // Form-encoded, with blocks as a JSON string, as SDKs send it.
        var form = await http.PostAsync("chat.postMessage", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["channel"] = "C1", ["text"] = "second", ["blocks"] = blocks.ToJsonString(),
        }));
        Assert.True((await form.Content.ReadFromJsonAsync<JsonObject>())!["ok"]!.GetValue<bool>());
        Assert.Equal(2, sandbox.State.Slack.Posts.Count);
        Assert.NotEqual(sandbox.State.Slack.Posts[0].Ts, sandbox.State.Slack.Posts[1].Ts);
    }

    [Fact]
    public async Task Update_edits_the_bots_own_message_and_nothing_else()
    {
        var scenario = SandboxFixture.WithSlack(SandboxFixture.SlackChannel("C1", "digest", 1, Start));
        await using var sandbox = await SandboxFixture.StartAsync(scenario);
        using var http = SandboxFixture.Client(sandbox.SlackApiUrl, sandbox.Credentials.SlackBotToken);
        async Task<JsonObject> PostAsync(string method, object body) =>
            (await (await http.PostAsJsonAsync(method, body)).Content.ReadFromJsonAsync<JsonObject>())!;
        var ts = (await PostAsync("chat.postMessage", new { channel = "#digest", text = "Monday: 3 themes" }))["ts"]!.GetValue<string>();

        var edited = await PostAsync("chat.update", new { channel = "C1", ts, text = "Monday: 4 themes" });

        Assert.True(edited["ok"]!.GetValue<bool>());
        Assert.Equal(ts, edited["ts"]!.GetValue<string>());
        var post = Assert.Single(sandbox.State.Slack.Posts);
        Assert.Equal(("Monday: 4 themes", ts), (post.Text, post.Ts));
        Assert.NotNull(post.EditedAt);
        var history = (await CallAsync(http, "conversations.history", "channel=C1"))["messages"]!.AsArray();
        Assert.Contains(history, m => m!["ts"]!.GetValue<string>() == ts && m["text"]!.GetValue<string>() == "Monday: 4 themes");

        var someoneElses = scenario.Slack!.Channels[0].Messages[0].Ts;
        Assert.Equal("cant_update_message", (await PostAsync("chat.update", new { channel = "C1", ts = someoneElses, text = "x" }))["error"]!.GetValue<string>());
        Assert.Equal("message_not_found", (await PostAsync("chat.update", new { channel = "C1", ts = "1.000001", text = "x" }))["error"]!.GetValue<string>());
        Assert.Equal("channel_not_found", (await PostAsync("chat.update", new { channel = "#digest", ts, text = "x" }))["error"]!.GetValue<string>());
        Assert.Equal("no_text", (await PostAsync("chat.update", new { channel = "C1", ts }))["error"]!.GetValue<string>());
        Assert.Equal("Monday: 4 themes", Assert.Single(sandbox.State.Slack.Posts).Text);
    }

    [Fact]
    public async Task Appended_messages_and_replies_show_in_history_and_move_latest_reply()
    {
        var channel = SandboxFixture.SlackChannel("C1", "feedback", 5, Start, repliesEach: 1);
        await using var sandbox = await SandboxFixture.StartAsync(SandboxFixture.WithSlack(channel));
        using var http = SandboxFixture.Client(sandbox.SlackApiUrl, sandbox.Credentials.SlackBotToken);
        var oldParent = channel.Messages[0];
        var newReplyTs = SandboxFixture.SlackTs(Start.AddDays(2), 7);
        var newMessageTs = SandboxFixture.SlackTs(Start.AddDays(2), 8);

        var partial = new JsonObject
        {
            ["slack"] = new JsonObject
            {
                ["channels"] = new JsonArray(new JsonObject
                {
                    ["id"] = "C1", ["name"] = "feedback",
                    ["messages"] = new JsonArray(
                        new JsonObject { ["ts"] = oldParent.Ts, ["text"] = "", ["replies"] = new JsonArray(new JsonObject { ["ts"] = newReplyTs, ["user"] = "U02", ["text"] = "still broken" }) },
                        new JsonObject { ["ts"] = newMessageTs, ["user"] = "U01", ["text"] = "new problem" }),
                }),
            },
        };
        using var admin = SandboxFixture.Client(sandbox.BaseUrl);
        var appended = await (await admin.PostAsync("_sandbox/append", new StringContent(partial.ToJsonString(), System.Text.Encoding.UTF8, "application/json")))
            .Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(1, appended!["slack_messages"]!.GetValue<int>());
        Assert.Equal(1, appended["slack_replies"]!.GetValue<int>());

        var history = (await CallAsync(http, "conversations.history", "channel=C1"))["messages"]!.AsArray();
        Assert.Equal(6, history.Count);
        Assert.Equal(newMessageTs, history[0]!["ts"]!.GetValue<string>());
        var parent = history.Single(m => m!["ts"]!.GetValue<string>() == oldParent.Ts)!;
        Assert.Equal(newReplyTs, parent["latest_reply"]!.GetValue<string>());
        Assert.Equal(2, parent["reply_count"]!.GetValue<int>());
        Assert.Equal(oldParent.Text, parent["text"]!.GetValue<string>()); // empty text in a partial keeps the old one
    }
}
