using System.Text.Json;
using Microsoft.Data.Sqlite;
using TriageBot.Domain;

namespace TriageBot.Storage.Sqlite;

/// <summary>Live and retired themes, the clusterer's events, and the current noise set.</summary>
public sealed class SqliteThemeStore(SqliteConnectionFactory factory, TimeProvider time) : IThemeStore
{
    private const string ThemeColumns = "id, item_ids, centroid, first_seen, last_changed, pinned, retired_at";

    /// <summary>Live themes, by id.</summary>
    public Task<IReadOnlyList<Theme>> GetAllAsync(CancellationToken ct) =>
        ReadThemesAsync("WHERE retired_at IS NULL", ct);

    /// <summary>Themes retired by an earlier <see cref="SaveAsync"/>, newest retirement first.</summary>
    public async Task<IReadOnlyList<(Theme Theme, DateTimeOffset RetiredAt)>> GetRetiredAsync(CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        await using var command = connection.Command(
            $"SELECT {ThemeColumns} FROM themes WHERE retired_at IS NOT NULL ORDER BY retired_at DESC, id;");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var retired = new List<(Theme, DateTimeOffset)>();
        while (await reader.ReadAsync(ct)) retired.Add((ReadTheme(reader), SqliteValues.FromDb(reader.GetString(6))));
        return retired;
    }

    /// <summary>Upserts <paramref name="themes"/> as live (reviving a retired id), retires every other live theme,
    /// and appends <paramref name="events"/>; all in one transaction.</summary>
    public async Task SaveAsync(IReadOnlyList<Theme> themes, IReadOnlyList<ThemeEvent> events, CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);

        await using (var upsert = connection.Command("""
            INSERT INTO themes (id, item_ids, centroid, first_seen, last_changed, pinned, retired_at)
            VALUES ($id, $items, $centroid, $first, $last, $pinned, NULL)
            ON CONFLICT (id) DO UPDATE SET item_ids = excluded.item_ids, centroid = excluded.centroid,
                first_seen = excluded.first_seen, last_changed = excluded.last_changed, pinned = excluded.pinned, retired_at = NULL;
            """, transaction))
        {
            var id = upsert.Slot("$id", SqliteType.Text);
            var items = upsert.Slot("$items", SqliteType.Text);
            var centroid = upsert.Slot("$centroid", SqliteType.Blob);
            var first = upsert.Slot("$first", SqliteType.Text);
            var last = upsert.Slot("$last", SqliteType.Text);
            var pinned = upsert.Slot("$pinned", SqliteType.Integer);
            upsert.Prepare();
            foreach (var theme in themes)
            {
                id.Value = theme.Id;
                items.Value = JsonSerializer.Serialize(theme.ItemIds);
                centroid.Value = SqliteValues.ToBlob(theme.Centroid);
                first.Value = SqliteValues.ToDb(theme.FirstSeen);
                last.Value = SqliteValues.ToDb(theme.LastChanged);
                pinned.Value = theme.Pinned ? 1 : 0;
                await upsert.ExecuteNonQueryAsync(ct);
            }
        }

        await using (var retire = connection.Command("""
            UPDATE themes SET retired_at = $now
            WHERE retired_at IS NULL AND id NOT IN (SELECT value FROM json_each($ids));
            """, transaction))
        {
            await retire.With("$now", SqliteValues.ToDb(time.GetUtcNow()))
                .With("$ids", JsonSerializer.Serialize(themes.Select(t => t.Id))).ExecuteNonQueryAsync(ct);
        }

        if (events.Count > 0)
        {
            await using var insert = connection.Command(
                "INSERT INTO theme_events (kind, theme_id, other_theme_id, reason, at) VALUES ($kind, $theme, $other, $reason, $at);",
                transaction);
            var kind = insert.Slot("$kind", SqliteType.Text);
            var theme = insert.Slot("$theme", SqliteType.Text);
            var other = insert.Slot("$other", SqliteType.Text);
            var reason = insert.Slot("$reason", SqliteType.Text);
            var at = insert.Slot("$at", SqliteType.Text);
            insert.Prepare();
            foreach (var e in events)
            {
                kind.Value = e.Kind;
                theme.Value = e.ThemeId;
                other.Value = (object?)e.OtherThemeId ?? DBNull.Value;
                reason.Value = e.Reason;
                at.Value = SqliteValues.ToDb(e.At);
                await insert.ExecuteNonQueryAsync(ct);
            }
        }

        await transaction.CommitAsync(ct);
    }

    /// <summary>Events in the order they were saved; for a theme id, those naming it on either side (a merge names two).</summary>
    public async Task<IReadOnlyList<ThemeEvent>> GetEventsAsync(string? themeId, CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        await using var command = connection.Command(themeId is null
            ? "SELECT kind, theme_id, other_theme_id, reason, at FROM theme_events ORDER BY seq;"
            : "SELECT kind, theme_id, other_theme_id, reason, at FROM theme_events WHERE theme_id = $id OR other_theme_id = $id ORDER BY seq;");
        if (themeId is not null) command.With("$id", themeId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var events = new List<ThemeEvent>();
        while (await reader.ReadAsync(ct))
            events.Add(new ThemeEvent(reader.GetString(0), reader.GetString(1), reader.GetNullableString(2),
                reader.GetString(3), SqliteValues.FromDb(reader.GetString(4))));
        return events;
    }

    public async Task<IReadOnlyList<string>> GetNoiseAsync(CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        await using var command = connection.Command("SELECT item_id FROM noise ORDER BY item_id;");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var ids = new List<string>();
        while (await reader.ReadAsync(ct)) ids.Add(reader.GetString(0));
        return ids;
    }

    /// <summary>Replaces the noise set (like <see cref="SaveAsync"/> replaces live themes), so an item that
    /// joined a theme leaves noise. An id that stays noise keeps its original <c>since</c>.</summary>
    public async Task SaveNoiseAsync(IReadOnlyList<string> itemIds, CancellationToken ct)
    {
        var ids = JsonSerializer.Serialize(itemIds.Distinct(StringComparer.Ordinal));
        await using var connection = await factory.OpenAsync(ct);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await using (var delete = connection.Command(
            "DELETE FROM noise WHERE item_id NOT IN (SELECT value FROM json_each($ids));", transaction))
            await delete.With("$ids", ids).ExecuteNonQueryAsync(ct);
        await using (var insert = connection.Command(
            "INSERT INTO noise (item_id, since) SELECT value, $now FROM json_each($ids) WHERE true ON CONFLICT (item_id) DO NOTHING;", transaction))
            await insert.With("$ids", ids).With("$now", SqliteValues.ToDb(time.GetUtcNow())).ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private async Task<IReadOnlyList<Theme>> ReadThemesAsync(string where, CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        await using var command = connection.Command($"SELECT {ThemeColumns} FROM themes {where} ORDER BY id;");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var themes = new List<Theme>();
        while (await reader.ReadAsync(ct)) themes.Add(ReadTheme(reader));
        return themes;
    }

    private static Theme ReadTheme(SqliteDataReader reader) => new()
    {
        Id = reader.GetString(0),
        ItemIds = JsonSerializer.Deserialize<string[]>(reader.GetString(1)) ?? [],
        Centroid = SqliteValues.FromBlob(reader.GetFieldValue<byte[]>(2)),
        FirstSeen = SqliteValues.FromDb(reader.GetString(3)),
        LastChanged = SqliteValues.FromDb(reader.GetString(4)),
        Pinned = reader.GetInt64(5) != 0,
    };
}
