using System.Net.Http.Headers;
using TriageBot.Sandbox;

namespace TriageBot.Tests.Support;

/// <summary>Scenario files and sandboxes for tests.</summary>
public static class SandboxFixture
{
    /// <summary>The checkout's root: the first folder above the test binaries holding TriageBot.sln.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>../shared next to the repository root (in a git worktree deeper down: the nearest ancestor's shared/).</summary>
    public static string SharedDir { get; } = FindSharedDir();

    public static string DevSmallPath => Path.Combine(SharedDir, "scenario", "dev-small.json");

    public static Scenario LoadDevSmall() => ScenarioFile.Load(DevSmallPath);

    public static DateTimeOffset DefaultNow { get; } = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Starts a sandbox on an ephemeral port.</summary>
    public static Task<SandboxHost> StartAsync(Scenario scenario, TimeProvider? clock = null, Action<SandboxOptions>? configure = null)
    {
        var options = new SandboxOptions { Port = 0, TimeProvider = clock };
        configure?.Invoke(options);
        return SandboxHost.StartAsync(scenario, options, CancellationToken.None);
    }

    /// <summary>A plain HttpClient pointed at <paramref name="baseUrl"/> with a bearer token.</summary>
    public static HttpClient Client(Uri baseUrl, string? bearer = null, TimeSpan? timeout = null)
    {
        var client = new HttpClient { BaseAddress = baseUrl, Timeout = timeout ?? TimeSpan.FromSeconds(30) };
        if (bearer is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return client;
    }

    /// <summary>An empty scenario at <see cref="DefaultNow"/> to build on in code.</summary>
    public static Scenario Empty(DateTimeOffset? now = null) => new() { Name = "test", Now = now ?? DefaultNow };

    /// <summary>A Slack channel with <paramref name="count"/> messages, one a minute starting at <paramref name="start"/>.</summary>
    public static ScenarioSlackChannel SlackChannel(string id, string name, int count, DateTimeOffset start, int repliesEach = 0)
    {
        var channel = new ScenarioSlackChannel { Id = id, Name = name };
        for (var i = 0; i < count; i++)
        {
            var ts = SlackTs(start.AddMinutes(i), i);
            var message = new ScenarioSlackMessage { Ts = ts, User = "U01", Text = $"message {i} in {name}" };
            if (repliesEach > 0)
            {
                message.Replies = [.. Enumerable.Range(1, repliesEach).Select(r => new ScenarioSlackMessage
                {
                    Ts = SlackTs(start.AddMinutes(i).AddSeconds(r), r), User = "U02", Text = $"reply {r} to {i}",
                })];
            }
            channel.Messages.Add(message);
        }
        return channel;
    }

    public static string SlackTs(DateTimeOffset time, int micro) => $"{time.ToUnixTimeSeconds()}.{micro % 1_000_000:D6}";

    /// <summary>A scenario with one Slack workspace (users U01, U02) holding the given channels.</summary>
    public static Scenario WithSlack(params ScenarioSlackChannel[] channels)
    {
        var scenario = Empty();
        scenario.Slack = new ScenarioSlack
        {
            Users =
            [
                new ScenarioSlackUser { Id = "U01", Name = "maya", RealName = "Maya Chen" },
                new ScenarioSlackUser { Id = "U02", Name = "dario", RealName = "Dario Russo" },
            ],
            Channels = [.. channels],
        };
        return scenario;
    }

    /// <summary>A scenario with X posts, one every <paramref name="spacing"/> back from now, ids increasing with time.</summary>
    public static Scenario WithXPosts(int count, TimeSpan spacing, Func<int, string>? text = null)
    {
        var scenario = Empty();
        scenario.X = new ScenarioX
        {
            Users = [new ScenarioXUser { Id = "100", Username = "carol_dev", Name = "Carol" }, new ScenarioXUser { Id = "200", Username = "cinderdev", Name = "Cinder" }],
        };
        for (var i = 0; i < count; i++)
        {
            var created = scenario.Now - spacing * (count - i);
            scenario.X.Posts.Add(new ScenarioXPost
            {
                Id = (1_900_000_000_000_000_000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
                AuthorId = i % 2 == 0 ? "100" : "200", Text = text?.Invoke(i) ?? $"post {i} about login",
                CreatedAt = created, Lang = "en", LikeCount = i,
            });
        }
        return scenario;
    }

    private static string FindSharedDir()
    {
        for (var dir = new DirectoryInfo(RepoRoot).Parent; dir is not null; dir = dir.Parent)
        {
            var shared = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(shared, "scenario"))) return shared;
        }
        return Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TriageBot.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("TriageBot.sln not found above " + AppContext.BaseDirectory);
    }
}
