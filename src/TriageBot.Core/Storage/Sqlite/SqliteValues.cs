using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace TriageBot.Storage.Sqlite;

// Plain ADO.NET rather than Dapper: the stores are a handful of short statements, and the one place
// where speed matters (bulk upserts) needs prepared commands reused across rows, which Dapper hides.

/// <summary>How values are written to and read from SQLite columns.</summary>
internal static class SqliteValues
{
    /// <summary>UTC, fixed width, so text order is time order.</summary>
    public static string ToDb(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset FromDb(string value) =>
        DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    // Little-endian IEEE floats, the layout of every platform .NET runs on.
    public static byte[] ToBlob(float[] vector) => MemoryMarshal.AsBytes(vector.AsSpan()).ToArray();
    public static float[] FromBlob(ReadOnlySpan<byte> blob) => MemoryMarshal.Cast<byte, float>(blob).ToArray();

    public static SqliteCommand Command(this SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    public static SqliteCommand With(this SqliteCommand command, string name, object? value)
    {
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    /// <summary>A parameter whose value is set per row of a prepared command.</summary>
    public static SqliteParameter Slot(this SqliteCommand command, string name, SqliteType type) =>
        command.Parameters.Add(name, type);

    public static string? GetNullableString(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
