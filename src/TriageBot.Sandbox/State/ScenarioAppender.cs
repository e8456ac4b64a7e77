using System.Globalization;

namespace TriageBot.Sandbox;

/// <summary>
/// Copies a scenario (the initial one or a partial one appended later) into the state. An item whose
/// id already exists is merged: a Slack message with a known ts adds its new replies (and takes the new
/// text), a GitHub issue with a known number adds its new comments (and bumps updated_at).
/// </summary>
internal static class ScenarioAppender
{
    public static AppendResult Apply(SandboxState state, Scenario s)
    {
        var (messages, replies) = ApplySlack(state.Slack, s.Slack);
        var (issues, comments) = ApplyGitHub(state.GitHub, s.GitHub);
        var posts = ApplyX(state.X, s.X);
        var linearIssues = ApplyLinear(state.Linear, s.Linear, state.ScenarioNow);
        return new AppendResult(messages, replies, issues, comments, posts, linearIssues);
    }

    private static (int Messages, int Replies) ApplySlack(SlackState slack, ScenarioSlack? s)
    {
        if (s is null) return (0, 0);
        foreach (var u in s.Users) slack.Users[u.Id] = u;
        int messages = 0, replies = 0;
        foreach (var c in s.Channels)
        {
            var channel = slack.Channels.Find(x => x.Id == c.Id);
            if (channel is null)
            {
                channel = new SlackChannelState { Id = c.Id, Name = c.Name, IsMember = c.IsMember ?? true, IsPrivate = c.IsPrivate ?? false };
                slack.Channels.Add(channel);
                // Bulk load: add then sort once, so 100k-message channels load in linear-ish time.
                foreach (var m in c.Messages) channel.Messages.Add(ToMessage(m, null));
                channel.Messages.Sort((a, b) => a.Key.CompareTo(b.Key));
                messages += c.Messages.Count;
                replies += c.Messages.Sum(m => m.Replies?.Count ?? 0);
                channel.Created = channel.Messages.Count > 0 ? (long)channel.Messages[0].Key - 86_400 : 1_600_000_000;
                continue;
            }
            if (c.IsMember is { } member) channel.IsMember = member;
            foreach (var m in c.Messages)
            {
                var existing = channel.Find(m.Ts);
                if (existing is null)
                {
                    SlackMessage.Insert(channel.Messages, ToMessage(m, null));
                    messages++;
                    replies += m.Replies?.Count ?? 0;
                    continue;
                }
                if (!string.IsNullOrEmpty(m.Text)) existing.Text = m.Text;
                if (m.Reactions is { } r) existing.Reactions = r;
                foreach (var reply in m.Replies ?? [])
                {
                    if (SlackMessage.Insert(existing.Replies, ToMessage(reply, existing.Ts))) replies++;
                }
                if (existing.Replies.Count > 0) existing.ThreadTs = existing.Ts;
            }
        }
        return (messages, replies);
    }

    private static SlackMessage ToMessage(ScenarioSlackMessage m, string? parentTs)
    {
        var message = new SlackMessage
        {
            Ts = m.Ts, Key = SlackTs.Parse(m.Ts), User = m.User, Text = m.Text, Subtype = m.Subtype,
            Reactions = m.Reactions ?? 0, ThreadTs = parentTs,
            BotId = m.Subtype == "bot_message" ? "B" + (m.User ?? "0SANDBOX").TrimStart('U') : null,
        };
        if (parentTs is null && m.Replies is { Count: > 0 })
        {
            foreach (var r in m.Replies) message.Replies.Add(ToMessage(r, m.Ts));
            message.Replies.Sort((a, b) => a.Key.CompareTo(b.Key));
            message.ThreadTs = m.Ts;
        }
        return message;
    }

    private static (int Issues, int Comments) ApplyGitHub(GitHubState github, ScenarioGitHub? s)
    {
        if (s is null) return (0, 0);
        int issues = 0, comments = 0;
        foreach (var r in s.Repos)
        {
            var repo = github.FindRepo(r.Owner, r.Name);
            if (repo is null)
            {
                repo = new GitHubRepoState { Owner = r.Owner, Name = r.Name };
                repo.Refs.Add(new GitHubRefState { Ref = "refs/heads/main", Sha = FakeSha(r.Owner + "/" + r.Name) });
                github.Repos.Add(repo);
            }
            repo.Changed();
            foreach (var i in r.Issues)
            {
                var index = repo.Issues.BinarySearch(new GitHubIssueState { Number = i.Number }, IssueByNumber.Instance);
                if (index < 0)
                {
                    var issue = new GitHubIssueState
                    {
                        Number = i.Number, Title = i.Title, Body = i.Body, User = i.User, CreatedAt = i.CreatedAt,
                        UpdatedAt = i.UpdatedAt == default ? i.CreatedAt : i.UpdatedAt, State = i.State,
                        Labels = [.. i.Labels], Reactions = i.Reactions, IsPullRequest = i.IsPullRequest,
                        ClosedAt = i.State == "closed" ? (i.UpdatedAt == default ? i.CreatedAt : i.UpdatedAt) : null,
                    };
                    repo.Issues.Insert(~index, issue);
                    issues++;
                    comments += AddComments(github, issue, i.Comments);
                    continue;
                }
                var existing = repo.Issues[index];
                if (i.UpdatedAt > existing.UpdatedAt)
                {
                    if (!string.IsNullOrEmpty(i.Title)) existing.Title = i.Title;
                    if (i.Body is not null) existing.Body = i.Body;
                    existing.State = i.State;
                    if (i.Labels.Count > 0) existing.Labels = [.. i.Labels];
                    existing.Reactions = Math.Max(existing.Reactions, i.Reactions);
                    existing.UpdatedAt = i.UpdatedAt;
                }
                comments += AddComments(github, existing, i.Comments);
            }
        }
        return (issues, comments);
    }

