using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TriageBot.Clients.Slack;
using TriageBot.Domain;
using TriageBot.Ingest;
using TriageBot.Ingest.GitHub;
using TriageBot.Ingest.Resilience;
using TriageBot.Ingest.Slack;
using TriageBot.Ingest.X;
using TriageBot.Tests.Support;

namespace TriageBot.Tests.Ingest;

public class IngestUnitTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Slack_timestamps_order_numerically_and_convert_to_time()
    {
        Assert.True(SlackTs.Compare("999999999.000100", "1763370000.000100") < 0); // a string compare says otherwise
        Assert.Equal("1763370000.000200", SlackTs.Max("1763370000.000100", "1763370000.000200"));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1763370000), SlackTs.ToTime("1763370000.000100").AddTicks(-1000)); // 100 µs kept
        Assert.Equal("1763370000.000000", SlackTs.FromTime(DateTimeOffset.FromUnixTimeSeconds(1763370000)));
        Assert.Equal("slack:C01:1763370000.000100", SlackThreadReader.ItemId("C01", "1763370000.000100"));
    }

    [Fact]
    public void X_ids_compare_as_numbers() =>
        Assert.True(XPostReader.CompareIds("999", "1859000000000000001") < 0);

    [Theory]
    [InlineData("https://api.github.com/", "https://api.github.com/")]
    [InlineData("https://github.com", "https://api.github.com/")]
    [InlineData("https://ghe.acme.io/", "https://ghe.acme.io/api/v3/")]
    [InlineData("http://127.0.0.1:5000/github/", "http://127.0.0.1:5000/github/api/v3/")]
    [InlineData("http://127.0.0.1:5000/github/api/v3", "http://127.0.0.1:5000/github/api/v3/")]
    public void GitHub_base_url_gets_the_enterprise_prefix(string configured, string expected) =>
        Assert.Equal(expected, GitHubClientFactory.ApiBaseUri(configured).ToString());

    [Fact]
    public void Comment_issue_numbers_come_from_issue_url_or_html_url()
    {
        Assert.Equal(12, GitHubItems.IssueNumberOf(new GitHubRepoComment { IssueUrl = "http://h/repos/acme/app/issues/12" }));
        Assert.Equal(7, GitHubItems.IssueNumberOf(new GitHubRepoComment { HtmlUrl = "https://github.com/acme/app/issues/7#issuecomment-9" }));
        Assert.Null(GitHubItems.IssueNumberOf(new GitHubRepoComment()));
    }

    [Fact]
    public void Rate_limit_headers_give_the_wait()
    {
        using var slack = new HttpResponseMessage(System.Net.HttpStatusCode.TooManyRequests);
        slack.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(30));
        Assert.Equal(TimeSpan.FromSeconds(30), RateLimitHeaders.RequestedDelay(slack, Now));

        using var x = new HttpResponseMessage(System.Net.HttpStatusCode.TooManyRequests);
        x.Headers.Add("x-rate-limit-reset", Now.AddSeconds(90).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(TimeSpan.FromSeconds(90), RateLimitHeaders.RequestedDelay(x, Now));

        using var github = new HttpResponseMessage(System.Net.HttpStatusCode.Forbidden);
        github.Headers.Add("x-ratelimit-remaining", "0");
        github.Headers.Add("x-ratelimit-reset", Now.AddSeconds(-5).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(RateLimitHeaders.IsRateLimited(github));
        Assert.Equal(TimeSpan.Zero, RateLimitHeaders.RequestedDelay(github, Now));

        using var forbidden = new HttpResponseMessage(System.Net.HttpStatusCode.Forbidden);
        Assert.False(RateLimitHeaders.IsRateLimited(forbidden));
    }

    [Fact]
    public void Budget_presets_resolve_with_overrides()
    {
        var nm = new SlackBudgetOptions { Preset = "NonMarketplace" }.Resolve();
        Assert.Equal((1d, 1d, 15), (nm.HistoryPerMinute, nm.RepliesPerMinute, nm.PageSize));
        var tier3 = new SlackBudgetOptions { Preset = "Tier3", RepliesPerMinute = 10 }.Resolve();
        Assert.Equal((50d, 10d, 20d, 200), (tier3.HistoryPerMinute, tier3.RepliesPerMinute, tier3.ListPerMinute, tier3.PageSize));
    }

    [Fact]
    public async Task NonMarketplace_budget_allows_one_history_call_a_minute_and_survives_a_restart()
    {
        var clock = new FakeTimeProvider(Now);
        var stores = new InMemoryStores();
        var options = Monitor(new SlackOptions { Budget = new SlackBudgetOptions { Preset = "NonMarketplace", MaxWait = TimeSpan.Zero } });
        var budget = new SlackRequestBudget(options, clock, stores);

        Assert.True(await budget.TryAcquireAsync(SlackRequestBudget.History, default));
        Assert.False(await budget.TryAcquireAsync(SlackRequestBudget.History, default));
        Assert.True(await budget.TryAcquireAsync(SlackRequestBudget.Replies, default)); // its own bucket
        Assert.Equal(TimeSpan.FromMinutes(1), await budget.TimeUntilAvailableAsync(SlackRequestBudget.History, default));
        await budget.SaveAsync(default);

        clock.Advance(TimeSpan.FromSeconds(30));
        var restarted = new SlackRequestBudget(options, clock, stores);
        Assert.False(await restarted.TryAcquireAsync(SlackRequestBudget.History, default));
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.True(await restarted.TryAcquireAsync(SlackRequestBudget.History, default));
    }

    [Fact]
    public async Task Budget_waits_on_the_clock_when_the_wait_is_within_MaxWait()
    {
        var clock = new FakeTimeProvider(Now);
        var options = Monitor(new SlackOptions { Budget = new SlackBudgetOptions { Preset = "NonMarketplace", MaxWait = TimeSpan.FromMinutes(2) } });
        var budget = new SlackRequestBudget(options, clock, new InMemoryStores());
        Assert.True(await budget.TryAcquireAsync(SlackRequestBudget.History, default));

        var second = budget.TryAcquireAsync(SlackRequestBudget.History, default);
        Assert.False(second.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.False(second.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await second.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Theory]
    [InlineData(true, null, "Slack:Token is required when Slack:Enabled is true")]
    [InlineData(true, "abc", "Slack:Token must be a bot token (xoxb-…) or a user token (xoxp-…)")]
    public void Slack_options_are_validated_at_start(bool enabled, string? token, string message)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:Enabled"] = enabled.ToString(), ["Slack:Token"] = token,
        }).Build();
        using var sp = new ServiceCollection().AddLogging().AddTriageBotIngest(config).BuildServiceProvider();
        var e = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IOptions<SlackOptions>>().Value);
        Assert.Contains(message, e.Failures);
    }

    [Fact]
    public void GitHub_and_X_options_name_the_missing_setting()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GitHub:Enabled"] = "true", ["GitHub:Token"] = "t", ["GitHub:Repositories:0"] = "nope",
            ["X:Enabled"] = "true",
        }).Build();
        using var sp = new ServiceCollection().AddLogging().AddTriageBotIngest(config).BuildServiceProvider();
        var gh = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IOptions<GitHubOptions>>().Value);
        Assert.Contains("GitHub:Repositories entry 'nope' must be owner/name", gh.Failures);
        var x = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IOptions<TriageBot.Clients.X.XOptions>>().Value);
        Assert.Contains("X:BearerToken is required when X:Enabled is true", x.Failures);
    }

    [Fact]
    public void Replies_merge_by_id_oldest_first()
    {
        var t = Now;
        var merged = ReplyMerge.Merge(
            [new FeedbackReply("2", "a", "old text", t.AddMinutes(2)), new FeedbackReply("1", "a", "first", t.AddMinutes(1))],
            [new FeedbackReply("2", "a", "edited", t.AddMinutes(2)), new FeedbackReply("3", "b", "new", t.AddMinutes(3))]);
        Assert.Equal(["first", "edited", "new"], merged.Select(r => r.Text).ToArray());
    }

    internal static IOptionsMonitor<T> Monitor<T>(T value) where T : class => new StaticMonitor<T>(value);

    private sealed class StaticMonitor<T>(T value) : IOptionsMonitor<T> where T : class
    {
        public T CurrentValue => value;
        public T Get(string? name) => value;
        public IDisposable? OnChange(Action<T, string?> listener) => null;
    }
}
