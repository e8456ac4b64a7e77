using System.Text.Json;
using TriageBot.Domain;
using TriageBot.Ingest.Slack;

/// <summary>Scenario file to feedback items, roughly as ingest reads them (PRs, bot messages and joins dropped).</summary>
internal static class ScenarioItems
{
    /// <summary>
    /// The items `scenario` clusters: <see cref="Load"/>'s, unless the environment asks for others.
    /// <c>ITEMS_RUNS=DIR</c> reads what the pipeline stored instead (<c>DIR/run-NAME/triagebot.db</c>, as
    /// `bench/demo_quality.sh` leaves it): the same feedback as ingest really read it, mentions and entities resolved.
    /// <c>ITEMS_ORDER=time</c> orders them as the pipeline hands them to the clusterer (created, then id);
    /// <c>ITEMS_ORDER=scenario</c> as the scenario file lists them (what <see cref="Load"/> gives);
    /// <c>ITEMS_ORDER=N</c> shuffles them with seed N. The clusterer's result depends on the order, so these show how much.
    /// </summary>
    public static List<FeedbackItem> LoadAsConfigured(string file)
    {
        var runs = Environment.GetEnvironmentVariable("ITEMS_RUNS");
        var items = runs is not null
            ? Stored(Path.Combine(runs, "run-" + Path.GetFileNameWithoutExtension(file), "triagebot.db"))
            : Load(file);
        switch (Environment.GetEnvironmentVariable("ITEMS_ORDER"))
        {
            case "time":
                return InPipelineOrder(items);
            case "scenario" when runs is null:
                return items;
            case "scenario":
                var order = Load(file).Select((x, k) => (x.Id, k)).ToDictionary(x => x.Id, x => x.k);
                return items.OrderBy(x => order.GetValueOrDefault(x.Id, int.MaxValue)).ToList();
            case { } seed when int.TryParse(seed, out var n):
                new Random(n).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(items));
                return items;
            default:
                return items;
        }
    }

    /// <summary>The order the pipeline hands items to the clusterer in (the store reads by created time, then id).</summary>
    public static List<FeedbackItem> InPipelineOrder(IEnumerable<FeedbackItem> items) =>
        items.OrderBy(x => x.CreatedAt.UtcDateTime).ThenBy(x => x.Id, StringComparer.Ordinal).ToList();

    private static List<FeedbackItem> Stored(string db)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT json FROM items ORDER BY rowid;";
        using var reader = command.ExecuteReader();
        var items = new List<FeedbackItem>();
        while (reader.Read()) items.Add(TriageBot.Storage.StoredJson.From<FeedbackItem>(reader.GetString(0)));
        return items;
    }

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
