using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using TriageBot.Sandbox;
using TriageBot.Tests.Support;

namespace TriageBot.Tests.Sandbox;

public class SandboxAdminTests
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Append_over_HTTP_adds_issues_and_comments_and_touches_the_commented_issue()
    {
        var scenario = SandboxFixture.LoadDevSmall();
        var repo = scenario.GitHub!.Repos[0];
        var old = repo.Issues.OrderBy(i => i.UpdatedAt).First();
        var newNumber = repo.Issues.Max(i => i.Number) + 1;
        await using var sandbox = await SandboxFixture.StartAsync(scenario);
        using var admin = SandboxFixture.Client(sandbox.BaseUrl);

        var commentAt = scenario.Now.AddMinutes(5);
        var partial = $$$"""
            {"github":{"repos":[{"owner":"{{{repo.Owner}}}","name":"{{{repo.Name}}}","issues":[
              {"number":{{{old.Number}}},"comments":[{"id":99000001,"user":"zoe","body":"still happening","created_at":"{{{commentAt:O}}}"}]},
              {"number":{{{newNumber}}},"title":"New crash","body":"crashes","user":"zoe","created_at":"{{{commentAt:O}}}","updated_at":"{{{commentAt:O}}}","state":"open"}]}]}}
            """;
        var result = (await (await admin.PostAsync("_sandbox/append", Json(partial))).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(1, result["github_issues"]!.GetValue<int>());
        Assert.Equal(1, result["github_comments"]!.GetValue<int>());

        var state = sandbox.State.GitHub.FindRepo(repo.Owner, repo.Name)!;
        var touched = state.FindIssue(old.Number)!;
        Assert.Equal(commentAt, touched.UpdatedAt);
        Assert.Equal(old.Title, touched.Title); // a partial without a newer updated_at keeps the issue's text
        Assert.Equal("still happening", touched.Comments[^1].Body);
        Assert.Equal(newNumber, state.Issues[^1].Number);

        var again = (await (await admin.PostAsync("_sandbox/append", Json(partial))).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(0, again["github_issues"]!.GetValue<int>() + again["github_comments"]!.GetValue<int>());

        var bad = await admin.PostAsync("_sandbox/append", Json("{\"slack\": 5}"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Linear_gets_its_own_auth_and_rate_limit_errors()
    {
        await using var sandbox = await SandboxFixture.StartAsync(SandboxFixture.LoadDevSmall());
        const string Query = """{"query":"{ teams { nodes { id key } } }"}""";

        using var anonymous = SandboxFixture.Client(sandbox.BaseUrl);
        var missing = await anonymous.PostAsync("linear/graphql", Json(Query));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("AUTHENTICATION_ERROR", (await missing.Content.ReadFromJsonAsync<JsonObject>())!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());

        using var keyed = SandboxFixture.Client(sandbox.BaseUrl);
        keyed.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "lin_api_wrong");
        var wrong = await keyed.PostAsync("linear/graphql", Json(Query));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("AUTHENTICATION_ERROR", (await wrong.Content.ReadFromJsonAsync<JsonObject>())!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());

        using var linear = SandboxFixture.Client(sandbox.BaseUrl);
        linear.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", sandbox.Credentials.LinearApiKey); // a personal key: no Bearer
        sandbox.Faults.Add(new FaultRule("linear", FaultKind.RateLimit, Count: 1));
        var limited = await linear.PostAsync("linear/graphql", Json(Query));
        Assert.Equal(HttpStatusCode.BadRequest, limited.StatusCode);
        var error = (await limited.Content.ReadFromJsonAsync<JsonObject>())!["errors"]![0]!;
        Assert.Equal("RATELIMITED", error["extensions"]!["code"]!.GetValue<string>());
        Assert.NotNull(error["extensions"]!["userPresentableMessage"]);

        Assert.Equal(HttpStatusCode.OK, (await linear.PostAsync("linear/graphql", Json(Query))).StatusCode);
        Assert.Equal(4, sandbox.RequestLog.Count("linear"));
        Assert.Equal(1, sandbox.RequestLog.Entries.Count(e => e.Service == "linear" && e.StatusCode == 200));
    }

    [Fact]
    public async Task The_request_log_counts_calls_per_service_and_operation()
    {
        await using var sandbox = await SandboxFixture.StartAsync(SandboxFixture.LoadDevSmall());
        using var slack = SandboxFixture.Client(sandbox.SlackApiUrl, sandbox.Credentials.SlackBotToken);
        var channel = sandbox.State.Slack.Channels[0].Id;
        await slack.GetStringAsync($"conversations.history?channel={channel}&limit=5");
        await slack.GetStringAsync($"conversations.history?channel={channel}&limit=5");
        await slack.GetStringAsync("users.info?user=nobody");

        Assert.Equal(3, sandbox.RequestLog.Count("slack"));
        Assert.Equal(2, sandbox.RequestLog.Count("slack", "conversations.history"));
        Assert.Equal("users.info", sandbox.RequestLog.Entries[^1].Operation);
        Assert.Equal(0, sandbox.RequestLog.Count("github"));

        using var admin = SandboxFixture.Client(sandbox.BaseUrl);
        var logged = (await admin.GetFromJsonAsync<JsonObject>("_sandbox/requests"))!;
        Assert.Equal(3, logged["requests"]!.AsArray().Count);
        sandbox.RequestLog.Clear();
        Assert.Empty(sandbox.RequestLog.Entries);
    }
}
