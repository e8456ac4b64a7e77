using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using TriageBot.Domain;
using TriageBot.Storage.Sqlite;

namespace TriageBot.Tests.Storage;

/// <summary>A fresh SQLite file per test, deleted afterwards.</summary>
public sealed class TempSqliteDatabase : IDisposable
{
    public TempSqliteDatabase()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "triagebot-tests", $"{Guid.NewGuid():N}", "store.db");
        Factory = new SqliteConnectionFactory($"Data Source={Path}");
    }

    public string Path { get; }
    public SqliteConnectionFactory Factory { get; }
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));

    public SqliteConnectionFactory NewFactory() => new($"Data Source={Path}");

    public void Dispose()
    {
        using (var connection = new SqliteConnection(Factory.ConnectionString)) SqliteConnection.ClearPool(connection);
        try { Directory.Delete(System.IO.Path.GetDirectoryName(Path)!, recursive: true); }
        catch (IOException) { /* best effort: the OS temp folder is cleaned anyway */ }
    }

    public static FeedbackItem Item(string id, string body = "login loops after update", int reactions = 0) => new()
    {
        Id = id,
        Source = id.StartsWith("github:", StringComparison.Ordinal) ? FeedbackSource.GitHub
            : id.StartsWith("x:", StringComparison.Ordinal) ? FeedbackSource.X : FeedbackSource.Slack,
        Location = "C01",
        Body = body,
        Url = $"https://acme.slack.com/archives/C01/p{Math.Abs(id.GetHashCode(StringComparison.Ordinal))}",
        Author = "U1",
        CreatedAt = new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero),
        Reactions = reactions,
    };
}