    private static int AddComments(GitHubState github, GitHubIssueState issue, List<ScenarioGitHubComment> comments)
    {
        var added = 0;
        foreach (var c in comments)
        {
            if (issue.Comments.Exists(x => x.Id == c.Id)) continue;
            var comment = new GitHubCommentState
            {
                Id = c.Id, IssueNumber = issue.Number, User = c.User, Body = c.Body,
                CreatedAt = c.CreatedAt, UpdatedAt = c.UpdatedAt ?? c.CreatedAt,
            };
            issue.Comments.Add(comment);
            if (comment.UpdatedAt > issue.UpdatedAt) issue.UpdatedAt = comment.UpdatedAt; // a comment touches its issue
            github.NextCommentId = Math.Max(github.NextCommentId, c.Id + 1);
            added++;
        }
        if (added > 0) issue.Comments.Sort((a, b) => a.CreatedAt != b.CreatedAt ? a.CreatedAt.CompareTo(b.CreatedAt) : a.Id.CompareTo(b.Id));
        return added;
    }

    private static int ApplyX(XState x, ScenarioX? s)
    {
        if (s is null) return 0;
        foreach (var u in s.Users) x.Users[u.Id] = u;
        var added = 0;
        var bulk = x.Posts.Count == 0;
        foreach (var p in s.Posts)
        {
            var id = long.Parse(p.Id, CultureInfo.InvariantCulture);
            var post = new XPostState { Post = p, NumericId = id };
            if (bulk) { x.Posts.Add(post); added++; continue; }
            var i = XState.IndexOf(x.Posts, id);
            if (i >= 0) continue;
            x.Posts.Insert(~i, post);
            added++;
        }
        if (bulk) x.Posts.Sort((a, b) => a.NumericId.CompareTo(b.NumericId));
        return added;
    }

    private static int ApplyLinear(LinearState linear, ScenarioLinear? s, DateTimeOffset now)
    {
        if (s is null) return 0;
        foreach (var t in s.Teams.Where(t => linear.Teams.TrueForAll(x => x.Id != t.Id)))
            linear.Teams.Add(new LinearTeamState { Id = t.Id, Key = t.Key, Name = t.Name });
        foreach (var l in (s.Labels ?? []).Where(l => linear.Labels.TrueForAll(x => x.Id != l.Id)))
            linear.Labels.Add(new LinearLabelState { Id = l.Id, Name = l.Name, TeamId = l.TeamId });
        foreach (var p in (s.Projects ?? []).Where(p => linear.Projects.TrueForAll(x => x.Id != p.Id)))
            linear.Projects.Add(new LinearProjectState { Id = p.Id, Name = p.Name, TargetDate = p.TargetDate, Description = p.Description });
        var added = 0;
        foreach (var i in (s.Issues ?? []).Where(i => linear.Issues.TrueForAll(x => x.Id != i.Id)))
        {
            var dash = i.Identifier.LastIndexOf('-');
            var issue = new LinearIssueState
            {
                Id = i.Id, Identifier = i.Identifier, TeamId = i.TeamId, Title = i.Title, Description = i.Description,
                State = i.State, CreatedAt = now.AddDays(-30), UpdatedAt = now.AddDays(-30), Url = linear.IssueUrl(i.Identifier),
                Number = dash >= 0 && int.TryParse(i.Identifier[(dash + 1)..], CultureInfo.InvariantCulture, out var n) ? n : 0,
            };
            foreach (var url in i.AttachmentUrls ?? [])
            {
                issue.Attachments.Add(new LinearAttachmentState
                {
                    Id = $"att-{i.Id}-{issue.Attachments.Count + 1}", IssueId = i.Id, Title = url, Url = url,
                    CreatedAt = issue.CreatedAt, UpdatedAt = issue.CreatedAt,
                });
            }
            linear.Issues.Add(issue);
            added++;
        }
        return added;
    }

    internal static string FakeSha(string seed) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(seed)))[..40];

    private sealed class IssueByNumber : IComparer<GitHubIssueState>
    {
        public static readonly IssueByNumber Instance = new();
        public int Compare(GitHubIssueState? a, GitHubIssueState? b) => a!.Number.CompareTo(b!.Number);
    }
}
