using System.Security.Cryptography;
using System.Text;

namespace TriageBot.Domain;

public enum FeedbackSource { Slack, GitHub, X }

public static class FeedbackSourceNames
{
    /// <summary>The name every output uses for a source: "slack", "github", "x" (report, store, prompts).</summary>
    public static string Name(this FeedbackSource source) => source switch
    {
        FeedbackSource.Slack => "slack",
        FeedbackSource.GitHub => "github",
        FeedbackSource.X => "x",
        _ => source.ToString().ToLowerInvariant(),
    };
}

/// <summary>
/// One piece of feedback: a Slack thread (parent plus replies), a GitHub issue (with its comments)
/// or an X post. <see cref="Id"/> is the canonical id from the scenario format
/// (<c>slack:C01:1763370000.000100</c>, <c>github:acme/app#12</c>, <c>x:1859…</c>); every output uses it.
/// </summary>
public sealed record FeedbackItem
{
    public required string Id { get; init; }
    public required FeedbackSource Source { get; init; }

    /// <summary>Where it came from, for routing: a Slack channel id, <c>owner/repo</c>, or an X query name.</summary>
    public required string Location { get; init; }

    /// <summary>GitHub issue title; empty for Slack and X.</summary>
    public string Title { get; init; } = "";

    /// <summary>Readable text of the parent message or issue body (mrkdwn decoded).</summary>
    public required string Body { get; init; }

    /// <summary>The text exactly as the service sent it, kept for audit and re-decoding.</summary>
    public string RawBody { get; init; } = "";

    /// <summary>Thread replies or issue comments, oldest first.</summary>
    public IReadOnlyList<FeedbackReply> Replies { get; init; } = [];

    public required string Url { get; init; }
    public string Author { get; init; } = "";
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Reactions (Slack, GitHub) or likes plus reposts (X).</summary>
    public int Reactions { get; init; }

    public IReadOnlyList<string> Labels { get; init; } = [];
    public string? Language { get; init; }

    /// <summary>A hash of everything that makes the item's meaning: title, body and replies.
    /// Embeddings and model output are cached under it, so an unchanged item is never re-processed.</summary>
    public string ContentHash => ComputeHash(Title, Body, Replies);

    /// <summary>Title, body and replies as one text, for featurisers and summaries.</summary>
    public string FullText => TextWith(_ => true);

    /// <summary>Title, body and the replies <paramref name="keep"/> accepts, as one text laid out as <see cref="FullText"/>.</summary>
    public string TextWith(Func<FeedbackReply, bool> keep)
    {
        var sb = new StringBuilder();
        if (Title.Length > 0) sb.Append(Title).Append('\n');
        sb.Append(Body);
        foreach (var r in Replies)
            if (keep(r)) sb.Append('\n').Append(r.Text);
        return sb.ToString();
    }

    public static string ComputeHash(string title, string body, IReadOnlyList<FeedbackReply> replies)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string s)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(s));
            sha.AppendData([0]);
        }
        Add(title);
        Add(body);
        foreach (var r in replies) Add(r.Text);
        return Convert.ToHexStringLower(sha.GetHashAndReset())[..32];
    }
}

/// <summary>A reply in a Slack thread or a comment on a GitHub issue.</summary>
public sealed record FeedbackReply(string Id, string Author, string Text, DateTimeOffset CreatedAt, string? Url = null);
