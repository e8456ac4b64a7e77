using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace TriageBot.Storage;

/// <summary>The <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";
    public const string SqliteProvider = "Sqlite";
    public const string PostgresProvider = "Postgres";

    /// <summary>"Sqlite" (default, embedded) or "Postgres" (one database that several nodes share).</summary>
    [Required]
    public string Provider { get; set; } = SqliteProvider;

    /// <summary>
    /// For SQLite a Microsoft.Data.Sqlite connection string (the file's folder is created if missing); for PostgreSQL an
    /// Npgsql one ("Host=db;Database=triagebot;Username=triagebot;Password=…"), best given through the environment
    /// (<c>Storage__ConnectionString</c>) so the password stays out of files.
    /// </summary>
    [Required]
    public string ConnectionString { get; set; } = "Data Source=triagebot.db";
}

internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
            return ValidateOptionsResult.Fail("Storage:ConnectionString is required.");
        if (string.Equals(options.Provider, StorageOptions.PostgresProvider, StringComparison.OrdinalIgnoreCase))
            return ValidatePostgres(options.ConnectionString);
        if (!string.Equals(options.Provider, StorageOptions.SqliteProvider, StringComparison.OrdinalIgnoreCase))
            return ValidateOptionsResult.Fail(
                $"Storage:Provider must be 'Sqlite' or 'Postgres', not '{options.Provider}'.");
        try
        {
            var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(options.ConnectionString);
            if (string.IsNullOrWhiteSpace(builder.DataSource))
                return ValidateOptionsResult.Fail("Storage:ConnectionString has no Data Source (a file path).");
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail($"Storage:ConnectionString is not a valid SQLite connection string: {ex.Message}");
        }
        return ValidateOptionsResult.Success;
    }

    // The message names the setting, never the string itself: it holds the password.
    private static ValidateOptionsResult ValidatePostgres(string connectionString)
    {
        try
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
            if (string.IsNullOrWhiteSpace(builder.Host))
                return ValidateOptionsResult.Fail("Storage:ConnectionString has no Host (the PostgreSQL server) for Storage:Provider 'Postgres'.");
        }
        catch (ArgumentException)
        {
            return ValidateOptionsResult.Fail("Storage:ConnectionString is not a valid PostgreSQL (Npgsql) connection string for Storage:Provider 'Postgres'.");
        }
        return ValidateOptionsResult.Success;
    }
}
