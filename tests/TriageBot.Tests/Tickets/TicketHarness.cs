using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TriageBot.Agent;
using TriageBot.Agent.Offline;
using TriageBot.Clients.Linear;
using TriageBot.Diagnostics;
using TriageBot.Domain;
using TriageBot.Sandbox;
using TriageBot.Storage;
using TriageBot.Tests.Agent;
using TriageBot.Tests.Support;
using TriageBot.Tickets;

namespace TriageBot.Tests.Tickets;

/// <summary>
/// A sandbox seeded with dev-small, a ticket writer wired through <c>AddTriageBotTickets</c> against
/// it, in-memory stores, and dev-small's truth themes as contexts with offline drafts.
/// </summary>
internal sealed class TicketHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public required SandboxHost Sandbox { get; init; }
    public required ScenarioThemes Scenario { get; init; }
    public required InMemoryTicketStore Store { get; init; }
    public required InMemoryAuditLog Audit { get; init; }
    public required KillSwitchHandler Kill { get; init; }
    public RunMetrics Metrics => _services.GetRequiredService<RunMetrics>();
    public LinearTicketWriter Writer => _services.GetRequiredService<LinearTicketWriter>();
    public LinearGraphQLClient Linear => _services.GetRequiredService<LinearGraphQLClient>();
    public OfflineThemeSummarizer Agent { get; }

    private TicketHarness(ServiceProvider services, DateTimeOffset now)
    {
        _services = services;
        Agent = new OfflineThemeSummarizer(new FakeTimeProvider(now));
    }

    public static async Task<TicketHarness> StartAsync(Dictionary<string, string?>? settings = null, Action<Scenario>? edit = null)
    {
        var scenario = ScenarioThemes.Load("dev-small.json");
        var seeded = SandboxFixture.LoadDevSmall();
        edit?.Invoke(seeded);
        var sandbox = await SandboxFixture.StartAsync(seeded);
        var config = new Dictionary<string, string?>
        {
            ["Linear:Endpoint"] = sandbox.LinearGraphQLUrl.ToString(),
            ["Linear:ApiKey"] = sandbox.Credentials.LinearApiKey,
            ["Linear:DefaultTeam"] = "AGT",
            ["Linear:RateLimitDelay"] = "00:00:00.010",
            ["Linear:MaxRateLimitDelay"] = "00:00:00.050",
            ["Tickets:Mode"] = "Create",
        };
        foreach (var (k, v) in settings ?? []) config[k] = v;
        var store = new InMemoryTicketStore();
        var audit = new InMemoryAuditLog();
        var kill = new KillSwitchHandler();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<ITicketStore>(store);
        services.AddSingleton<IAuditLog>(audit);
        services.AddTriageBotTickets(new ConfigurationBuilder().AddInMemoryCollection(config).Build());
        services.AddHttpClient<LinearGraphQLClient>().AddHttpMessageHandler(() => kill);
        return new TicketHarness(services.BuildServiceProvider(), scenario.Now)
        {
            Sandbox = sandbox, Scenario = scenario, Store = store, Audit = audit, Kill = kill,
        };
    }

    public (ThemeContext Context, ThemeDraft Draft) Theme(string truthId, int? take = null)
    {
        var truth = Scenario.Truth.Single(t => t.Id == truthId);
        var items = Scenario.ItemsOf(truth).OrderBy(i => i.CreatedAt).Take(take ?? int.MaxValue).ToList();
        var context = Context(truthId, items);
        return (context, Agent.Summarize(context));
    }

    /// <summary>A theme of the run holding these items, with the scenario's goals and the team's labels.</summary>
    public ThemeContext Context(string themeId, IReadOnlyList<FeedbackItem> items) =>
        new(new Theme { Id = themeId, ItemIds = items.Select(i => i.Id).ToList() }, items, ThemeTrend.New, Scenario.Goals, ["Bug", "Feature", "Docs", "Performance"]);

    public Task<TicketOutcome?> FileAsync(string truthId, int? take = null)
    {
        var (context, draft) = Theme(truthId, take);
        return Writer.FileAsync(context, draft, CancellationToken.None);
    }

    public int LinearCalls => Sandbox.RequestLog.Count("linear");

    public List<LinearIssueState> Issues()
    {
        lock (Sandbox.State.Sync) return [.. Sandbox.State.Linear.Issues];
    }

    public LinearIssueState Issue(string identifier) => Issues().Single(i => i.Identifier == identifier);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Sandbox.DisposeAsync();
    }
}

/// <summary>Kills the "process" right after a chosen GraphQL operation succeeded: every later request throws.</summary>
internal sealed class KillSwitchHandler : DelegatingHandler
{
    public string? KillAfterOperation { get; set; }
    public bool Killed { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Killed) throw new HttpRequestException("process killed");
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var response = await base.SendAsync(request, cancellationToken);
        if (KillAfterOperation is { } op && body.Contains(op, StringComparison.Ordinal) && response.IsSuccessStatusCode)
        {
            Killed = true;
        }
        return response;
    }

    public void Revive()
    {
        Killed = false;
        KillAfterOperation = null;
    }
}
