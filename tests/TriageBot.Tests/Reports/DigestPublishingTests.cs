using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TriageBot.Clients.Slack;
using TriageBot.Domain;
using TriageBot.Pipeline;
using TriageBot.Reports;
using static TriageBot.Tests.Reports.DigestSamples;

namespace TriageBot.Tests.Reports;

public sealed class DigestPublishingTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "triagebot-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private sealed class CapturingChannel : IDigestChannel
    {
        public List<(string Channel, string Text, JsonArray Blocks)> Posts { get; } = [];

        public Task<SlackPostResult> PostAsync(string channel, string text, JsonArray blocks, CancellationToken ct)
        {
            Posts.Add((channel, text, blocks));
            return Task.FromResult(new SlackPostResult(channel, $"{Posts.Count}.000000"));
        }

        public Task<bool> UpdateAsync(string channelId, string ts, string text, JsonArray blocks, CancellationToken ct) =>
            throw new InvalidOperationException("no store is registered, so there is no day's message to edit");
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings, IDigestChannel? channel)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddSingleton(new GoalCatalog([Goal("g1", "Smooth sign-in")]))
            .AddTriageBotReports(config);
        if (channel is not null) services.AddSingleton(channel);
        return services.BuildServiceProvider();
    }

    private static RunOutcome Outcome() => new(
        Report([Theme("t1", "Login loops", ["slack:C01:1.0"], "new", goal: "g1", ticket: Ticket("APP-7"))]),
        new Dictionary<string, FeedbackItem> { ["slack:C01:1.0"] = Item("slack:C01:1.0", "login loops") },
        []);

    [Fact]
    public async Task The_publishers_write_both_digest_files_and_post_to_the_configured_channel()
    {
        var channel = new CapturingChannel();
        await using var services = Services(new() { ["Slack:DigestChannel"] = "C0DIGEST" }, channel);
        var publishers = services.GetServices<IRunPublisher>().ToList();

        foreach (var publisher in publishers) await publisher.PublishAsync(Outcome(), _dir, CancellationToken.None);

        Assert.Equal(["digest files", "slack digest"], publishers.Select(p => p.Name));
        Assert.Contains("Login loops", await File.ReadAllTextAsync(Path.Combine(_dir, "digest.md")));
        Assert.Contains("<h1>TriageBot digest", await File.ReadAllTextAsync(Path.Combine(_dir, "digest.html")));
        var post = Assert.Single(channel.Posts);
        Assert.Equal("C0DIGEST", post.Channel);
        Assert.Contains("1 item read", post.Text);
        Assert.Equal("header", (string?)post.Blocks[0]!["type"]);
    }

    [Fact]
    public async Task Without_a_configured_channel_nothing_is_posted()
    {
        var channel = new CapturingChannel();
        await using var services = Services([], channel);
        var poster = services.GetServices<IRunPublisher>().OfType<SlackDigestPoster>().Single();

        await poster.PublishAsync(Outcome(), _dir, CancellationToken.None);

        Assert.Empty(channel.Posts);
    }

    [Fact]
    public async Task By_default_the_digest_goes_through_the_shared_slack_client()
    {
        await using var services = Services(new() { ["Digest:SlackChannel"] = "C0DIGEST" }, channel: null);

        Assert.IsType<SlackDigestChannel>(services.GetRequiredService<IDigestChannel>());
        Assert.Single(services.GetServices<IRunPublisher>().OfType<SlackDigestPoster>());
    }
}
