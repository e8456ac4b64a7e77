using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TriageBot.Clients.Slack;
using Microsoft.Extensions.Options;
using TriageBot.Domain;
using TriageBot.Pipeline;

namespace TriageBot.Reports;

/// <summary>
/// Where the Slack digest goes. Implemented over the Slack client's
/// <c>SlackWebClient.PostMessageAsync(channel, text, blocks, ct)</c>; an interface so the digest does not
/// depend on the client's construction and tests can capture what would be posted.
/// </summary>
public interface IDigestChannel
{
    Task PostAsync(string channel, string text, JsonArray blocks, CancellationToken ct);
}

/// <summary>
/// The digest channel over the shared Slack client (chat.postMessage). The client is resolved per post:
/// it is a typed HttpClient, which a singleton must not hold on to.
/// </summary>
public sealed class SlackDigestChannel(IServiceProvider services) : IDigestChannel
{
    public Task PostAsync(string channel, string text, JsonArray blocks, CancellationToken ct) =>
        services.GetRequiredService<SlackWebClient>().PostMessageAsync(channel, text, blocks, ct);
}

/// <summary>Writes digest.md and digest.html for each run (a pipeline publisher).</summary>
public sealed class DigestFilePublisher(DigestBuilder builder, DigestFileWriter writer, GoalCatalog goals) : IRunPublisher
{
    public string Name => "digest files";

    public Task PublishAsync(RunOutcome outcome, string outDir, CancellationToken ct) =>
        writer.WriteAsync(builder.Build(outcome.Report, outcome.Items, goals.Goals, outcome.Drafts), outDir, ct);
}

/// <summary>Posts the digest to the configured Slack channel (<c>Digest:SlackChannel</c>, else <c>Slack:DigestChannel</c>);
/// does nothing when none is set or no <see cref="IDigestChannel"/> is registered.</summary>
public sealed class SlackDigestPoster(
    DigestBuilder builder,
    GoalCatalog goals,
    IDigestChannel? channel,
    IOptions<DigestOptions> options,
    ILogger<SlackDigestPoster> logger) : IRunPublisher
{
    public string Name => "slack digest";

    public async Task PublishAsync(RunOutcome outcome, string outDir, CancellationToken ct)
    {
        var digest = builder.Build(outcome.Report, outcome.Items, goals.Goals, outcome.Drafts);
        await PostAsync(digest.Slack, ct);
    }

    /// <summary>Posts an already built digest; returns false when there is no channel to post to.</summary>
    public async Task<bool> PostAsync(SlackDigest digest, CancellationToken ct)
    {
        var target = options.Value.SlackChannel;
        if (string.IsNullOrWhiteSpace(target))
        {
            logger.LogInformation("No Digest:SlackChannel configured; the digest is not posted to Slack");
            return false;
        }
        if (channel is null)
        {
            logger.LogWarning("Digest:SlackChannel is set but no Slack digest channel is registered; the digest is not posted");
            return false;
        }
        await channel.PostAsync(target, digest.Text, digest.Blocks, ct);
        logger.LogInformation("Posted the digest to Slack channel {Channel} ({Blocks} blocks)", target, digest.Blocks.Count);
        return true;
    }
}
