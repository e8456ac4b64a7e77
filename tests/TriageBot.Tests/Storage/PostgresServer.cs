using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace TriageBot.Tests.Storage;

/// <summary>
/// A PostgreSQL server for the tests: the one <c>TRIAGEBOT_TEST_POSTGRES</c> names (a connection string), or else a
/// throwaway cluster this fixture creates with the machine's <c>initdb</c> and <c>pg_ctl</c> (as the <c>postgres</c> user
/// when the tests run as root, which PostgreSQL refuses to run as) on a free loopback port, and removes afterwards.
/// <c>scripts/test.sh</c> installs PostgreSQL when it is missing. Each test gets a schema of its own.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private const string EnvironmentVariable = "TRIAGEBOT_TEST_POSTGRES";
    private readonly string? _folder;
    private readonly string? _binaries;
    private readonly bool _asPostgresUser;

    public PostgresServer()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } given)
        {
            ConnectionString = given;
            return;
        }
        _binaries = FindBinaries() ?? throw new InvalidOperationException(
            $"PostgreSQL is not installed: run the tests through scripts/test.sh (it installs it), or set {EnvironmentVariable} to a connection string.");
        _asPostgresUser = Environment.UserName == "root";
        _folder = Path.Combine(Path.GetTempPath(), $"triagebot-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_folder);
        if (_asPostgresUser) Run("chown", ["-R", "postgres", _folder], asPostgres: false);
        var data = Path.Combine(_folder, "data");
        Run(Path.Combine(_binaries, "initdb"), ["-D", data, "-U", "triagebot", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
        var port = FreePort();
        Run(Path.Combine(_binaries, "pg_ctl"), ["-D", data, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60", "-o",
            $"-p {port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off", "start"]);
        ConnectionString = $"Host=127.0.0.1;Port={port};Username=triagebot;Database=postgres";
    }

    /// <summary>The server's connection string (its default database, no schema chosen).</summary>
    public string ConnectionString { get; }

    /// <summary>A connection string whose tables land in a new, empty schema of their own.</summary>
    public string NewSchema()
    {
        var schema = $"t_{Guid.NewGuid():N}";
        using (var connection = new NpgsqlConnection(ConnectionString))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE SCHEMA {schema};", connection);
            create.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = schema }.ToString();
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        if (_folder is null || _binaries is null) return;
        try { Run(Path.Combine(_binaries, "pg_ctl"), ["-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop"]); }
        finally
        {
            try { Directory.Delete(_folder, recursive: true); }
            catch (IOException) { /* best effort: the OS temp folder is cleaned anyway */ }
        }
    }

    /// <summary>The newest PostgreSQL server binaries: Debian keeps them per version under /usr/lib/postgresql.</summary>
    private static string? FindBinaries()
    {
        const string debian = "/usr/lib/postgresql";
        if (Directory.Exists(debian))
        {
            var newest = Directory.GetDirectories(debian)
                .Where(d => File.Exists(Path.Combine(d, "bin", "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .FirstOrDefault();
            if (newest is not null) return Path.Combine(newest, "bin");
        }
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .FirstOrDefault(p => p.Length > 0 && File.Exists(Path.Combine(p, "initdb")) && File.Exists(Path.Combine(p, "pg_ctl")));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Run(string program, IReadOnlyList<string> args, bool? asPostgres = null)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (asPostgres ?? _asPostgresUser)
        {
            start.FileName = "runuser";
            foreach (var a in new[] { "-u", "postgres", "--", program }) start.ArgumentList.Add(a);
        }
        else start.FileName = program;
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(120_000)) { process.Kill(entireProcessTree: true); throw new TimeoutException($"{program} did not finish in 2 minutes"); }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(program)} exited with {process.ExitCode}: {error}{output.Result}");
    }
}

/// <summary>One PostgreSQL server for every test class that needs one.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}
