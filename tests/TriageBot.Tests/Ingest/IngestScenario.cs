using System.Globalization;
using TriageBot.Sandbox;

namespace TriageBot.Tests.Ingest;

/// <summary>
/// A small world for ingest tests: 3 Slack channels (old and recent threads, bots, joins), 3 repositories
/// (issues, comments, a pull request, a bot issue) and X posts for 2 queries (one repost, one post matching both).
/// </summary>
internal static class IngestScenario
{
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    public static readonly string[] Channels = ["C01", "C02", "C03"];
    public static readonly string[] Repos = ["acme/app", "acme/api", "acme/web"];

    public static string Ts(DateTimeOffset t, int n) => $"{t.ToUnixTimeSeconds()}.{n:D6}";
    private static string PostId(int n) => (1_900_000_000_000_000_000L + n).ToString(CultureInfo.InvariantCulture);

    /// <summary>The scenario and the canonical ids of every piece of feedback in it.</summary>
    public static (Scenario Scenario, HashSet<string> Expected) Build()
    {
        var expected = new HashSet<string>(StringComparer.Ordinal);
        var s = new Scenario { Name = "ingest", Now = Now };
        s.Slack = new ScenarioSlack
        {
            Users =
            [
                new ScenarioSlackUser { Id = "U01", Name = "maya", RealName = "Maya Chen" },
                new ScenarioSlackUser { Id = "U02", Name = "dario", RealName = "Dario Russo" },
                new ScenarioSlackUser { Id = "UBOT", Name = "deploybot", IsBot = true },
            ],
        };
        var names = new[] { "feedback", "support", "bugs" };
        for (var c = 0; c < 3; c++)
        {
            var channel = new ScenarioSlackChannel { Id = Channels[c], Name = names[c] };
            // Five old messages (outside the thread window), noise among them, then three recent ones.
            for (var i = 0; i < 8; i++)
            {
                var at = i < 5 ? Now.AddDays(-10).AddHours(i) : Now.AddDays(-2).AddHours(i);
                var m = new ScenarioSlackMessage { Ts = Ts(at, c * 100 + i), User = i % 2 == 0 ? "U01" : "U02",
                    Text = $"<@U02> the export in {names[c]} fails &amp; retries #{i} <https://acme.io/e/{i}|details>" };
                if (i == 1) { m.Subtype = "channel_join"; m.Text = "<@U02> has joined the channel"; }
                else if (i == 3) { m.User = "UBOT"; m.Text = "deployed v1.2"; }
                else expected.Add($"slack:{Channels[c]}:{m.Ts}");
                if (i is 2 or 6) // one old thread, one recent thread (page size 3 forces reply paging)
                {
                    m.Replies = [.. Enumerable.Range(1, 4).Select(r => new ScenarioSlackMessage
                        { Ts = Ts(at.AddMinutes(r), c * 100 + i), User = r == 4 ? "UBOT" : "U02", Text = $"reply {r}" })];
                }
                channel.Messages.Add(m);
            }
            s.Slack.Channels.Add(channel);
        }

        s.GitHub = new ScenarioGitHub();
        foreach (var repo in Repos)
        {
            var (owner, name) = (repo.Split('/')[0], repo.Split('/')[1]);
            var r = new ScenarioGitHubRepo { Owner = owner, Name = name };
            for (var n = 1; n <= 6; n++)
            {
                var created = Now.AddDays(-20 + n);
                var issue = new ScenarioGitHubIssue
                {
                    Number = n, Title = $"{name}: problem {n}", Body = $"Steps for {n}", User = n == 5 ? "dependabot[bot]" : "bob",
                    CreatedAt = created, UpdatedAt = created.AddHours(n), Labels = n % 2 == 0 ? ["bug"] : [], Reactions = n,
                    IsPullRequest = n == 4,
                };
                if (n is 1 or 2 or 3)
                {
                    issue.Comments = [.. Enumerable.Range(1, 3).Select(k => new ScenarioGitHubComment
                        { Id = Repos.ToList().IndexOf(repo) * 1000 + n * 10 + k, User = "carol", Body = $"me too {k}", CreatedAt = created.AddHours(k) })];
                    issue.UpdatedAt = created.AddHours(3);
                }
                if (n is not (4 or 5)) expected.Add($"github:{repo}#{n}");
                r.Issues.Add(issue);
            }
            s.GitHub.Repos.Add(r);
        }

        s.X = new ScenarioX { Users = [new ScenarioXUser { Id = "100", Username = "carol_dev", Name = "Carol" }, new ScenarioXUser { Id = "200", Username = "cinder", Name = "Cinder" }] };
        for (var i = 0; i < 26; i++)
        {
            var text = i < 14 ? $"login loop again {i}" : $"export to csv broken {i}";
            if (i == 13) text = "login loop and export to csv both broken";
            var post = new ScenarioXPost { Id = PostId(i), AuthorId = i % 2 == 0 ? "100" : "200", Text = text,
                CreatedAt = Now.AddHours(-40 + i), Lang = i == 7 ? "de" : "en", LikeCount = i, ConversationId = PostId(i) };
            if (i == 9) { post.Text = "RT @carol_dev: login loop again 2"; post.ReferencedTweets = [new ScenarioXReference { Type = "retweeted", Id = PostId(2) }]; }
            else expected.Add("x:" + post.Id);
            s.X.Posts.Add(post);
        }
        return (s, expected);
    }

    /// <summary>A new message, a reply to an old thread, a comment on an old issue and a new post.</summary>
    public static (Scenario Partial, string[] NewIds, string[] UpdatedIds) Additions(Scenario s)
    {
        var at = Now.AddMinutes(30);
        var oldThread = s.Slack!.Channels[1].Messages[6];
        var partial = new Scenario
        {
            Name = "append", Now = Now,
            Slack = new ScenarioSlack
            {
                Channels =
                [
                    new ScenarioSlackChannel { Id = "C01", Name = "feedback", Messages = [new ScenarioSlackMessage { Ts = Ts(at, 900), User = "U01", Text = "new: the app crashes on launch" }] },
                    new ScenarioSlackChannel { Id = "C02", Name = "support", Messages = [new ScenarioSlackMessage { Ts = oldThread.Ts, User = oldThread.User, Text = oldThread.Text,
                        Replies = [new ScenarioSlackMessage { Ts = Ts(at, 901), User = "U01", Text = "still broken today" }] }] },
                ],
            },
            GitHub = new ScenarioGitHub
            {
                Repos = [new ScenarioGitHubRepo { Owner = "acme", Name = "api", Issues = [new ScenarioGitHubIssue { Number = 2,
                    Comments = [new ScenarioGitHubComment { Id = 77_777, User = "dana", Body = "happens on v2 too", CreatedAt = at }] }] }],
            },
            X = new ScenarioX { Posts = [new ScenarioXPost { Id = PostId(50), AuthorId = "100", Text = "login loop on android", CreatedAt = at, Lang = "en" }] },
        };
        return (partial,
            [$"slack:C01:{Ts(at, 900)}", "x:" + PostId(50)],
            [$"slack:C02:{oldThread.Ts}", "github:acme/api#2"]);
    }
}
