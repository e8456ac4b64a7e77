using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TriageBot.Sandbox;
using TriageBot.Tests.Support;

namespace TriageBot.Tests.Sandbox;

public class SlackHistoryTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 10, 0, 0, 0, TimeSpan.Zero);

    internal static async Task<JsonObject> CallAsync(HttpClient http, string method, string query = "") =>
        (await http.GetFromJsonAsync<JsonObject>($"{method}?{query}"))!;

    [Fact]
    public async Task A_cursor_walk_returns_every_message_once_newest_first()
    {
        await using var sandbox = await SandboxFixture.StartAsync(SandboxFixture.WithSlack(SandboxFixture.SlackChannel("C1", "feedback", 250, Start)));
        using var http = SandboxFixture.Client(sandbox.SlackApiUrl, sandbox.Credentials.SlackBotToken);

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await CallAsync(http, "conversations.history", $"channel=C1&limit=40{(cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))}");
            Assert.True(page["ok"]!.GetValue<bool>());
            var messages = page["messages"]!.AsArray();
            seen.AddRange(messages.Select(m => m!["ts"]!.GetValue<string>()));
            cursor = page["response_metadata"]?["next_cursor"]?.GetValue<string>();
            Assert.Equal(!string.IsNullOrEmpty(cursor), page["has_more"]!.GetValue<bool>());
            pages++;
        }
        while (!string.IsNullOrEmpty(cursor));

        Assert.Equal(7, pages);
        Assert.Equal(250, seen.Count);
        Assert.Equal(250, seen.Distinct().Count());
        Assert.Equal(seen.OrderByDescending(SlackTs.Parse), seen);
    }

    [Fact]
    public async Task Oldest_and_latest_bound_the_window_exclusively_unless_inclusive()
    {
        var channel = SandboxFixture.SlackChannel("C1", "feedback", 10, Start);
        await using var sandbox = await SandboxFixture.StartAsync(SandboxFixture.WithSlack(channel));
        using var http = SandboxFixture.Client(sandbox.SlackApiUrl, sandbox.Credentials.SlackBotToken);
        var ts = channel.Messages.Select(m => m.Ts).ToList();

        var exclusive = await CallAsync(http, "conversations.history", $"channel=C1&oldest={ts[2]}&latest={ts[6]}");
        Assert.Equal([ts[5], ts[4], ts[3]], exclusive["messages"]!.AsArray().Select(m => m!["ts"]!.GetValue<string>()));

        var inclusive = await CallAsync(http, "conversations.history", $"channel=C1&oldest={ts[2]}&latest={ts[6]}&inclusive=true");
        Assert.Equal([ts[6], ts[5], ts[4], ts[3], ts[2]], inclusive["messages"]!.AsArray().Select(m => m!["ts"]!.GetValue<string>()));

        var newer = await CallAsync(http, "conversations.history", $"channel=C1&oldest={ts[7]}&limit=1");
        Assert.Equal(ts[9], newer["messages"]![0]!["ts"]!.GetValue<string>());
        Assert.True(newer["has_more"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Thread_parents_carry_reply_metadata_and_scenario_fields_are_served_as_Slack_sends_them()
    {
        await using var sandbox = await SandboxFixture.StartAsync(SandboxFixture.LoadDevSmall());
        using var http = SandboxFixture.Client(sandbox.SlackApiUrl, sandbox.Credentials.SlackBotToken);
        var scenario = SandboxFixture.LoadDevSmall();
        var channel = scenario.Slack!.Channels[0];
        var threaded = channel.Messages.First(m => m.Replies is { Count: > 0 } && m.Reactions > 0);

        var page = await CallAsync(http, "conversations.history", $"channel={channel.Id}&limit=999");
        var messages = page["messages"]!.AsArray();
        Assert.Equal(channel.Messages.Count, messages.Count);
        var parent = messages.Single(m => m!["ts"]!.GetValue<string>() == threaded.Ts)!;
        Assert.Equal(threaded.Ts, parent["thread_ts"]!.GetValue<string>());
        Assert.Equal(threaded.Replies!.Count, parent["reply_count"]!.GetValue<int>());
        Assert.Equal(threaded.Replies.Max(r => SlackTs.Parse(r.Ts)), SlackTs.Parse(parent["latest_reply"]!.GetValue<string>()));
        Assert.NotEmpty(parent["reply_users"]!.AsArray());
        Assert.Equal(threaded.Reactions, parent["reactions"]![0]!["count"]!.GetValue<int>());

        var bots = scenario.Slack.Channels.SelectMany(c => c.Messages).Where(m => m.Subtype == "bot_message").Select(m => m.Ts).ToHashSet();
        var all = new List<JsonNode>();
        foreach (var c in scenario.Slack.Channels)
            all.AddRange((await CallAsync(http, "conversations.history", $"channel={c.Id}&limit=999"))["messages"]!.AsArray()!);
        Assert.All(all.Where(m => bots.Contains(m["ts"]!.GetValue<string>())), m => Assert.NotNull(m["bot_id"]));
        Assert.Contains(all, m => m["subtype"]?.GetValue<string>() == "channel_join");
    }

    [Fact]
    public async Task Errors_come_as_ok_false()
    {
        await using var sandbox = await SandboxFixture.StartAsync(SandboxFixture.WithSlack(SandboxFixture.SlackChannel("C1", "feedback", 3, Start)));
        using var http = SandboxFixture.Client(sandbox.SlackApiUrl, sandbox.Credentials.SlackBotToken);

        Assert.Equal("channel_not_found", (await CallAsync(http, "conversations.history", "channel=C404"))["error"]!.GetValue<string>());
        Assert.Equal("invalid_cursor", (await CallAsync(http, "conversations.history", "channel=C1&cursor=bm9wZQ%3D%3D"))["error"]!.GetValue<string>());
        Assert.Equal("invalid_ts_oldest", (await CallAsync(http, "conversations.history", "channel=C1&oldest=yesterday"))["error"]!.GetValue<string>());
        Assert.Equal("thread_not_found", (await CallAsync(http, "conversations.replies", "channel=C1&ts=1.000001"))["error"]!.GetValue<string>());
        Assert.Equal("user_not_found", (await CallAsync(http, "users.info", "user=U404"))["error"]!.GetValue<string>());
        var unknown = await http.GetAsync("conversations.nope");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Missing_or_wrong_tokens_get_Slacks_auth_errors_and_both_token_kinds_work()
    {
        var scenario = SandboxFixture.WithSlack(SandboxFixture.SlackChannel("C1", "feedback", 3, Start), SandboxFixture.SlackChannel("C2", "elsewhere", 2, Start));
        scenario.Slack!.Channels[1].IsMember = false;
        await using var sandbox = await SandboxFixture.StartAsync(scenario);

        using var anonymous = SandboxFixture.Client(sandbox.SlackApiUrl);
        Assert.Equal("not_authed", (await CallAsync(anonymous, "conversations.history", "channel=C1"))["error"]!.GetValue<string>());
        using var wrong = SandboxFixture.Client(sandbox.SlackApiUrl, "xoxb-wrong");
        Assert.Equal("invalid_auth", (await CallAsync(wrong, "conversations.history", "channel=C1"))["error"]!.GetValue<string>());

        // Token as a form field, the way older clients send it.
        var form = await anonymous.PostAsync("conversations.history",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = sandbox.Credentials.SlackUserToken, ["channel"] = "C2" }));
        var formBody = (await form.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(formBody["ok"]!.GetValue<bool>());
        Assert.Equal(2, formBody["messages"]!.AsArray().Count);

        using var bot = SandboxFixture.Client(sandbox.SlackApiUrl, sandbox.Credentials.SlackBotToken);
        Assert.Equal("not_in_channel", (await CallAsync(bot, "conversations.history", "channel=C2"))["error"]!.GetValue<string>());
        var json = await bot.PostAsJsonAsync("conversations.history", new { channel = "C1", limit = 2 });
        var jsonBody = (await json.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(2, jsonBody["messages"]!.AsArray().Count);
    }

    [Fact]
    public async Task Conversations_list_filters_by_type_and_pages_with_a_cursor()
    {
        var scenario = SandboxFixture.WithSlack(
            SandboxFixture.SlackChannel("C1", "a", 1, Start), SandboxFixture.SlackChannel("C2", "b", 1, Start),
            SandboxFixture.SlackChannel("C3", "c", 1, Start), SandboxFixture.SlackChannel("G1", "secret", 1, Start));
        scenario.Slack!.Channels[1].IsMember = false;
        scenario.Slack.Channels[3].IsPrivate = true;
        await using var sandbox = await SandboxFixture.StartAsync(scenario);
        using var http = SandboxFixture.Client(sandbox.SlackApiUrl, sandbox.Credentials.SlackBotToken);

        var first = await CallAsync(http, "conversations.list", "limit=2");
        Assert.Equal(["C1", "C2"], first["channels"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()));
        Assert.False(first["channels"]![1]!["is_member"]!.GetValue<bool>());
        var cursor = first["response_metadata"]!["next_cursor"]!.GetValue<string>();
        var second = await CallAsync(http, "conversations.list", "limit=2&cursor=" + Uri.EscapeDataString(cursor));
        Assert.Equal(["C3"], second["channels"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()));
        Assert.Equal("", second["response_metadata"]!["next_cursor"]!.GetValue<string>());

        var all = await CallAsync(http, "conversations.list", "types=public_channel,private_channel");
        Assert.Equal(4, all["channels"]!.AsArray().Count);

        var user = await CallAsync(http, "users.info", "user=U01");
        Assert.Equal("Maya Chen", user["user"]!["real_name"]!.GetValue<string>());
        Assert.Equal("maya", user["user"]!["name"]!.GetValue<string>());
    }
}
