namespace TriageBot.Clients.Linear;

/// <summary>
/// Every GraphQL document TriageBot sends to Linear, in one place, so a test can validate each one
/// against Linear's published schema (a misspelt field fails in CI, not in production).
/// No fragments: a shared field list is spliced in as a constant instead.
/// </summary>
public static class LinearDocuments
{
    private const string IssueFields = "id identifier url title description state { name type } team { id key }";

    public const string Teams =
        "query TriageBotTeams($after: String) { teams(first: 100, after: $after) { nodes { id key name } pageInfo { hasNextPage endCursor } } }";

    public const string IssueLabels =
        "query TriageBotIssueLabels($after: String) { issueLabels(first: 100, after: $after) { nodes { id name team { id } } pageInfo { hasNextPage endCursor } } }";

    public const string Projects =
        "query TriageBotProjects($after: String) { projects(first: 100, after: $after) { nodes { id name } pageInfo { hasNextPage endCursor } } }";

    public const string AttachmentsForUrl =
        "query TriageBotAttachmentsForUrl($url: String!) { attachmentsForURL(url: $url, first: 50) { nodes { id url title issue { " + IssueFields + " } } } }";

    public const string Issue =
        "query TriageBotIssue($id: String!) { issue(id: $id) { " + IssueFields + " } }";

    /// <summary>Finds the issue a crashed run created, by the intent marker written into its description.</summary>
    public const string IssuesByDescriptionMarker =
        "query TriageBotIssuesByMarker($marker: String!) { issues(filter: { description: { contains: $marker } }, first: 10) { nodes { " + IssueFields + " } } }";

    public const string IssueCreate =
        "mutation TriageBotIssueCreate($input: IssueCreateInput!) { issueCreate(input: $input) { success issue { " + IssueFields + " } } }";

    public const string AttachmentCreate =
        "mutation TriageBotAttachmentCreate($input: AttachmentCreateInput!) { attachmentCreate(input: $input) { success attachment { id url title } } }";

    public const string CommentCreate =
        "mutation TriageBotCommentCreate($input: CommentCreateInput!) { commentCreate(input: $input) { success comment { id } } }";

    public const string IssueLabelCreate =
        "mutation TriageBotIssueLabelCreate($input: IssueLabelCreateInput!) { issueLabelCreate(input: $input) { success issueLabel { id name team { id } } } }";

    /// <summary>All of the above, for the schema test.</summary>
    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>
    {
        [nameof(Teams)] = Teams,
        [nameof(IssueLabels)] = IssueLabels,
        [nameof(Projects)] = Projects,
        [nameof(AttachmentsForUrl)] = AttachmentsForUrl,
        [nameof(Issue)] = Issue,
        [nameof(IssuesByDescriptionMarker)] = IssuesByDescriptionMarker,
        [nameof(IssueCreate)] = IssueCreate,
        [nameof(AttachmentCreate)] = AttachmentCreate,
        [nameof(CommentCreate)] = CommentCreate,
        [nameof(IssueLabelCreate)] = IssueLabelCreate,
    };
}
