using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using TriageBot.Sandbox;
using TriageBot.Tests.Support;

namespace TriageBot.Tests.Sandbox;

public class XSearchTests
{
    private const string Search = "2/tweets/search/recent";

    private static async Task<JsonObject> SearchAsync(HttpClient http, string query, string extra = "")
    {
        var response = await http.GetAsync($"{Search}?query={Uri.EscapeDataString(query)}{extra}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static List<string> Ids(JsonObject page) =>
        page["data"]?.AsArray().Select(p => p!["id"]!.GetValue<string>()).ToList() ?? [];

    [Fact]
    public async Task Pages_walk_newest_first_with_next_token_and_expand_authors()
    {
        var scenario = SandboxFixture.WithXPosts(45, TimeSpan.FromHours(1));
        await using var sandbox = await SandboxFixture.StartAsync(scenario);
        using var http = SandboxFixture.Client(sandbox.XApiUrl, sandbox.Credentials.XBearerToken);

        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = await SearchAsync(http, "login", "&max_results=20&expansions=author_id&tweet.fields=created_at,author_id,public_metrics,lang&user.fields=username,name"
                                                         + (token is null ? "" : "&next_token=" + token));
            var ids = Ids(page);
            seen.AddRange(ids);
            Assert.Equal(ids.Count, page["meta"]!["result_count"]!.GetValue<int>());
            Assert.Equal(ids[0], page["meta"]!["newest_id"]!.GetValue<string>());
            Assert.Equal(ids[^1], page["meta"]!["oldest_id"]!.GetValue<string>());
            var users = page["includes"]!["users"]!.AsArray();
            Assert.Contains(users, u => u!["username"]!.GetValue<string>() == "carol_dev");
            var first = page["data"]![0]!;
            Assert.NotNull(first["created_at"]);
            Assert.NotNull(first["public_metrics"]!["like_count"]);
            Assert.Equal("en", first["lang"]!.GetValue<string>());
            token = page["meta"]!["next_token"]?.GetValue<string>();
        }
        while (token is not null);

        Assert.Equal(scenario.X!.Posts.Select(p => p.Id).Reverse(), seen);
    }

    [Fact]
    public async Task Since_id_start_and_end_time_and_the_seven_day_window_bound_results()
    {
        var scenario = SandboxFixture.WithXPosts(12, TimeSpan.FromDays(1)); // posts 12..1 days old
        var clock = new FakeTimeProvider(scenario.Now);
        await using var sandbox = await SandboxFixture.StartAsync(scenario, clock, o => o.XSearchWindow = SandboxOptions.XRecentSearchReach);
        using var http = SandboxFixture.Client(sandbox.XApiUrl, sandbox.Credentials.XBearerToken);
        var posts = scenario.X!.Posts;

        Assert.Equal(7, Ids(await SearchAsync(http, "post", "&max_results=100")).Count); // 7 days back, not 12
        Assert.Equal([posts[11].Id, posts[10].Id], Ids(await SearchAsync(http, "post", $"&since_id={posts[9].Id}")));
        var start = Uri.EscapeDataString(posts[9].CreatedAt.AddMinutes(-1).ToString("O"));
        var end = Uri.EscapeDataString(posts[11].CreatedAt.ToString("O"));
        Assert.Equal([posts[10].Id, posts[9].Id], Ids(await SearchAsync(http, "post", $"&start_time={start}&end_time={end}")));

        var nothing = await SearchAsync(http, "post", $"&since_id={posts[11].Id}");
        Assert.Null(nothing["data"]);
        Assert.Equal(0, nothing["meta"]!["result_count"]!.GetValue<int>());

        clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(4, Ids(await SearchAsync(http, "post", "&max_results=100")).Count);
    }

    [Fact]
    public async Task The_query_language_subset_matches_like_X()
    {
        string[] texts =
        [
            "Login loop again on Windows #bug", "RT @carol_dev: login loop again", "the \"login loop\" is back @cinderdev",
            "dark mode please", "Bucle de login en Windows", "logins are fine",
        ];
        var scenario = SandboxFixture.WithXPosts(texts.Length, TimeSpan.FromMinutes(5), i => texts[i]);
        scenario.X!.Posts[4].Lang = "es";
        await using var sandbox = await SandboxFixture.StartAsync(scenario);
        using var http = SandboxFixture.Client(sandbox.XApiUrl, sandbox.Credentials.XBearerToken);

        async Task<HashSet<int>> Match(string query) =>
            [.. Ids(await SearchAsync(http, query)).Select(id => scenario.X.Posts.FindIndex(p => p.Id == id))];

        Assert.Equal([0, 1, 2, 4], await Match("login"));
        Assert.Equal([0, 2, 4], await Match("login -is:retweet"));
        Assert.Equal([2], await Match("\"login loop\" @cinderdev"));
        Assert.Equal([0, 3], await Match("#bug OR \"dark mode\""));
        Assert.Equal([0, 4], await Match("(windows OR dark) login"));
        Assert.Equal([4], await Match("login lang:es"));
        Assert.Equal([0, 2, 4], await Match("LOGIN from:carol_dev OR from:cinderdev login -RT"));
        Assert.Equal([3, 5], await Match("-login"));
    }

    [Fact]
    public async Task Without_a_search_window_every_post_is_served()
    {
        var scenario = SandboxFixture.WithXPosts(12, TimeSpan.FromDays(1));
        await using var sandbox = await SandboxFixture.StartAsync(scenario);
        using var http = SandboxFixture.Client(sandbox.XApiUrl, sandbox.Credentials.XBearerToken);
        Assert.Equal(12, Ids(await SearchAsync(http, "post", "&max_results=100")).Count);
    }

    [Fact]
    public async Task Bad_parameters_and_credentials_get_Xs_errors()
    {
        await using var sandbox = await SandboxFixture.StartAsync(SandboxFixture.WithXPosts(3, TimeSpan.FromHours(1)));
        using var http = SandboxFixture.Client(sandbox.XApiUrl, sandbox.Credentials.XBearerToken);

        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync($"{Search}?query=a&max_results=5")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync($"{Search}?query=a&max_results=101")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync($"{Search}?query={new string('a', 513)}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync($"{Search}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync($"{Search}?query=a&next_token=zzz")).StatusCode);
        var invalid = await (await http.GetAsync($"{Search}?query=a&max_results=5")).Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("Invalid Request", invalid!["title"]!.GetValue<string>());

        using var wrong = SandboxFixture.Client(sandbox.XApiUrl, "nope");
        var unauthorized = await wrong.GetAsync($"{Search}?query=a");
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal("application/problem+json", unauthorized.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Rate_limits_answer_429_with_x_rate_limit_reset_and_no_Retry_After()
    {
        var clock = new FakeTimeProvider(SandboxFixture.DefaultNow);
        await using var sandbox = await SandboxFixture.StartAsync(SandboxFixture.WithXPosts(3, TimeSpan.FromHours(1)), clock, o => o.EnforceRateLimits = true);
        using var http = SandboxFixture.Client(sandbox.XApiUrl, sandbox.Credentials.XBearerToken);

        sandbox.Faults.Add(new FaultRule("x", FaultKind.RateLimit, Count: 1, RetryAfterSeconds: 30));
        var faulted = await http.GetAsync($"{Search}?query=post");
        Assert.Equal(HttpStatusCode.TooManyRequests, faulted.StatusCode);
        Assert.Null(faulted.Headers.RetryAfter);
        Assert.Equal((clock.GetUtcNow().AddSeconds(30)).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            faulted.Headers.GetValues("x-rate-limit-reset").Single());

        for (var i = 0; i < 450; i++)
        {
            var ok = await http.GetAsync($"{Search}?query=post");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.Equal((449 - i).ToString(System.Globalization.CultureInfo.InvariantCulture), ok.Headers.GetValues("x-rate-limit-remaining").Single());
        }
        var limited = await http.GetAsync($"{Search}?query=post");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(clock.GetUtcNow().AddMinutes(15).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            limited.Headers.GetValues("x-rate-limit-reset").Single());
        clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"{Search}?query=post")).StatusCode);
    }

    [Fact]
    public async Task Appended_posts_are_found_with_since_id()
    {
        var scenario = SandboxFixture.WithXPosts(3, TimeSpan.FromHours(1));
        await using var sandbox = await SandboxFixture.StartAsync(scenario);
        using var http = SandboxFixture.Client(sandbox.XApiUrl, sandbox.Credentials.XBearerToken);
        var newest = scenario.X!.Posts[^1].Id;

        var partial = SandboxFixture.Empty();
        partial.X = new ScenarioX
        {
            Posts = [new ScenarioXPost { Id = "1900000000000000999", AuthorId = "100", Text = "new post about login", CreatedAt = scenario.Now.AddMinutes(-1) }],
        };
        Assert.Equal(1, sandbox.Append(partial).XPosts);
        Assert.Equal(["1900000000000000999"], Ids(await SearchAsync(http, "login", $"&since_id={newest}")));
    }
}
