using Npgsql;
using NpgsqlTypes;
using TriageBot.Domain;

namespace TriageBot.Storage.Postgres;

/// <summary>Live and retired themes, the clusterer's events, and the current noise set.</summary>
public sealed class PostgresThemeStore(PostgresConnectionFactory factory, TimeProvider time) : IThemeStore
{
    /// <summary>Live themes, by id.</summary>
    public async Task<IReadOnlyList<Theme>> GetAllAsync(CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        await using var command = connection.Command(
            "SELECT id, item_ids, centroid, first_seen, last_changed, pinned FROM themes WHERE retired_at IS NULL ORDER BY id COLLATE \"C\";");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var themes = new List<Theme>();
        while (await reader.ReadAsync(ct)) themes.Add(ReadTheme(reader));
        return themes;
    }

    /// <summary>Upserts <paramref name="themes"/> as live (reviving a retired id), retires every other live theme,
    /// and appends <paramref name="events"/>; all in one transaction.</summary>
    public async Task SaveAsync(IReadOnlyList<Theme> themes, IReadOnlyList<ThemeEvent> events, CancellationToken ct)
    {
        var now = PostgresValues.Utc(time.GetUtcNow());
        await using var connection = await factory.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        foreach (var theme in themes)
        {
            await using var upsert = connection.Command("""
                INSERT INTO themes (id, item_ids, centroid, first_seen, last_changed, pinned, retired_at)
                VALUES (@id, @items, @centroid, @first, @last, @pinned, NULL)
                ON CONFLICT (id) DO UPDATE SET item_ids = excluded.item_ids, centroid = excluded.centroid,
                    first_seen = excluded.first_seen, last_changed = excluded.last_changed, pinned = excluded.pinned, retired_at = NULL;
                """, transaction)
                .With("id", theme.Id).With("items", theme.ItemIds.ToArray()).With("centroid", theme.Centroid)
                .With("first", PostgresValues.Utc(theme.FirstSeen)).With("last", PostgresValues.Utc(theme.LastChanged)).With("pinned", theme.Pinned);
            await upsert.ExecuteNonQueryAsync(ct);
        }
        await using (var retire = connection.Command(
            "UPDATE themes SET retired_at = @now WHERE retired_at IS NULL AND NOT (id = ANY(@ids));", transaction)
            .With("now", now).With("ids", themes.Select(t => t.Id).ToArray()))
            await retire.ExecuteNonQueryAsync(ct);
        if (events.Count > 0)
        {
            await using var insert = connection.Command("""
                INSERT INTO theme_events (kind, theme_id, other_theme_id, reason, at)
                SELECT kind, theme_id, other_theme_id, reason, at
                FROM unnest(@kind, @theme, @other, @reason, @at) WITH ORDINALITY AS e(kind, theme_id, other_theme_id, reason, at, n)
                ORDER BY n;
                """, transaction)
                .With("kind", events.Select(e => e.Kind).ToArray())
                .With("theme", events.Select(e => e.ThemeId).ToArray())
                .With("other", NpgsqlDbType.Array | NpgsqlDbType.Text, events.Select(e => e.OtherThemeId).ToArray())
                .With("reason", events.Select(e => e.Reason).ToArray())
                .With("at", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, events.Select(e => PostgresValues.Utc(e.At)).ToArray());
            await insert.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }

    /// <summary>Events in the order they were saved; for a theme id, those naming it on either side (a merge names two).</summary>
    public async Task<IReadOnlyList<ThemeEvent>> GetEventsAsync(string? themeId, CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        await using var command = connection.Command(themeId is null
            ? "SELECT kind, theme_id, other_theme_id, reason, at FROM theme_events ORDER BY seq;"
            : "SELECT kind, theme_id, other_theme_id, reason, at FROM theme_events WHERE theme_id = @id OR other_theme_id = @id ORDER BY seq;");
        if (themeId is not null) command.With("id", themeId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var events = new List<ThemeEvent>();
        while (await reader.ReadAsync(ct))
            events.Add(new ThemeEvent(reader.GetString(0), reader.GetString(1), reader.GetNullableString(2), reader.GetString(3), reader.GetTime(4)));
        return events;
    }

    public async Task<IReadOnlyList<string>> GetNoiseAsync(CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        await using var command = connection.Command("SELECT item_id FROM noise ORDER BY item_id COLLATE \"C\";");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var ids = new List<string>();
        while (await reader.ReadAsync(ct)) ids.Add(reader.GetString(0));
        return ids;
    }

    /// <summary>Replaces the noise set, so an item that joined a theme leaves noise. An id that stays noise keeps its
    /// original <c>since</c>.</summary>
    public async Task SaveNoiseAsync(IReadOnlyList<string> itemIds, CancellationToken ct)
    {
        var ids = itemIds.Distinct(StringComparer.Ordinal).ToArray();
        await using var connection = await factory.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var delete = connection.Command("DELETE FROM noise WHERE NOT (item_id = ANY(@ids));", transaction).With("ids", ids))
            await delete.ExecuteNonQueryAsync(ct);
        await using (var insert = connection.Command(
            "INSERT INTO noise (item_id, since) SELECT unnest(@ids), @now ON CONFLICT (item_id) DO NOTHING;", transaction)
            .With("ids", ids).With("now", PostgresValues.Utc(time.GetUtcNow())))
            await insert.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private static Theme ReadTheme(NpgsqlDataReader reader) => new()
    {
        Id = reader.GetString(0),
        ItemIds = reader.GetFieldValue<string[]>(1),
        Centroid = reader.GetFieldValue<float[]>(2),
        FirstSeen = reader.GetTime(3),
        LastChanged = reader.GetTime(4),
        Pinned = reader.GetBoolean(5),
    };
}
