using System.Text.Json;
using System.Text.Json.Nodes;

namespace TriageBot.Clients.Linear;

/// <summary>An attachment to create: the evidence URL and what a person reads in Linear.</summary>
public sealed record LinearAttachmentInput(string Url, string Title, string? Subtitle);

/// <summary>What a batch of attachmentCreate did: the attachments made, and the inputs that still failed with why.</summary>
public sealed record LinearAttachmentBatch(IReadOnlyList<LinearAttachment> Created, IReadOnlyList<(LinearAttachmentInput Input, string Error)> Failed);

// Batched operations: several aliased root fields per request (LinearDocuments.MaxBatch at most). A rate-limited
// request executed nothing and is resent whole by SendAsync; an alias that failed inside a 200 answer is sent again
// on its own batch, and what still fails after that is reported to the caller, never dropped.
public sealed partial class LinearGraphQLClient
{
    /// <summary>How often the aliases that failed inside a partial answer are sent again.</summary>
    private const int AliasRetries = 2;

    /// <summary>
    /// The attachments (and their issues) linking each of <paramref name="urls"/>, in batched queries. Throws when a
    /// URL could not be looked up after retries: a lookup that silently answered "none" could file a duplicate.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<LinearAttachment>>> FindAttachmentsAsync(IReadOnlyList<string> urls, CancellationToken ct)
    {
        var found = new Dictionary<string, IReadOnlyList<LinearAttachment>>(StringComparer.Ordinal);
        var pending = urls.Distinct(StringComparer.Ordinal).ToList();
        for (var attempt = 0; pending.Count > 0; attempt++)
        {
            var failed = new List<(string Url, string Error)>();
            foreach (var chunk in pending.Chunk(LinearDocuments.MaxBatch))
            {
                var variables = new JsonObject();
                for (var i = 0; i < chunk.Length; i++) variables[$"u{i}"] = chunk[i];
                var answer = await SendAsync(LinearDocuments.AttachmentsForUrls(chunk.Length), variables, ct);
                for (var i = 0; i < chunk.Length; i++)
                {
                    if (answer.Data.TryGetProperty($"a{i}", out var conn) && conn.ValueKind == JsonValueKind.Object)
                    {
                        found[chunk[i]] = ParseAttachments(answer.Data, $"a{i}");
                    }
                    else
                    {
                        failed.Add((chunk[i], AliasError(answer.Errors, $"a{i}")));
                    }
                }
            }
            if (failed.Count == 0) break;
            metrics.Add("linear.alias_failures", failed.Count);
            if (attempt >= AliasRetries)
            {
                throw new LinearApiException(
                    $"attachmentsForURL failed for {failed.Count} URL(s) after {AliasRetries} retries: {failed[0].Url}: {failed[0].Error}", []);
            }
            pending = failed.Select(f => f.Url).ToList();
        }
        return found;
    }

    /// <summary>
    /// Creates one attachment per input on <paramref name="issueId"/>, in batched mutations. Linear treats a second
    /// attachment with the same URL on the same issue as an update, so resending an alias whose outcome is unknown
    /// cannot duplicate it. Inputs that still fail after retries come back in <see cref="LinearAttachmentBatch.Failed"/>.
    /// </summary>
    public async Task<LinearAttachmentBatch> CreateAttachmentsAsync(string issueId, IReadOnlyList<LinearAttachmentInput> inputs, CancellationToken ct)
    {
        var created = new List<LinearAttachment>();
        var pending = inputs.DistinctBy(i => i.Url, StringComparer.Ordinal).ToList();
        var failed = new List<(LinearAttachmentInput Input, string Error)>();
        for (var attempt = 0; pending.Count > 0; attempt++)
        {
            failed = [];
            foreach (var chunk in pending.Chunk(LinearDocuments.MaxBatch))
            {
                var variables = new JsonObject();
                for (var i = 0; i < chunk.Length; i++)
                {
                    var input = new JsonObject { ["issueId"] = issueId, ["url"] = chunk[i].Url, ["title"] = chunk[i].Title };
                    if (chunk[i].Subtitle is not null) input["subtitle"] = chunk[i].Subtitle;
                    variables[$"i{i}"] = input;
                }
                LinearResult answer;
                try
                {
                    answer = await SendAsync(LinearDocuments.AttachmentCreates(chunk.Length), variables, ct, idempotent: true);
                }
                catch (LinearApiException ex) when (!ex.IsRateLimited && ex.Status == 200)
                {
                    // Every alias failed (data null): the same per-alias path as a partial failure.
                    failed.AddRange(chunk.Select((c, i) => (c, AliasError(ex.Errors, $"a{i}"))));
                    continue;
                }
                for (var i = 0; i < chunk.Length; i++)
                {
                    if (answer.Data.TryGetProperty($"a{i}", out var payload) && payload.ValueKind == JsonValueKind.Object
                        && payload.TryGetProperty("attachment", out var a) && a.ValueKind == JsonValueKind.Object)
                    {
                        created.Add(new LinearAttachment(Str(a, "id"), Str(a, "url"), Str(a, "title"), null));
                    }
                    else
                    {
                        failed.Add((chunk[i], AliasError(answer.Errors, $"a{i}")));
                    }
                }
            }
            if (failed.Count == 0) break;
            metrics.Add("linear.alias_failures", failed.Count);
            if (attempt >= AliasRetries) break;
            pending = failed.Select(f => f.Input).ToList();
        }
        return new LinearAttachmentBatch(created, failed);
    }

    private static LinearAttachment ParseAttachment(JsonElement n) =>
        new(Str(n, "id"), Str(n, "url"), Str(n, "title"),
            n.TryGetProperty("issue", out var i) && i.ValueKind == JsonValueKind.Object ? ParseIssue(i) : null,
            n.TryGetProperty("creator", out var c) && c.ValueKind == JsonValueKind.Object && c.TryGetProperty("isMe", out var me) && me.ValueKind == JsonValueKind.True);

    private static List<LinearAttachment> ParseAttachments(JsonElement data, string field) =>
        Nodes(data, field)
            .Select(ParseAttachment)
            .ToList();

    /// <summary>The error Linear reported for <paramref name="alias"/> (its path starts with the alias), or the first one.</summary>
    private static string AliasError(IReadOnlyList<LinearError> errors, string alias) =>
        (errors.FirstOrDefault(e => e.Path is { Count: > 0 } p && p[0] == alias) ?? errors.FirstOrDefault())?.Message
        ?? "no data for " + alias;
}
