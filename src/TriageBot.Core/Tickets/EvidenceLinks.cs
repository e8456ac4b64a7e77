using System.Security.Cryptography;
using System.Text;
using TriageBot.Agent.Text;
using TriageBot.Domain;

namespace TriageBot.Tickets;

/// <summary>One attachment per evidence item: its URL and a title a person can read in Linear.</summary>
public sealed record EvidenceLink(string ItemId, string Url, string Title, string Subtitle);

public static class EvidenceLinks
{
    public static IReadOnlyList<EvidenceLink> For(IEnumerable<FeedbackItem> items) =>
        items.Where(i => !string.IsNullOrWhiteSpace(i.Url))
            .GroupBy(i => i.Url, StringComparer.Ordinal).Select(g => g.First())
            .OrderBy(i => i.CreatedAt).ThenBy(i => i.Id, StringComparer.Ordinal)
            .Select(i => new EvidenceLink(i.Id, i.Url, Title(i), Subtitle(i)))
            .ToList();

    public static string Title(FeedbackItem item)
    {
        var gist = Gist(item);
        return item.Source switch
        {
            FeedbackSource.GitHub => $"GitHub {item.Id["github:".Length..]}: {gist}",
            FeedbackSource.Slack => $"Slack thread{Author(item, " from ")}: {gist}",
            _ => $"X post{Author(item, " by @")}: {gist}",
        };
    }

    private static string Subtitle(FeedbackItem item)
    {
        var replies = item.Replies.Count == 0 ? "" : $" · {item.Replies.Count} {(item.Source == FeedbackSource.GitHub ? "comments" : "replies")}";
        var reactions = item.Reactions > 0 ? $" · {item.Reactions} reactions" : "";
        return $"{item.CreatedAt:yyyy-MM-dd}{replies}{reactions}";
    }

    /// <summary>The item's title, else the opening of its body, each only up to words that turn to the bot (<see cref="FeedbackText.BeforeBotAddress"/>).</summary>
    private static string Gist(FeedbackItem item)
    {
        var title = FeedbackText.BeforeBotAddress(item.Title).Trim();
        var text = title.Length > 0 ? title : FeedbackText.StripOpeners(FeedbackText.Prose(FeedbackText.BeforeBotAddress(item.Body)).Replace('\n', ' '));
        return FeedbackText.Shorten(text.Length == 0 ? item.Id : text, 80);
    }

    private static string Author(FeedbackItem item, string prefix) => item.Author.Length > 0 ? prefix + item.Author : "";

    /// <summary>A stable key for a set of items, stored with the mapping.</summary>
    public static string ContentKey(IEnumerable<FeedbackItem> items)
    {
        var text = string.Join('\n', items.Select(i => i.Id + "=" + i.ContentHash).Order(StringComparer.Ordinal));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }
}
