using Microsoft.Extensions.Time.Testing;
using TriageBot.Domain;
using TriageBot.Storage.Sqlite;

namespace TriageBot.Tests.Storage;

/// <summary>The store contract on a fresh SQLite file per test, and what only the SQLite stores do.</summary>
public sealed class SqliteStoreRoundTripTests : StoreContractTests, IDisposable
{
    private readonly TempSqliteDatabase _db = new();

    public SqliteStoreRoundTripTests() => Store = new Stores(
        new SqliteCursorStore(_db.Factory, _db.Time), new SqliteItemStore(_db.Factory, _db.Time), new SqliteEmbeddingStore(_db.Factory),
        new SqliteThemeStore(_db.Factory, _db.Time), new SqliteTicketStore(_db.Factory, _db.Time), new SqliteDraftCache(_db.Factory, _db.Time),
        new SqliteRunStore(_db.Factory), new SqliteAuditLog(_db.Factory), new SqliteRunLock());

    protected override FakeTimeProvider Time => _db.Time;

    protected override Stores Store { get; }

    public void Dispose() => _db.Dispose();

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
    public async Task A_retired_theme_is_listed_with_when_it_was_retired()
    {
        var store = new SqliteThemeStore(_db.Factory, _db.Time);
        var at = _db.Time.GetUtcNow();
        Theme Theme(string id) => new() { Id = id, ItemIds = ["x:1"], Centroid = [1f], FirstSeen = at, LastChanged = at };
        await store.SaveAsync([Theme("t1"), Theme("t2")], [], Ct);
        _db.Time.Advance(TimeSpan.FromDays(1));
        await store.SaveAsync([Theme("t2")], [], Ct);

        var retired = Assert.Single(await store.GetRetiredAsync(Ct));
        Assert.Equal("t1", retired.Theme.Id);
        Assert.Equal(_db.Time.GetUtcNow(), retired.RetiredAt);
    }
}
