using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TriageBot.Sandbox;

/// <summary>The sandbox: fake Slack, GitHub, X, Linear and OpenAI on 127.0.0.1, seeded from a scenario.</summary>
public sealed class SandboxHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SandboxServices _services;

    private SandboxHost(WebApplication app, SandboxServices services, Uri baseUrl)
    {
        _app = app;
        _services = services;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }
    public Uri SlackApiUrl => new(BaseUrl, "slack/api/");
    public Uri GitHubApiUrl => new(BaseUrl, "github/");
    public Uri XApiUrl => new(BaseUrl, "x/");
    public Uri LinearGraphQLUrl => new(BaseUrl, "linear/graphql");
    public Uri OpenAIUrl => new(BaseUrl, "openai/v1/");
    public SandboxCredentials Credentials => _services.Credentials;
    public SandboxState State => _services.State;
    public FaultInjector Faults => _services.Faults;
    public RequestLog RequestLog => _services.RequestLog;
    public OpenAIScript OpenAI => _services.OpenAI;
    public TimeProvider Clock => _services.Clock;

    /// <summary>Adds a partial scenario's items (same as POST /_sandbox/append).</summary>
    public AppendResult Append(Scenario partial) => _services.State.Append(partial);

    public static async Task<SandboxHost> StartAsync(Scenario scenario, SandboxOptions? options = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        options ??= new SandboxOptions();
        var clock = options.TimeProvider
                    ?? (scenario.Now == default ? TimeProvider.System : new ScenarioClock(scenario.Now));
        var state = new SandboxState(scenario, options.SlackWorkspace) { Clock = clock };
        var services = new SandboxServices(state, options, clock, new FaultInjector(options.Seed), new RequestLog(),
            new RateLimitEnforcer(options, clock), new OpenAIScript());

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(SandboxHost).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, options.Port));
        builder.Services.Configure<HostOptions>(h => h.ShutdownTimeout = TimeSpan.FromSeconds(2));
        // The sandbox lives inside a command (demo, sandbox, tests) that owns the process's signals. The default console
        // lifetime would take Ctrl-C and SIGTERM for itself and stop only the sandbox, leaving the command waiting.
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.Services.AddRoutingCore();
        var app = builder.Build();

        var pipeline = new SandboxPipeline(services);
        app.Use(pipeline.InvokeAsync);
        app.MapSandboxAdmin(services);
        app.MapSlack(services);
        app.MapX(services);
        app.MapOpenAI(services);
        app.MapGitHub(state);
        app.MapLinear(state);

        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        return new SandboxHost(app, services, new Uri($"http://127.0.0.1:{port}/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>A host lifetime that listens to no signal: whoever started the sandbox stops it by disposing it.</summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
