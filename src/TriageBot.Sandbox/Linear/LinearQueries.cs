namespace TriageBot.Sandbox;

/// <summary>The Query root the sandbox serves: teams, labels, projects, issues, attachments, viewer and users.</summary>
internal static class LinearQueries
{
    public static GraphNode Root(LinearGraph graph)
    {
        var linear = graph.Linear;
        return new GraphNode("Query")
            .Field("viewer", _ => graph.Viewer())
            .Field("users", args => LinearConnection.Of("UserConnection",
                linear.Users.Prepend(LinearGraph.ViewerUser), args, u => u.Id, graph.User))
            .Field("organization", _ => graph.Organization())
            .Field("teams", args => LinearConnection.Of("TeamConnection",
                linear.Teams.Where(t => LinearFilter.Matches(args.Object("filter"), LinearGraph.TeamView(t))), args, t => t.Id, graph.Team))
            .Field("team", args => linear.FindTeam(args.RequiredString("id")) is { } team
                ? graph.Team(team) : throw GraphQLException.NotFound("Team"))
            .Field("issueLabels", args => LinearConnection.Of("IssueLabelConnection",
                linear.Labels.Where(l => LinearFilter.Matches(args.Object("filter"), graph.LabelView(l))), args, l => l.Id, graph.Label))
            .Field("issueLabel", args => linear.Labels.Find(l => l.Id == args.RequiredString("id")) is { } label
                ? graph.Label(label) : throw GraphQLException.NotFound("IssueLabel"))
            .Field("projects", args => LinearConnection.Of("ProjectConnection",
                linear.Projects.Where(p => LinearFilter.Matches(args.Object("filter"), LinearGraph.ProjectView(p))), args, p => p.Id, graph.Project))
            .Field("project", args => linear.Projects.Find(p => p.Id == args.RequiredString("id")) is { } project
                ? graph.Project(project) : throw GraphQLException.NotFound("Project"))
            .Field("workflowStates", args => LinearConnection.Of("WorkflowStateConnection",
                linear.Teams.SelectMany(t => LinearGraph.StateNames
                    .Select(name => (Team: t, Name: name)))
                    .Where(s => LinearFilter.Matches(args.Object("filter"), StateView(s.Team, s.Name))),
                args, s => LinearGraph.StateId(s.Team.Id, s.Name), s => graph.WorkflowState(s.Team, s.Name)))
            .Field("issues", args => LinearConnection.Of("IssueConnection",
                linear.Issues.Where(i => LinearFilter.Matches(args.Object("filter"), graph.IssueView(i))), args, i => i.Id, graph.Issue))
            .Field("issue", args => linear.FindIssue(args.RequiredString("id")) is { } issue
                ? graph.Issue(issue) : throw GraphQLException.NotFound("Issue"))
            .Field("attachment", args => linear.Issues.SelectMany(i => i.Attachments).FirstOrDefault(a => a.Id == args.RequiredString("id")) is { } a
                ? graph.Attachment(a) : throw GraphQLException.NotFound("Attachment"))
            .Field("attachmentsForURL", args =>
            {
                var url = args.RequiredString("url");
                return LinearConnection.Of("AttachmentConnection",
                    linear.Issues.SelectMany(i => i.Attachments).Where(a => a.Url == url).OrderBy(a => a.CreatedAt),
                    args, a => a.Id, graph.Attachment);
            });
    }

    private static Func<string, object?> StateView(LinearTeamState team, string name) => field => field switch
    {
        "id" => LinearGraph.StateId(team.Id, name),
        "name" => name,
        "type" => LinearGraph.StateType(name),
        "team" => LinearGraph.TeamView(team),
        _ => LinearFilter.Unknown,
    };
}
