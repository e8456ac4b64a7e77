using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using TriageBot.Domain;
using TriageBot.Storage;

namespace TriageBot.Tests.Storage;

/// <summary>Every store, as the stages use it: the same tests run on SQLite and on PostgreSQL.</summary>
public abstract class StoreContractTests
{
    protected static readonly CancellationToken Ct = CancellationToken.None;

    /// <summary>The stores of one empty database, all on <see cref="Time"/>.</summary>
    protected sealed record Stores(ICursorStore Cursors, IItemStore Items, IEmbeddingStore Embeddings, IThemeStore Themes,
        ITicketStore Tickets, IDraftCache Drafts, IRunStore Runs, IAuditLog Audit, IRunLock RunLock);

    protected abstract FakeTimeProvider Time { get; }

    protected abstract Stores Store { get; }

    [Fact]
    public async Task Cursors_are_kept_per_source_and_key_and_overwritten()
    {
        var store = Store.Cursors;
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
        var store = Store.Embeddings;
        float[] v1 = [0.1f, -2.5f, float.Epsilon, 3.4e38f];
        float[] v2 = [1f, 0f];
        await store.PutManyAsync("minilm", new Dictionary<string, float[]> { ["h1"] = v1, ["h2"] = v2 }, Ct);
        await store.PutManyAsync("other", new Dictionary<string, float[]> { ["h1"] = [9f] }, Ct);
        await store.PutManyAsync("minilm", new Dictionary<string, float[]> { ["h2"] = [2f, 3f] }, Ct);

        var found = await store.GetManyAsync("minilm", ["h1", "h2", "missing"], Ct);

        Assert.Equal(2, found.Count);
        Assert.Equal(v1, found["h1"]);
        Assert.Equal([2f, 3f], found["h2"]);
        Assert.Equal(new[] { 9f }, (await store.GetManyAsync("other", ["h1"], Ct))["h1"]);
        Assert.Empty(await store.GetManyAsync("minilm", [], Ct));
    }

    [Fact]
    public async Task Saving_themes_retires_the_missing_ones_and_keeps_events_and_noise()
    {
        var store = Store.Themes;
        var at = Time.GetUtcNow();
        Theme Theme(string id, params string[] items) =>
            new() { Id = id, ItemIds = items, Centroid = [0.5f, 0.25f], FirstSeen = at, LastChanged = at };

        await store.SaveAsync([Theme("t1", "slack:C01:1.0"), Theme("t2", "x:1")],
            [new ThemeEvent("created", "t1", null, "new cluster", at)], Ct);
        Time.Advance(TimeSpan.FromDays(1));
        await store.SaveAsync([Theme("t2", "x:1", "x:2") with { Pinned = true }, Theme("t3", "github:acme/app#1")],
            [new ThemeEvent("merged", "t2", "t1", "too close", at.AddDays(1)), new ThemeEvent("created", "t3", null, "new cluster", at.AddDays(1))], Ct);

        var live = await store.GetAllAsync(Ct);
        Assert.Equal(["t2", "t3"], live.Select(t => t.Id));
        Assert.Equal(["x:1", "x:2"], live[0].ItemIds);
        Assert.True(live[0].Pinned);
        Assert.Equal([0.5f, 0.25f], live[0].Centroid);
        Assert.Equal(at, live[0].FirstSeen);

        Assert.Equal(["created", "merged", "created"], (await store.GetEventsAsync(null, Ct)).Select(e => e.Kind));
        Assert.Equal(["created", "merged"], (await store.GetEventsAsync("t1", Ct)).Select(e => e.Kind));
        var merge = Assert.Single(await store.GetEventsAsync("t2", Ct));
        Assert.Equal(new ThemeEvent("merged", "t2", "t1", "too close", at.AddDays(1)), merge);

        await store.SaveNoiseAsync(["x:9", "x:8"], Ct);
        await store.SaveNoiseAsync(["x:8", "x:7"], Ct);
        Assert.Equal(["x:7", "x:8"], await store.GetNoiseAsync(Ct));
        // A retired id comes back when a later run saves it again.
        await store.SaveAsync([Theme("t1", "slack:C01:1.0")], [], Ct);
        Assert.Equal(["t1"], (await store.GetAllAsync(Ct)).Select(t => t.Id));
    }

    [Fact]
    public async Task Ticket_mappings_and_intents_round_trip()
    {
        var store = Store.Tickets;
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

        var intent = new TicketIntent("t2", "intent-abc", Time.GetUtcNow());
        await store.SaveIntentAsync(intent, Ct);
        Assert.Equal(intent, await store.GetIntentAsync("t2", Ct));
        await store.ClearIntentAsync("t2", Ct);
        Assert.Null(await store.GetIntentAsync("t2", Ct));
        await store.DeleteAsync("t1", Ct);
        Assert.Empty(await store.GetAllAsync(Ct));
    }

    [Fact]
    public async Task Drafts_are_cached_by_content_key()
    {
        var cache = Store.Drafts;
        var draft = new ThemeDraft
        {
            ThemeId = "t1", Title = "Login loops", Summary = "Users bounce back to login.", Priority = TicketPriority.High,
            SmallFix = true, SmallFixReason = "one redirect", GoalId = "g1", Labels = ["bug"], Author = "gpt-x",
        };
        await cache.PutAsync("k1", draft, Ct);

        var stored = await cache.GetAsync("k1", Ct);
        Assert.NotNull(stored);
        Assert.Equal(StoredJson.To(draft), StoredJson.To(stored));
        Assert.Null(await cache.GetAsync("k2", Ct));
    }

