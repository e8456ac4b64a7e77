using Microsoft.Extensions.Time.Testing;
using TriageBot.Domain;
using TriageBot.Sandbox;
using TriageBot.Storage;
using static TriageBot.Tests.Ingest.IngestHarness;

namespace TriageBot.Tests.Ingest;

/// <summary>The three readers against the sandbox, through the real clients (Octokit for GitHub).</summary>
public class IngestSandboxTests
{
    private static Dictionary<string, string?> ScenarioSettings() => Settings(
        ("Slack:Enabled", true), ("Slack:Channels:0", "C01"), ("Slack:Channels:1", "support"), ("Slack:Channels:2", "#bugs"),
        ("Slack:Budget:Preset", "Tier3"), ("Slack:Budget:PageSize", 3), ("Slack:Budget:ThreadWindow", "3.00:00:00"),
        ("GitHub:Enabled", true), ("GitHub:PageSize", 2),
        ("GitHub:Repositories:0", "acme/app"), ("GitHub:Repositories:1", "acme/api"), ("GitHub:Repositories:2", "acme/web"),
        ("X:Enabled", true), ("X:PageSize", 10),
        ("X:Queries:0:Name", "login"), ("X:Queries:0:Query", "login"),
        ("X:Queries:1:Name", "export"), ("X:Queries:1:Query", "export"));

    [Fact]
    public Task Reads_everything_once_then_only_what_changed() => ReadsOnceThenOnlyWhatChanged(slack: true, github: true, x: true);

    private static async Task ReadsOnceThenOnlyWhatChanged(bool slack, bool github, bool x)
    {
        var (scenario, all) = IngestScenario.Build();
        bool Wanted(string id) => id.StartsWith("slack:", StringComparison.Ordinal) ? slack : id.StartsWith("github:", StringComparison.Ordinal) ? github : x;
        var expected = all.Where(Wanted).ToHashSet();
        var clock = new FakeTimeProvider(IngestScenario.Now);
        await using var sandbox = await SandboxHost.StartAsync(scenario, new SandboxOptions { Port = 0, TimeProvider = clock });
        var settings = ScenarioSettings();
        settings["Slack:Enabled"] = slack.ToString();
        settings["GitHub:Enabled"] = github.ToString();
        settings["X:Enabled"] = x.ToString();
        using var harness = new IngestHarness(sandbox, clock, settings);

        // Run 1: everything, each item once.
        var first = await harness.RunAsync();
        Assert.All(first.Values, r => Assert.True(r.Complete, r.StopReason));
        var upserts = harness.Stores.Upserts;
        Assert.Equal(expected.Order(), upserts.Select(u => u.Id).Order());
        Assert.All(upserts, u => Assert.Equal(ItemChange.New, u.Change));
        Assert.Equal(expected.Count, first.Values.Sum(r => r.New));
        if (slack)
        {
            Assert.Equal(6, first["Slack"].Skipped); // a join and a bot message per channel
            var parent = scenario.Slack!.Channels[0].Messages[6];
            var thread = (await harness.Stores.GetAsync($"slack:C01:{parent.Ts}", default))!;
            Assert.Equal("@dario the export in feedback fails & retries #6 details (https://acme.io/e/6)", thread.Body);
            Assert.StartsWith("<@U02>", thread.RawBody, StringComparison.Ordinal);
            Assert.Equal(["reply 1", "reply 2", "reply 3"], thread.Replies.Select(r => r.Text).ToArray()); // the bot's reply is not feedback
            Assert.Equal($"https://sandbox.slack.com/archives/C01/p{parent.Ts.Replace(".", "", StringComparison.Ordinal)}", thread.Url);
            Assert.Equal("maya", thread.Author);
        }
        if (github)
        {
            Assert.Equal(6, first["GitHub"].Skipped); // a pull request and a bot's issue per repository
            var issue = (await harness.Stores.GetAsync("github:acme/api#2", default))!;
            Assert.Equal((3, 2, "api: problem 2"), (issue.Replies.Count, issue.Reactions, issue.Title));
            Assert.Equal(["bug"], issue.Labels);
            Assert.Equal("https://github.com/acme/api/issues/2", issue.Url);
        }
        if (x)
        {
            Assert.Equal(1, first["X"].Skipped); // the repost
            var post = (await harness.Stores.GetAsync("x:1900000000000000007", default))!;
            Assert.Equal(("cinder", "de", "https://x.com/cinder/status/1900000000000000007"), (post.Author, post.Language, post.Url));
        }

        // Run 2: nothing new costs one history call per channel, only 304s from GitHub, one search per query.
        sandbox.RequestLog.Clear();
        harness.Stores.ClearUpserts();
        var second = await harness.RunAsync();
        Assert.All(second.Values, r => Assert.True(r.Complete, r.StopReason));
        Assert.Empty(harness.Stores.Upserts);
        if (slack)
        {
            Assert.Equal(3, sandbox.RequestLog.Count("slack", "conversations.history"));
            Assert.Equal(0, sandbox.RequestLog.Count("slack", "conversations.replies"));
        }
        var githubCalls = sandbox.RequestLog.Entries.Where(e => e.Service == "github").ToList();
        Assert.Equal(github ? 6 : 0, githubCalls.Count); // issues and comments per repository
        Assert.All(githubCalls, e => Assert.Equal(304, e.StatusCode));
        Assert.Equal(x ? 2 : 0, sandbox.RequestLog.Count("x"));

        // Run 3: a new message, a reply to an old thread, a comment on an old issue, a new post.
        var (partial, newIds, updatedIds) = IngestScenario.Additions(scenario);
        clock.Advance(TimeSpan.FromHours(1));
        sandbox.Append(partial);
        harness.Stores.ClearUpserts();
        var third = await harness.RunAsync();
        Assert.All(third.Values, r => Assert.True(r.Complete, r.StopReason));
        var changes = harness.Stores.Upserts.ToDictionary(u => u.Id, u => u.Change);
        Assert.Equal(newIds.Concat(updatedIds).Where(Wanted).Order(), changes.Keys.Order());
        Assert.All(newIds.Where(Wanted), id => Assert.Equal(ItemChange.New, changes[id]));
        Assert.All(updatedIds.Where(Wanted), id => Assert.Equal(ItemChange.Updated, changes[id]));
        Assert.Equal(expected.Count + newIds.Count(Wanted), await harness.Stores.CountAsync(default));
        if (slack)
        {
            Assert.Equal(4, (await harness.Stores.GetAsync(updatedIds[0], default))!.Replies.Count);
            Assert.Equal((1, 1), (third["Slack"].New, third["Slack"].Updated));
        }
        if (github)
        {
            Assert.Equal("happens on v2 too", (await harness.Stores.GetAsync("github:acme/api#2", default))!.Replies[^1].Text);
            Assert.Equal((0, 1), (third["GitHub"].New, third["GitHub"].Updated));
        }
        if (x) Assert.Equal((1, 0), (third["X"].New, third["X"].Updated));
    }

