using System.Diagnostics;
using TriageBot.Domain;
using TriageBot.Storage;
using TriageBot.Storage.Sqlite;

namespace TriageBot.Tests.Storage;

public sealed class SqliteItemStoreTests : IDisposable
{
    private readonly TempSqliteDatabase _db = new();
    private readonly SqliteItemStore _store;

    public SqliteItemStoreTests() => _store = new SqliteItemStore(_db.Factory, _db.Time);

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Upsert_tells_new_from_updated_from_unchanged_by_content_hash()
    {
        var ct = CancellationToken.None;
        var a = TempSqliteDatabase.Item("slack:C01:1.0");
        var b = TempSqliteDatabase.Item("github:acme/app#12", "export is slow");

        var first = await _store.UpsertAsync([a, b], ct);
        Assert.Equal(ItemChange.New, first[a.Id]);
        Assert.Equal(ItemChange.New, first[b.Id]);

        var withReply = a with { Replies = [new FeedbackReply("1.1", "U2", "same here", a.CreatedAt)] };
        var moreReactions = b with { Reactions = 7 };
        var second = await _store.UpsertAsync([withReply, moreReactions], ct);

        Assert.Equal(ItemChange.Updated, second[a.Id]);
        Assert.Equal(ItemChange.Unchanged, second[b.Id]);
        // Metadata that does not change the meaning is still kept up to date.
        Assert.Equal(7, (await _store.GetAsync(b.Id, ct))!.Reactions);
        Assert.Equal(ItemChange.Unchanged, (await _store.UpsertAsync([withReply], ct))[a.Id]);
        Assert.Equal(2, await _store.CountAsync(ct));
    }

    [Fact]
    public async Task An_item_round_trips_with_every_field()
    {
        var ct = CancellationToken.None;
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
        await _store.UpsertAsync([item], ct);

        var stored = await _store.GetAsync(item.Id, ct);

        Assert.NotNull(stored);
        Assert.Equal(SqliteValues.ToJson(item), SqliteValues.ToJson(stored));
        Assert.Equal(item.ContentHash, stored.ContentHash);
        Assert.Null(await _store.GetAsync("github:acme/app#999", ct));
        Assert.Equal([item.Id], (await _store.GetAllAsync(ct)).Select(i => i.Id));
    }

    [Fact]
    public async Task A_bulk_upsert_stores_every_item_in_one_transaction()
    {
        var ct = CancellationToken.None;
        // Set TRIAGEBOT_BENCH_ITEMS=100000 to time the bulk path by hand; the default keeps the suite fast.
        var count = int.TryParse(Environment.GetEnvironmentVariable("TRIAGEBOT_BENCH_ITEMS"), out var n) ? n : 5_000;
        var items = Enumerable.Range(0, count)
            .Select(i => TempSqliteDatabase.Item($"x:{1859000000000000000L + i}", $"post number {i} about slow exports"))
            .ToList();

        var clock = Stopwatch.StartNew();
        var changes = await _store.UpsertAsync(items, ct);
        var insertMs = clock.ElapsedMilliseconds;
        clock.Restart();
        var again = await _store.UpsertAsync(items, ct);
        Console.WriteLine($"bulk upsert of {count} items: insert {insertMs} ms, unchanged re-upsert {clock.ElapsedMilliseconds} ms");

        Assert.Equal(count, changes.Count);
        Assert.All(changes.Values, c => Assert.Equal(ItemChange.New, c));
        Assert.All(again.Values, c => Assert.Equal(ItemChange.Unchanged, c));
        Assert.Equal(count, await _store.CountAsync(ct));
    }

    [Fact]
    public async Task Parallel_writers_in_one_process_all_land()
    {
        var ct = CancellationToken.None;
        var cursors = new SqliteCursorStore(_db.Factory, _db.Time);
        var audit = new SqliteAuditLog(_db.Factory);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                await _store.UpsertAsync([TempSqliteDatabase.Item($"slack:C0{w}:{i}.0")], ct);
                await cursors.SetAsync("slack", $"C0{w}:history", i.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
                await audit.AppendAsync(new AuditEntry(_db.Time.GetUtcNow(), "r1", "write", $"C0{w}", "upsert", "test"), ct);
            }
        }, ct)));

        Assert.Equal(160, await _store.CountAsync(ct));
        Assert.Equal(160, (await audit.GetAsync(null, ct)).Count);
        Assert.Equal("19", await cursors.GetAsync("slack", "C07:history", ct));
    }
}