    [Fact]
    public async Task Runs_are_listed_newest_first_with_their_outcome()
    {
        var store = Store.Runs;
        var t0 = Time.GetUtcNow();
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
        var log = Store.Audit;
        var t0 = Time.GetUtcNow();
        var early = new AuditEntry(t0, "r1", "llm", "gpt-x", "summarize t1", "new theme");
        var late = new AuditEntry(t0.AddHours(1), "r1", "linear", "APP-7", "issueCreate", "actionable theme", "{\"items\":3}");
        await log.AppendAsync(early, Ct);
        await log.AppendAsync(late, Ct);

        Assert.Equal([early, late], await log.GetAsync(null, Ct));
        Assert.Equal([late], await log.GetAsync(t0.AddMinutes(30), Ct));
    }

    [Fact]
    public async Task The_run_lock_is_held_by_one_run_until_it_lets_go()
    {
        var first = await Store.RunLock.TryAcquireAsync(Ct);
        Assert.NotNull(first);
        Assert.Null(await Store.RunLock.TryAcquireAsync(Ct));

        await first.DisposeAsync();
        await first.DisposeAsync(); // twice is harmless
        await using var second = await Store.RunLock.TryAcquireAsync(Ct);
        Assert.NotNull(second);
    }

    [Fact]
    public async Task Upsert_tells_new_from_updated_from_unchanged_by_content_hash()
    {
        var items = Store.Items;
        var a = TempSqliteDatabase.Item("slack:C01:1.0");
        var b = TempSqliteDatabase.Item("github:acme/app#12", "export is slow");

        var first = await items.UpsertAsync([a, b], Ct);
        Assert.Equal(ItemChange.New, first[a.Id]);
        Assert.Equal(ItemChange.New, first[b.Id]);

        var withReply = a with { Replies = [new FeedbackReply("1.1", "U2", "same here", a.CreatedAt)] };
        var moreReactions = b with { Reactions = 7 };
        var second = await items.UpsertAsync([withReply, moreReactions], Ct);

        Assert.Equal(ItemChange.Updated, second[a.Id]);
        Assert.Equal(ItemChange.Unchanged, second[b.Id]);
        // Metadata that does not change the meaning is still kept up to date.
        Assert.Equal(7, (await items.GetAsync(b.Id, Ct))!.Reactions);
        Assert.Equal(ItemChange.Unchanged, (await items.UpsertAsync([withReply], Ct))[a.Id]);
        Assert.Equal(2, await items.CountAsync(Ct));
    }

    [Fact]
    public async Task An_item_round_trips_with_every_field()
    {
        var items = Store.Items;
        var item = TempSqliteDatabase.Item("github:acme/app#12") with
        {
            Title = "Export fails",
            RawBody = "*raw* <@U1>",
            Replies = [new FeedbackReply("c1", "bob", "me too", new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.FromHours(2)), "https://github.com/acme/app/issues/12#issuecomment-1")],
            UpdatedAt = new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero),
            Labels = ["bug", "export"],
            Language = "en",
            Reactions = 3,
        };
        await items.UpsertAsync([item], Ct);

        var stored = await items.GetAsync(item.Id, Ct);

        Assert.NotNull(stored);
        Assert.Equal(StoredJson.To(item), StoredJson.To(stored));
        Assert.Equal(item.ContentHash, stored.ContentHash);
        Assert.Null(await items.GetAsync("github:acme/app#999", Ct));
        Assert.Equal([item.Id], (await items.GetAllAsync(Ct)).Select(i => i.Id));
    }

    [Fact]
    public async Task A_bulk_upsert_stores_every_item_in_one_transaction()
    {
        // Set TRIAGEBOT_BENCH_ITEMS=100000 to time the bulk path by hand; the default keeps the suite fast.
        var count = int.TryParse(Environment.GetEnvironmentVariable("TRIAGEBOT_BENCH_ITEMS"), out var n) ? n : 5_000;
        var items = Enumerable.Range(0, count)
            .Select(i => TempSqliteDatabase.Item($"x:{1859000000000000000L + i}", $"post number {i} about slow exports"))
            .ToList();

        var clock = Stopwatch.StartNew();
        var changes = await Store.Items.UpsertAsync(items, Ct);
        var insertMs = clock.ElapsedMilliseconds;
        clock.Restart();
        var again = await Store.Items.UpsertAsync(items, Ct);
        Console.WriteLine($"{GetType().Name}: bulk upsert of {count} items: insert {insertMs} ms, unchanged re-upsert {clock.ElapsedMilliseconds} ms");

        Assert.Equal(count, changes.Count);
        Assert.All(changes.Values, c => Assert.Equal(ItemChange.New, c));
        Assert.All(again.Values, c => Assert.Equal(ItemChange.Unchanged, c));
        Assert.Equal(count, await Store.Items.CountAsync(Ct));
    }

    [Fact]
    public async Task Parallel_writers_in_one_process_all_land()
    {
        await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                await Store.Items.UpsertAsync([TempSqliteDatabase.Item($"slack:C0{w}:{i}.0")], Ct);
                await Store.Cursors.SetAsync("slack", $"C0{w}:history", i.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct);
                await Store.Audit.AppendAsync(new AuditEntry(Time.GetUtcNow(), "r1", "write", $"C0{w}", "upsert", "test"), Ct);
            }
        }, Ct)));

        Assert.Equal(160, await Store.Items.CountAsync(Ct));
        Assert.Equal(160, (await Store.Audit.GetAsync(null, Ct)).Count);
        Assert.Equal("19", await Store.Cursors.GetAsync("slack", "C07:history", Ct));
    }
}
