using TriageBot.Storage;
using TriageBot.Storage.Sqlite;

namespace TriageBot.Tests.Storage;

/// <summary>Item and cursor writes share one writer connection behind an in-process gate.</summary>
public sealed class SqliteWriteGateTests : IDisposable
{
    private readonly TempSqliteDatabase _db = new();

    public void Dispose()
    {
        _db.Factory.Dispose();
        _db.Dispose();
    }

    [Fact]
    public async Task Concurrent_item_and_cursor_writes_all_land_and_a_second_factory_sees_them()
    {
        var items = new SqliteItemStore(_db.Factory, _db.Time);
        var cursors = new SqliteCursorStore(_db.Factory, _db.Time);
        var writes = Enumerable.Range(0, 40).Select(i => i % 4 == 0
            ? cursors.SetAsync("slack", $"C{i}:history", $"state {i}", CancellationToken.None)
            : (Task)items.UpsertAsync([TempSqliteDatabase.Item($"slack:C01:{i}.0"), TempSqliteDatabase.Item($"x:{i}")], CancellationToken.None));
        await Task.WhenAll(writes);

        await using var other = _db.NewFactory();
        Assert.Equal(60, await new SqliteItemStore(other, _db.Time).CountAsync(CancellationToken.None));
        Assert.Equal("state 36", await new SqliteCursorStore(other, _db.Time).GetAsync("slack", "C36:history", CancellationToken.None));
    }

    [Fact]
    public async Task A_failed_write_does_not_leave_its_transaction_on_the_next_one()
    {
        var items = new SqliteItemStore(_db.Factory, _db.Time);
        await Assert.ThrowsAsync<InvalidOperationException>(() => _db.Factory.WriteAsync<int>(async connection =>
        {
            // Left open on purpose: the writer connection must not carry it into the next write.
            var transaction = await connection.BeginTransactionAsync();
            await using var insert = connection.CreateCommand();
            insert.Transaction = (Microsoft.Data.Sqlite.SqliteTransaction)transaction;
            insert.CommandText = "INSERT INTO cursors (source, key, value, updated_at) VALUES ('x', 'half', 'done', '')";
            await insert.ExecuteNonQueryAsync();
            throw new InvalidOperationException("fails before commit");
        }, CancellationToken.None));

        var change = await items.UpsertAsync([TempSqliteDatabase.Item("slack:C01:1.0")], CancellationToken.None);
        Assert.Equal(ItemChange.New, change["slack:C01:1.0"]);
        Assert.Null(await new SqliteCursorStore(_db.Factory, _db.Time).GetAsync("x", "half", CancellationToken.None));
    }
}
