using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TriageBot.Clients.Slack;
using Microsoft.Extensions.Options;
using TriageBot.Domain;
using TriageBot.Pipeline;
using TriageBot.Storage;

namespace TriageBot.Reports;

/// <summary>
/// Where the Slack digest goes: chat.postMessage, and chat.update for a day's second run. An interface so the digest does
/// not depend on the client's construction and tests can capture what would be posted.
/// </summary>
public interface IDigestChannel
{
    /// <summary>Posts a new message; returns the channel id and ts it got.</summary>
    Task<SlackPostResult> PostAsync(string channel, string text, JsonArray blocks, CancellationToken ct);

    /// <summary>Replaces a message posted earlier; false when it is gone (deleted) or may no longer be edited.</summary>
    Task<bool> UpdateAsync(string channelId, string ts, string text, JsonArray blocks, CancellationToken ct);
}

/// <summary>
/// The digest channel over the shared Slack client. The client is resolved per post: it is a typed HttpClient, which a
/// singleton must not hold on to.
/// </summary>
public sealed class SlackDigestChannel(IServiceProvider services) : IDigestChannel
{
    public Task<SlackPostResult> PostAsync(string channel, string text, JsonArray blocks, CancellationToken ct) =>
        services.GetRequiredService<SlackWebClient>().PostMessageAsync(channel, text, blocks, ct);

    public async Task<bool> UpdateAsync(string channelId, string ts, string text, JsonArray blocks, CancellationToken ct)
    {
        try
        {
            await services.GetRequiredService<SlackWebClient>().UpdateMessageAsync(channelId, ts, text, blocks, ct);
            return true;
        }
        catch (SlackApiException e) when (e.Error is "message_not_found" or "cant_update_message" or "edit_window_closed")
        {
            return false;
        }
    }
}

/// <summary>Writes digest.md and digest.html for each run (a pipeline publisher).</summary>
public sealed class DigestFilePublisher(DigestBuilder builder, DigestFileWriter writer, GoalCatalog goals) : IRunPublisher
{
    public string Name => "digest files";

    public Task PublishAsync(RunOutcome outcome, string outDir, CancellationToken ct) =>
        writer.WriteAsync(builder.Build(outcome.Report, outcome.Items, goals.Goals, outcome.Drafts), outDir, ct);
}

/// <summary>
/// Posts the digest to the configured Slack channel (<c>Digest:SlackChannel</c>, else <c>Slack:DigestChannel</c>); does
/// nothing when none is set or no <see cref="IDigestChannel"/> is registered. One message per channel and day (UTC, the
/// day the run started): a second run that day (started by hand, or a scheduled run another node recovered) edits the
/// day's message, so PMs read one digest a morning and it is the latest. Where the day's message is is kept in the store.
/// </summary>
public sealed class SlackDigestPoster(
    DigestBuilder builder,
    GoalCatalog goals,
    IDigestChannel? channel,
    ICursorStore? cursors,
    IOptions<DigestOptions> options,
    ILogger<SlackDigestPoster> logger) : IRunPublisher
{
    private const string CursorSource = "slack";

    public string Name => "slack digest";

    public async Task PublishAsync(RunOutcome outcome, string outDir, CancellationToken ct)
    {
        var digest = builder.Build(outcome.Report, outcome.Items, goals.Goals, outcome.Drafts);
        await PostAsync(digest.Slack, DateOnly.FromDateTime(outcome.Report.Started.UtcDateTime), ct);
    }

    /// <summary>Posts (or edits the day's) digest; returns false when there is no channel to post to.</summary>
    public async Task<bool> PostAsync(SlackDigest digest, DateOnly day, CancellationToken ct)
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

        var key = string.Create(CultureInfo.InvariantCulture, $"digest:{target}:{day:yyyy-MM-dd}");
        if (cursors is not null && await cursors.GetAsync(CursorSource, key, ct) is { } posted
            && posted.Split(' ') is [var channelId, var ts])
        {
            if (await channel.UpdateAsync(channelId, ts, digest.Text, digest.Blocks, ct))
            {
                logger.LogInformation("Edited the day's digest in Slack channel {Channel} (message {Ts}, {Blocks} blocks)", target, ts, digest.Blocks.Count);
                return true;
            }
            logger.LogInformation("The day's digest message {Ts} in {Channel} is gone; posting a new one", ts, target);
        }

        var result = await channel.PostAsync(target, digest.Text, digest.Blocks, ct);
        if (cursors is not null && result.Ts.Length > 0) await cursors.SetAsync(CursorSource, key, $"{result.Channel} {result.Ts}", ct);
        logger.LogInformation("Posted the digest to Slack channel {Channel} ({Blocks} blocks)", target, digest.Blocks.Count);
        return true;
    }
}
