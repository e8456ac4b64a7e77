using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TriageBot.Domain;
using TriageBot.Ingest;
using TriageBot.Pipeline;
using TriageBot.Reports;
using TriageBot.Sandbox;
using TriageBot.Storage;
using TriageBot.Tests.Support;
using static TriageBot.Tests.Reports.DigestSamples;

namespace TriageBot.Tests.Reports;

public sealed class SlackDigestSandboxTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "triagebot-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private async Task<ServiceProvider> ServicesAsync(SandboxHost sandbox)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:BaseUrl"] = sandbox.SlackApiUrl.ToString(),
            ["Slack:Token"] = sandbox.Credentials.SlackBotToken,
            ["Slack:DigestChannel"] = "digest",
            ["Digest:TopThemes"] = "40",
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(_dir, "store.db")}",
        }).Build();
        var services = new ServiceCollection()
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddSingleton(new GoalCatalog([Goal("g1", "Smooth sign-in")]))
            .AddTriageBotStorage(config)
            .AddTriageBotIngest(config)
            .AddTriageBotReports(config)
            .BuildServiceProvider();
        await services.GetRequiredService<IStoreMigrator>().MigrateAsync(CancellationToken.None);
        return services;
    }

    [Fact]
    public async Task A_200_theme_digest_is_accepted_by_chat_postMessage_through_the_real_slack_client()
    {
        var scenario = SandboxFixture.WithSlack(SandboxFixture.SlackChannel("C0DIGEST", "digest", 1, Finished.AddDays(-1)));
        await using var sandbox = await SandboxFixture.StartAsync(scenario);
        await using var services = await ServicesAsync(sandbox);

        var themes = Enumerable.Range(0, 200).Select(t => Theme($"t{t}", $"Theme {t} <b>&</b>",
            [$"github:acme/app#{t}"], "rising", goal: t % 2 == 0 ? "g1" : null, ticket: Ticket($"APP-{t}"))).ToList();
        var items = themes.SelectMany(t => t.Items).ToDictionary(id => id, id => Item(id, "feedback <!channel> & more"));
        var poster = services.GetServices<IRunPublisher>().OfType<SlackDigestPoster>().Single();

        await poster.PublishAsync(new RunOutcome(Report(themes), items, []), Path.GetTempPath(), CancellationToken.None);

        var post = Assert.Single(sandbox.State.Slack.Posts);
        Assert.Equal("C0DIGEST", post.Channel);
        Assert.NotNull(post.BlocksJson);
        Assert.Contains("Theme 0 &lt;b&gt;&amp;&lt;/b&gt;", post.BlocksJson.Replace("\\u0026", "&", StringComparison.Ordinal)
            .Replace("\\u003C", "<", StringComparison.Ordinal).Replace("\\u003E", ">", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_second_run_on_the_same_day_edits_the_days_message_and_the_next_day_posts_anew()
    {
        var scenario = SandboxFixture.WithSlack(SandboxFixture.SlackChannel("C0DIGEST", "digest", 1, Finished.AddDays(-1)));
        await using var sandbox = await SandboxFixture.StartAsync(scenario);
        await using var services = await ServicesAsync(sandbox);
        var poster = services.GetServices<IRunPublisher>().OfType<SlackDigestPoster>().Single();
        RunOutcome Run(string title, DateTimeOffset started)
        {
            var theme = Theme("t1", title, ["slack:C01:1.0"], "new", ticket: Ticket("APP-1"));
            var items = new Dictionary<string, FeedbackItem> { ["slack:C01:1.0"] = Item("slack:C01:1.0", "login loops") };
            return new RunOutcome(Report([theme]) with { Started = started }, items, []);
        }

        await poster.PublishAsync(Run("Login loops", Finished), _dir, CancellationToken.None);
        await poster.PublishAsync(Run("Login loops after the update", Finished.AddHours(3)), _dir, CancellationToken.None);

        var post = Assert.Single(sandbox.State.Slack.Posts);
        Assert.NotNull(post.EditedAt);
        Assert.Contains("Login loops after the update", post.BlocksJson);

        await poster.PublishAsync(Run("Export fails", Finished.AddDays(1)), _dir, CancellationToken.None);

        Assert.Equal(2, sandbox.State.Slack.Posts.Count);
        Assert.Contains("Export fails", sandbox.State.Slack.Posts[1].BlocksJson);
        Assert.Contains("Login loops after the update", sandbox.State.Slack.Posts[0].BlocksJson);

        // Someone deleted the day's message: the next run that day posts a new one rather than failing.
        var channel = sandbox.State.Slack.Channels.Single(c => c.Id == "C0DIGEST");
        lock (sandbox.State.Sync) channel.Messages.RemoveAll(m => m.Ts == sandbox.State.Slack.Posts[1].Ts);
        await poster.PublishAsync(Run("Export fails again", Finished.AddDays(1).AddHours(1)), _dir, CancellationToken.None);

        Assert.Equal(3, sandbox.State.Slack.Posts.Count);
        Assert.Contains("Export fails again", sandbox.State.Slack.Posts[2].BlocksJson);
    }
}
