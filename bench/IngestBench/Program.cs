// Ingest benchmark: the whole ingest of a scenario from the sandbox (limits off), then a quiet second run.
// Usage: dotnet run -c Release --project bench/IngestBench -- SCENARIO.json [--store sqlite|postgres|memory] [--pg CONNSTRING] [--x-query Q]
// --store postgres writes into the PostgreSQL database --pg names (its tables are dropped first: give it an empty one).
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TriageBot.Diagnostics;
using TriageBot.Ingest;
using TriageBot.Sandbox;
using TriageBot.Storage;

if (args.Length == 0 || args[0].StartsWith('-'))
{
    Console.Error.WriteLine("usage: IngestBench SCENARIO.json [--store sqlite|postgres|memory] [--pg CONNSTRING] [--x-query QUERY]");
    return 2;
}
var scenarioPath = args[0];
var store = Arg("--store") ?? "sqlite";
var xQuery = Arg("--x-query");
var only = Arg("--only"); // slack, github or x: measure one source alone

var loadWatch = Stopwatch.StartNew();
var scenario = ScenarioFile.Load(scenarioPath);
await using var sandbox = await SandboxHost.StartAsync(scenario, new SandboxOptions { Port = 0 });
Console.WriteLine($"sandbox up in {loadWatch.Elapsed.TotalSeconds:F1} s ({scenarioPath})");
if (args.Contains("--probe"))
{
    await Probe.RunAsync(sandbox, scenario);
    return 0;
}

var dbPath = Path.Combine(Path.GetTempPath(), $"ingest-bench-{Environment.ProcessId}.db");
var settings = new Dictionary<string, string?>
{
    ["Storage:Provider"] = store == "postgres" ? "Postgres" : "Sqlite",
    ["Storage:ConnectionString"] = store == "postgres"
        ? Arg("--pg") ?? throw new ArgumentException("--store postgres needs --pg CONNECTION-STRING")
        : $"Data Source={dbPath}",
    ["Slack:Enabled"] = (scenario.Slack is not null && only is null or "slack").ToString(),
    ["Slack:BaseUrl"] = sandbox.SlackApiUrl.ToString(),
    ["Slack:Token"] = sandbox.Credentials.SlackUserToken,
    ["Slack:Budget:Preset"] = "Unlimited",
    ["GitHub:Enabled"] = (scenario.GitHub is not null && only is null or "github").ToString(),
    ["GitHub:BaseUrl"] = sandbox.GitHubApiUrl.ToString(),
    ["GitHub:Token"] = sandbox.Credentials.GitHubToken,
    ["GitHub:MaxConcurrentRepositories"] = "4",
    ["X:Enabled"] = (scenario.X is not null && xQuery is not null && only is null or "x").ToString(),
    ["X:BaseUrl"] = sandbox.XApiUrl.ToString(),
    ["X:BearerToken"] = sandbox.Credentials.XBearerToken,
    ["X:MaxPostsPerRun"] = "0",
    ["X:MaxPostsPerDay"] = "0",
};
var repos = scenario.GitHub?.Repos ?? [];
for (var i = 0; i < repos.Count; i++) settings[$"GitHub:Repositories:{i}"] = $"{repos[i].Owner}/{repos[i].Name}";
if (xQuery is not null)
{
    settings["X:Queries:0:Name"] = "bench";
    settings["X:Queries:0:Query"] = xQuery;
}
foreach (var section in new[] { "Slack", "GitHub", "X" }) settings[$"{section}:Http:AttemptTimeout"] = "00:01:00";

var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
var services = new ServiceCollection().AddLogging(b => b.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
if (store == "memory")
{
    var memory = new MemoryStore();
    services.AddSingleton<ICursorStore>(memory).AddSingleton<IItemStore>(memory);
}
else
{
    services.AddTriageBotStorage(config);
}
services.AddTriageBotIngest(config);
await using var provider = services.BuildServiceProvider();
if (store != "memory") await provider.GetRequiredService<IStoreMigrator>().MigrateAsync(default);

GC.Collect();
var baseline = GC.GetTotalMemory(forceFullCollection: true);
long peakManaged = 0;
using var sampler = new Timer(_ => InterlockedMax(ref peakManaged, GC.GetTotalMemory(false)), null, 0, 50);

var metrics = provider.GetRequiredService<RunMetrics>();
for (var run = 1; run <= 2; run++)
{
    metrics.Reset();
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    var readers = provider.GetServices<IFeedbackReader>().Where(r => r.Enabled).ToList();
    var results = await Task.WhenAll(readers.Select(async r =>
    {
        var own = Stopwatch.StartNew();
        var result = await r.ReadAsync(default);
        Console.WriteLine($"  {r.Source} done in {own.Elapsed.TotalSeconds:F2} s");
        return result;
    }));
    watch.Stop();
    var read = results.Sum(r => r.Read);
    var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"run {run}: {read} items in {watch.Elapsed.TotalSeconds:F2} s = {read / watch.Elapsed.TotalSeconds:F0} items/s (process CPU during the run {cpu.TotalSeconds:F1} s)"));
    foreach (var r in results)
        Console.WriteLine($"  {r.Source,-6} read {r.Read,6} new {r.New,6} updated {r.Updated,5} skipped {r.Skipped,5} complete {r.Complete} {r.StopReason}");
    Console.WriteLine("  api calls: " + string.Join(", ", metrics.ApiCalls.Select(kv => $"{kv.Key} {kv.Value}")));
}
InterlockedMax(ref peakManaged, GC.GetTotalMemory(false));
using var self = Process.GetCurrentProcess();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"memory: managed heap before ingest {baseline / 1048576.0:F0} MiB (sandbox + scenario), peak {peakManaged / 1048576.0:F0} MiB; process peak working set {self.PeakWorkingSet64 / 1048576.0:F0} MiB"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"runtime: process CPU {self.TotalProcessorTime.TotalSeconds:F1} s, JIT {System.Runtime.JitInfo.GetCompiledMethodCount()} methods in {System.Runtime.JitInfo.GetCompilationTime().TotalSeconds:F1} s, GC {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} (gen0/1/2) pause {GC.GetTotalPauseDuration().TotalSeconds:F1} s, allocated {GC.GetTotalAllocatedBytes() / 1073741824.0:F1} GiB"));
Console.WriteLine($"items stored: {await provider.GetRequiredService<IItemStore>().CountAsync(default)}");
if (File.Exists(dbPath)) File.Delete(dbPath);
return 0;

string? Arg(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

static void InterlockedMax(ref long target, long value)
{
    long seen;
    while (value > (seen = Interlocked.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
}
