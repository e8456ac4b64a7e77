using TriageBot.Domain;
using TriageBot.Storage;
using TriageBot.Storage.Sqlite;

namespace TriageBot.Tests.Storage;

public sealed class SqliteStoreRoundTripTests : IDisposable
{
    private readonly TempSqliteDatabase _db = new();
    private static readonly CancellationToken Ct = CancellationToken.None;

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Cursors_are_kept_per_source_and_key_and_overwritten()
    {
        var store = new SqliteCursorStore(_db.Factory, _db.Time);
        Assert.Null(await store.GetAsync("github", "acme/app:issues", Ct));

        await store.SetAsync("github", "acme/app:issues", "2026-11-20T00:00:00Z", Ct);
        await store.SetAsync("x", "acme/app:issues", "other source", Ct);
        await store.SetAsync("github", "acme/app:issues", "2026-11-21T00:00:00Z", Ct);

        Assert.Equal("2026-11-21T00:00:00Z", await store.GetAsync("github", "acme/app:issues", Ct));
        Assert.Equal("other source", await store.GetAsync("x", "acme/app:issues", Ct));
    }

    [Fact]
    public async Task Embeddings_round_trip_bit_for_bit_per_model()
    {
        var store = new SqliteEmbeddingStore(_db.Factory);
        float[] v1 = [0.1f, -2.5f, float.Epsilon, 3.4e38f];
        float[] v2 = [1f, 0f];
        await store.PutManyAsync("minilm", new Dictionary<string, float[]> { ["h1"] = v1, ["h2"] = v2 }, Ct);
        await store.PutManyAsync("other", new Dictionary<string, float[]> { ["h1"] = [9f] }, Ct);

        var found = await store.GetManyAsync("minilm", ["h1", "h2", "missing"], Ct);

        Assert.Equal(2, found.Count);
        Assert.Equal(v1, found["h1"]);
        Assert.Equal(v2, found["h2"]);
        Assert.Equal(new[] { 9f }, (await store.GetManyAsync("other", ["h1"], Ct))["h1"]);
        Assert.Empty(await store.GetManyAsync("minilm", [], Ct));
    }

    [Theory]
    [InlineData(0)]            // never worth a pass over the table: one lookup per hash
    [InlineData(1_000_000)]    // always: one pass over the model's rows
    public async Task Embeddings_are_found_the_same_by_lookup_and_by_one_pass_over_the_table(int pagesPerLookup)
    {
        var store = new SqliteEmbeddingStore(_db.Factory) { PagesPerLookup = pagesPerLookup };
        var stored = Enumerable.Range(0, 300).ToDictionary(i => $"hash{i:D4}", i => new[] { i, -i, i * 0.5f });
        await store.PutManyAsync("minilm", stored, Ct);
        await store.PutManyAsync("other", new Dictionary<string, float[]> { ["hash0001"] = [9f] }, Ct);
        var wanted = Enumerable.Range(0, 300).Where(i => i % 3 == 0).Select(i => $"hash{i:D4}").Append("missing").Reverse().ToList();

        var found = await store.GetManyAsync("minilm", wanted, Ct);

        Assert.Equal(100, found.Count);
        foreach (var (hash, vector) in found) Assert.Equal(stored[hash], vector);
        Assert.Equal(new[] { 9f }, (await store.GetManyAsync("other", ["hash0001", "hash0002"], Ct))["hash0001"]);
    }

    [Fact]
    public async Task Saving_themes_retires_the_missing_ones_and_keeps_events_and_noise()
    {
        var store = new SqliteThemeStore(_db.Factory, _db.Time);
        var at = _db.Time.GetUtcNow();
        Theme Theme(string id, params string[] items) =>
            new() { Id = id, ItemIds = items, Centroid = [0.5f, 0.25f], FirstSeen = at, LastChanged = at };

        await store.SaveAsync([Theme("t1", "slack:C01:1.0"), Theme("t2", "x:1")],
            [new ThemeEvent("created", "t1", null, "new cluster", at)], Ct);
        _db.Time.Advance(TimeSpan.FromDays(1));
        await store.SaveAsync([Theme("t2", "x:1", "x:2") with { Pinned = true }, Theme("t3", "github:acme/app#1")],
            [new ThemeEvent("merged", "t2", "t1", "too close", at.AddDays(1))], Ct);

        var live = await store.GetAllAsync(Ct);
        Assert.Equal(["t2", "t3"], live.Select(t => t.Id));
        Assert.Equal(["x:1", "x:2"], live[0].ItemIds);
        Assert.True(live[0].Pinned);
        Assert.Equal([0.5f, 0.25f], live[0].Centroid);
        Assert.Equal(at, live[0].FirstSeen);

        var retired = Assert.Single(await store.GetRetiredAsync(Ct));
        Assert.Equal("t1", retired.Theme.Id);
        Assert.Equal(_db.Time.GetUtcNow(), retired.RetiredAt);

        Assert.Equal(2, (await store.GetEventsAsync(null, Ct)).Count);
        Assert.Equal(["created", "merged"], (await store.GetEventsAsync("t1", Ct)).Select(e => e.Kind));
        Assert.Equal("too close", Assert.Single(await store.GetEventsAsync("t2", Ct)).Reason);

        await store.SaveNoiseAsync(["x:9", "x:8"], Ct);
        await store.SaveNoiseAsync(["x:8", "x:7"], Ct);
        Assert.Equal(["x:7", "x:8"], await store.GetNoiseAsync(Ct));
    }

