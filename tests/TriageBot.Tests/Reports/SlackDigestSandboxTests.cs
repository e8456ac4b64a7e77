using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TriageBot.Domain;
using TriageBot.Ingest;
using TriageBot.Pipeline;
using TriageBot.Reports;
using TriageBot.Storage;
using TriageBot.Tests.Support;
using static TriageBot.Tests.Reports.DigestSamples;

namespace TriageBot.Tests.Reports;

public sealed class SlackDigestSandboxTests
{
    [Fact]
    public async Task A_200_theme_digest_is_accepted_by_chat_postMessage_through_the_real_slack_client()
    {
        var scenario = SandboxFixture.WithSlack(SandboxFixture.SlackChannel("C0DIGEST", "digest", 1, Finished.AddDays(-1)));
        await using var sandbox = await SandboxFixture.StartAsync(scenario);
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:BaseUrl"] = sandbox.SlackApiUrl.ToString(),
            ["Slack:Token"] = sandbox.Credentials.SlackBotToken,
            ["Slack:DigestChannel"] = "digest",
            ["Digest:TopThemes"] = "40",
        }).Build();
        await using var services = new ServiceCollection()
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddSingleton(new GoalCatalog([Goal("g1", "Smooth sign-in")]))
            .AddTriageBotStorage(config)
            .AddTriageBotIngest(config)
            .AddTriageBotReports(config)
            .BuildServiceProvider();

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
}
