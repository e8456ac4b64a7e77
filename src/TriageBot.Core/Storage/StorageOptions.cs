using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace TriageBot.Storage;

/// <summary>The <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";
    public const string SqliteProvider = "Sqlite";
    public const string PostgresProvider = "Postgres";

    /// <summary>"Sqlite" (default, embedded) or "Postgres" (several nodes; not yet supported).</summary>
    [Required]
    public string Provider { get; set; } = SqliteProvider;

    /// <summary>For SQLite a Microsoft.Data.Sqlite connection string; the file's folder is created if missing.</summary>
    [Required]
    public string ConnectionString { get; set; } = "Data Source=triagebot.db";
}

internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (string.Equals(options.Provider, StorageOptions.PostgresProvider, StringComparison.OrdinalIgnoreCase))
            return ValidateOptionsResult.Fail(
                "Storage:Provider 'Postgres' is not yet supported; use 'Sqlite' (the default).");
        if (!string.Equals(options.Provider, StorageOptions.SqliteProvider, StringComparison.OrdinalIgnoreCase))
            return ValidateOptionsResult.Fail(
                $"Storage:Provider must be 'Sqlite' or 'Postgres', not '{options.Provider}'.");
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
            return ValidateOptionsResult.Fail("Storage:ConnectionString is required.");
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
}