    [Fact]
    public async Task Every_truth_theme_item_of_dev_small_is_stored_once_under_its_canonical_id()
    {
        var scenario = ScenarioFile.Load(Support.SandboxFixture.DevSmallPath);
        var clock = new FakeTimeProvider(scenario.Now);
        await using var sandbox = await SandboxHost.StartAsync(scenario, new SandboxOptions { Port = 0, TimeProvider = clock });
        var settings = Settings(("Slack:Enabled", true), ("Slack:Token", sandbox.Credentials.SlackUserToken),
            ("GitHub:Enabled", true), ("X:Enabled", true), ("X:MaxPostsPerRun", 0),
            ("X:Queries:0:Name", "everything"), ("X:Queries:0:Query", "lang:en OR -lang:en"));
        var repos = scenario.GitHub!.Repos;
        for (var i = 0; i < repos.Count; i++) settings[$"GitHub:Repositories:{i}"] = $"{repos[i].Owner}/{repos[i].Name}";
        using var harness = new IngestHarness(sandbox, clock, settings);

        var results = await harness.RunAsync();

        Assert.All(results.Values, r => Assert.True(r.Complete, r.StopReason));
        var stored = (await harness.Stores.GetAllAsync(default)).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var missing = scenario.Truth!.Themes.SelectMany(t => t.Items).Where(id => !stored.Contains(id)).ToList();
        Assert.Empty(missing);
        Assert.Equal(stored.Count, harness.Stores.Upserts.Count); // each once
        // Noise may be dropped (bots, joins, pull requests), but nothing outside the scenario appears.
        var truth = scenario.Truth.Themes.SelectMany(t => t.Items).Concat(scenario.Truth.Noise).ToHashSet(StringComparer.Ordinal);
        var strangers = stored.Where(id => !truth.Contains(id)).ToList();
        Assert.True(strangers.Count == 0, "not in the scenario's truth: " + string.Join(", ", strangers));
    }

    [Fact]
    public Task Survives_rate_limits_server_errors_and_timeouts_reading_each_item_once() => SurvivesFaults(x: true);

