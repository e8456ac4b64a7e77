using System.Text.Json;
using TriageBot.Domain;
using TriageBot.Ingest.Slack;

/// <summary>Scenario file to feedback items, roughly as ingest reads them (PRs, bot messages and joins dropped).</summary>
internal static class ScenarioItems
{
    public static List<FeedbackItem> Load(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var root = doc.RootElement;
        var items = new List<FeedbackItem>();
        var t0 = DateTimeOffset.Parse("2026-01-01T00:00:00Z");
        if (root.TryGetProperty("slack", out var slack))
            foreach (var ch in slack.GetProperty("channels").EnumerateArray())
                foreach (var m in ch.GetProperty("messages").EnumerateArray())
                {
                    if (m.TryGetProperty("subtype", out var st) && st.ValueKind == JsonValueKind.String) continue;
                    var replies = m.TryGetProperty("replies", out var r)
                        ? r.EnumerateArray().Select(x => new FeedbackReply(x.GetProperty("ts").GetString()!, "", x.GetProperty("text").GetString() ?? "", t0)).ToList()
                        : [];
                    items.Add(new FeedbackItem
                    {
                        Id = $"slack:{ch.GetProperty("id").GetString()}:{m.GetProperty("ts").GetString()}",
                        Source = FeedbackSource.Slack, Location = ch.GetProperty("id").GetString()!,
                        Body = m.GetProperty("text").GetString() ?? "", Replies = replies, Url = "u", CreatedAt = SlackTs.ToTime(m.GetProperty("ts").GetString()!),
                        Author = m.TryGetProperty("user", out var u) ? u.GetString() ?? "" : "",
                    });
                }
        if (root.TryGetProperty("github", out var gh))
            foreach (var repo in gh.GetProperty("repos").EnumerateArray())
                foreach (var i in repo.GetProperty("issues").EnumerateArray())
                {
                    if (i.TryGetProperty("is_pull_request", out var pr) && pr.ValueKind == JsonValueKind.True) continue;
                    var name = $"{repo.GetProperty("owner").GetString()}/{repo.GetProperty("name").GetString()}";
                    var comments = i.TryGetProperty("comments", out var c)
                        ? c.EnumerateArray().Select(x => new FeedbackReply(x.GetProperty("id").ToString(), "", x.GetProperty("body").GetString() ?? "", t0)).ToList()
                        : [];
                    items.Add(new FeedbackItem
                    {
                        Id = $"github:{name}#{i.GetProperty("number").GetInt32()}", Source = FeedbackSource.GitHub, Location = name,
                        Title = i.GetProperty("title").GetString() ?? "", Body = i.GetProperty("body").GetString() ?? "",
                        Replies = comments, Url = $"https://github.com/{name}/issues/{i.GetProperty("number").GetInt32()}", CreatedAt = When(i, t0), Author = i.TryGetProperty("user", out var u) ? u.GetString() ?? "" : "",
                        Labels = i.TryGetProperty("labels", out var l) ? l.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString() ?? "" : x.GetProperty("name").GetString() ?? "").ToList() : [],
                    });
                }
        if (root.TryGetProperty("x", out var x))
        {
            // As XPostReader does: the author is the username (the users expansion), the id only when no user is listed.
            var usernames = x.TryGetProperty("users", out var xu)
                ? xu.EnumerateArray().ToDictionary(u => u.GetProperty("id").GetString() ?? "", u => u.GetProperty("username").GetString() ?? "")
                : [];
            foreach (var p in x.GetProperty("posts").EnumerateArray())
            {
                var authorId = p.GetProperty("author_id").GetString() ?? "";
                items.Add(new FeedbackItem
                {
                    Id = $"x:{p.GetProperty("id").GetString()}", Source = FeedbackSource.X, Location = "q",
                    Body = p.GetProperty("text").GetString() ?? "", Url = $"https://x.com/i/status/{p.GetProperty("id").GetString()}", CreatedAt = When(p, t0),
                    Author = usernames.GetValueOrDefault(authorId, authorId),
                });
            }
        }
        return items;
    }

    private static DateTimeOffset When(JsonElement e, DateTimeOffset fallback) =>
        e.TryGetProperty("created_at", out var c) && c.ValueKind == JsonValueKind.String ? DateTimeOffset.Parse(c.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : fallback;
}