    [Fact]
    public async Task Ticket_mappings_and_intents_round_trip()
    {
        var store = new SqliteTicketStore(_db.Factory, _db.Time);
        var mapping = new TicketMapping("t1", new TicketRef("uuid-1", "APP-7", "https://linear.app/acme/issue/APP-7"),
            ["https://github.com/acme/app/issues/12"], "key-1", 3);
        await store.SaveAsync(mapping, Ct);
        await store.SaveAsync(mapping with { ContentKey = "key-2", ItemCountAtLastComment = 5, EvidenceUrls = ["a", "b"] }, Ct);

        var stored = await store.GetAsync("t1", Ct);
        Assert.NotNull(stored);
        Assert.Equal(mapping.Ticket, stored.Ticket);
        Assert.Equal("key-2", stored.ContentKey);
        Assert.Equal(5, stored.ItemCountAtLastComment);
        Assert.Equal(["a", "b"], stored.EvidenceUrls);
        Assert.Single(await store.GetAllAsync(Ct));
        Assert.Null(await store.GetAsync("t2", Ct));

        var intent = new TicketIntent("t2", "intent-abc", _db.Time.GetUtcNow());
        await store.SaveIntentAsync(intent, Ct);
        Assert.Equal(intent, await store.GetIntentAsync("t2", Ct));
        await store.ClearIntentAsync("t2", Ct);
        Assert.Null(await store.GetIntentAsync("t2", Ct));
    }

    [Fact]
    public async Task Drafts_are_cached_by_content_key()
    {
        var cache = new SqliteDraftCache(_db.Factory, _db.Time);
        var draft = new ThemeDraft
        {
            ThemeId = "t1", Title = "Login loops", Summary = "Users bounce back to login.", Priority = TicketPriority.High,
            SmallFix = true, SmallFixReason = "one redirect", GoalId = "g1", Labels = ["bug"], Author = "gpt-x",
        };
        await cache.PutAsync("k1", draft, Ct);

        var stored = await cache.GetAsync("k1", Ct);
        Assert.NotNull(stored);
        Assert.Equal(SqliteValues.ToJson(draft), SqliteValues.ToJson(stored));
        Assert.Null(await cache.GetAsync("k2", Ct));
    }

    [Fact]
    public async Task Runs_are_listed_newest_first_with_their_outcome()
    {
        var store = new SqliteRunStore(_db.Factory);
        var t0 = _db.Time.GetUtcNow();
        await store.StartAsync("r1", t0, Ct);
        await store.FinishAsync("r1", t0.AddMinutes(1), "succeeded", "{\"run_id\":\"r1\"}", Ct);
        await store.StartAsync("r2", t0.AddHours(1), Ct);
        await store.StartAsync("r2", t0.AddHours(2), Ct);

        var recent = await store.GetRecentAsync(10, Ct);

        Assert.Equal(["r2", "r1"], recent.Select(r => r.RunId));
        Assert.Equal(new RunRecord("r2", t0.AddHours(1), null, "running", null), recent[0]);
        Assert.Equal(new RunRecord("r1", t0, t0.AddMinutes(1), "succeeded", "{\"run_id\":\"r1\"}"), recent[1]);
        Assert.Single(await store.GetRecentAsync(1, Ct));
    }

    [Fact]
    public async Task The_audit_log_returns_entries_since_a_time_in_order()
    {
        var log = new SqliteAuditLog(_db.Factory);
        var t0 = _db.Time.GetUtcNow();
        var early = new AuditEntry(t0, "r1", "llm", "gpt-x", "summarize t1", "new theme");
        var late = new AuditEntry(t0.AddHours(1), "r1", "linear", "APP-7", "issueCreate", "actionable theme", "{\"items\":3}");
        await log.AppendAsync(early, Ct);
        await log.AppendAsync(late, Ct);

        Assert.Equal([early, late], await log.GetAsync(null, Ct));
        Assert.Equal([late], await log.GetAsync(t0.AddMinutes(30), Ct));
    }
}