    private static async Task SurvivesFaults(bool x)
    {
        var (scenario, all) = IngestScenario.Build();
        var expected = all.Where(id => x || !id.StartsWith("x:", StringComparison.Ordinal)).ToHashSet();
        // The sandbox clock stands still: a "timeout" fault never answers, so only the client's timeout ends it.
        var sandboxClock = new FakeTimeProvider(IngestScenario.Now);
        await using var sandbox = await SandboxHost.StartAsync(scenario, new SandboxOptions { Port = 0, TimeProvider = sandboxClock, Seed = 42 });
        foreach (var service in new[] { "slack", "github", "x" })
        {
            sandbox.Faults.Add(new FaultRule(service, FaultKind.RateLimit, Rate: 0.2, RetryAfterSeconds: 0));
            sandbox.Faults.Add(new FaultRule(service, FaultKind.ServerError, Rate: 0.05));
            sandbox.Faults.Add(new FaultRule(service, FaultKind.Timeout, Rate: 0.02));
        }
        var settings = ScenarioSettings();
        settings["X:Enabled"] = x.ToString();
        settings["Slack:Budget:Preset"] = "Unlimited";
        foreach (var section in new[] { "Slack", "GitHub", "X" })
        {
            settings[$"{section}:Http:MaxRetries"] = "8";
            settings[$"{section}:Http:BaseDelay"] = "00:00:00.001";
            // Short enough that the never-answering "timeout" faults cost little, long enough for a cold, busy CI box.
            settings[$"{section}:Http:AttemptTimeout"] = "00:00:01";
            settings[$"{section}:Http:TotalTimeout"] = "00:00:30";
        }
        using var harness = new IngestHarness(sandbox, TimeProvider.System, settings);

        var results = await harness.RunAsync();

        Assert.All(results.Values, r => Assert.True(r.Complete, r.StopReason));
        Assert.True(sandbox.Faults.Injected() > 10, $"only {sandbox.Faults.Injected()} faults injected");
        var upserts = harness.Stores.Upserts;
        Assert.Equal(expected.Order(), upserts.Select(u => u.Id).Order()); // all read, none twice
        Assert.Equal(3, (await harness.Stores.GetAsync("github:acme/web#1", default))!.Replies.Count);
    }

    [Fact]
    public async Task NonMarketplace_preset_stays_within_one_request_a_minute_and_finishes_over_runs()
    {
        var (scenario, expected) = IngestScenario.Build();
        scenario.GitHub = null;
        scenario.X = null;
        var clock = new FakeTimeProvider(IngestScenario.Now);
        await using var sandbox = await SandboxHost.StartAsync(scenario,
            new SandboxOptions { Port = 0, TimeProvider = clock, SlackTier = SlackTier.NonMarketplace });
        var settings = Settings(("Slack:Enabled", true), ("Slack:Token", sandbox.Credentials.SlackUserToken),
            ("Slack:Budget:Preset", "NonMarketplace"), ("Slack:Budget:MaxWait", "00:00:00"), ("Slack:WorkspaceUrl", "https://acme.slack.com"));
        var stores = new Support.InMemoryStores();

        var runs = 0;
        var done = false;
        var trace = new List<string>();
        while (!done && runs < 40)
        {
            // A fresh process each run: the budget must come back from the store, not start full.
            using var harness = new IngestHarness(sandbox, clock, settings, stores);
            var result = (await harness.RunAsync())["Slack"];
            runs++;
            trace.Add($"{result.Read}/{result.Complete}/{result.StopReason}");
            clock.Advance(TimeSpan.FromSeconds(61));
            var states = IngestScenario.Channels.Select(c => stores.Cursors.GetValueOrDefault(("slack", c + ":history"), "")).ToList();
            done = result.Complete || states.All(s => s.Contains("\"Walk\":null", StringComparison.Ordinal) && s.Contains("\"Pending\":[]", StringComparison.Ordinal));
        }

        Assert.True(done, $"not finished after {runs} runs: {string.Join(" | ", trace.Take(8))} " +
            string.Join(" ", sandbox.RequestLog.Entries.Take(30).Select(e => $"{e.Operation}:{e.StatusCode}")) + " " +
            string.Join(" ", IngestScenario.Channels.Select(c => stores.Cursors.GetValueOrDefault(("slack", c + ":history"), ""))));
        Assert.True(runs > 3, $"finished in {runs} runs: the budget was not binding");
        var slackLog = sandbox.RequestLog.Entries.Where(e => e.Service == "slack").ToList();
        Assert.DoesNotContain(slackLog, e => e.StatusCode == 429);
        foreach (var method in new[] { "conversations.history", "conversations.replies" })
        {
            var times = slackLog.Where(e => e.Operation == method).Select(e => e.At).ToList();
            Assert.NotEmpty(times);
            Assert.All(times.Zip(times.Skip(1)), p => Assert.True(p.Second - p.First >= TimeSpan.FromMinutes(1), $"{method} twice within a minute"));
        }
        var slackExpected = expected.Where(id => id.StartsWith("slack:", StringComparison.Ordinal)).Order();
        Assert.Equal(slackExpected, stores.Upserts.Select(u => u.Id).Order());
        Assert.StartsWith("https://acme.slack.com/archives/", (await stores.GetAllAsync(default))[0].Url, StringComparison.Ordinal);
    }
}
