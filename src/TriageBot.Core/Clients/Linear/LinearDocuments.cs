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

    /// <summary>The workspace's users; agent users (Codex, GitHub Copilot) are the ones with <c>app</c> true.</summary>
    public const string Users =
        "query TriageBotUsers($after: String) { users(first: 100, after: $after) { nodes { id name displayName app active } pageInfo { hasNextPage endCursor } } }";

    /// <summary>Delegates an issue to an agent user, who then works on it (and opens a draft pull request).</summary>
    public const string IssueDelegate =
        "mutation TriageBotIssueDelegate($id: String!, $input: IssueUpdateInput!) { issueUpdate(id: $id, input: $input) { success issue { id identifier delegate { id } } } }";

    /// <summary>Posts an update (Markdown) to a project: how the goal board reaches a goal's Linear project.</summary>
    public const string ProjectUpdateCreate =
        "mutation TriageBotProjectUpdateCreate($input: ProjectUpdateCreateInput!) { projectUpdateCreate(input: $input) { success projectUpdate { id url } } }";

    public const string AttachmentsForUrl =
        "query TriageBotAttachmentsForUrl($url: String!) { attachmentsForURL(url: $url, first: 50) { nodes { id url title creator { isMe } issue { " + IssueFields + " } } } }";

    public const string Issue =
        "query TriageBotIssue($id: String!) { issue(id: $id) { " + IssueFields + " } }";

    /// <summary>Finds the issue a crashed run created, by the intent marker written into its description.</summary>
    public const string IssuesByDescriptionMarker =
        "query TriageBotIssuesByMarker($marker: String!) { issues(filter: { description: { contains: $marker } }, first: 10) { nodes { " + IssueFields + " } } }";

    /// <summary>The workflow state of up to <see cref="MaxStatesPerRequest"/> issues by id: the goal board's ticket progress.</summary>
    public const string IssueStates =
        "query TriageBotIssueStates($ids: [ID!], $first: Int) { issues(filter: { id: { in: $ids } }, first: $first) { nodes { id state { name type } } } }";

    public const int MaxStatesPerRequest = 100;

    public const string IssueCreate =
        "mutation TriageBotIssueCreate($input: IssueCreateInput!) { issueCreate(input: $input) { success issue { " + IssueFields + " } } }";

    public const string AttachmentCreate =
        "mutation TriageBotAttachmentCreate($input: AttachmentCreateInput!) { attachmentCreate(input: $input) { success attachment { id url title } } }";

    public const string AttachmentDelete =
        "mutation TriageBotAttachmentDelete($id: String!) { attachmentDelete(id: $id) { success } }";

    public const string CommentCreate =
        "mutation TriageBotCommentCreate($input: CommentCreateInput!) { commentCreate(input: $input) { success comment { id } } }";

    public const string IssueRelationCreate =
        "mutation TriageBotIssueRelationCreate($input: IssueRelationCreateInput!) { issueRelationCreate(input: $input) { success issueRelation { id type } } }";

    public const string IssueLabelCreate =
        "mutation TriageBotIssueLabelCreate($input: IssueLabelCreateInput!) { issueLabelCreate(input: $input) { success issueLabel { id name team { id } } } }";

    /// <summary>
    /// Most aliased fields in one batched document. Linear caps one request at 10,000 complexity points;
    /// an attachmentsForURL field with <see cref="BatchedLookupPageSize"/> nodes of attachment + issue costs
    /// about 25 × 5 + 1 ≈ 130 points, so 25 of them stay near 3,300; 25 attachmentCreate payloads cost far less.
    /// </summary>
    public const int MaxBatch = 25;

    /// <summary>Attachments per URL a batched lookup reads: one hit is enough to find the ticket.</summary>
    public const int BatchedLookupPageSize = 25;

    /// <summary>
    /// attachmentsForURL for <paramref name="count"/> URLs in one query: alias <c>a{i}</c> reads variable <c>$u{i}</c>.
    /// </summary>
    public static string AttachmentsForUrls(int count)
    {
        CheckBatch(count);
        var variables = string.Join(", ", Enumerable.Range(0, count).Select(i => $"$u{i}: String!"));
        var fields = string.Join(" ", Enumerable.Range(0, count).Select(i =>
            $"a{i}: attachmentsForURL(url: $u{i}, first: {BatchedLookupPageSize}) {{ nodes {{ id url title creator {{ isMe }} issue {{ {IssueFields} }} }} }}"));
        return $"query TriageBotAttachmentsForUrls({variables}) {{ {fields} }}";
    }

    /// <summary>
    /// attachmentCreate for <paramref name="count"/> inputs in one mutation: alias <c>a{i}</c> takes variable <c>$i{i}</c>.
    /// Linear runs a document's root mutation fields one after another; each alias succeeds or fails alone.
    /// </summary>
    public static string AttachmentCreates(int count)
    {
        CheckBatch(count);
        var variables = string.Join(", ", Enumerable.Range(0, count).Select(i => $"$i{i}: AttachmentCreateInput!"));
        var fields = string.Join(" ", Enumerable.Range(0, count).Select(i =>
            $"a{i}: attachmentCreate(input: $i{i}) {{ success attachment {{ id url title }} }}"));
        return $"mutation TriageBotAttachmentCreates({variables}) {{ {fields} }}";
    }

    private static void CheckBatch(int count) => ArgumentOutOfRangeException.ThrowIfNotEqual(count is >= 1 and <= MaxBatch, true, nameof(count));

    /// <summary>All of the above, for the schema test.</summary>
    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>
    {
        [nameof(Teams)] = Teams,
        [nameof(IssueLabels)] = IssueLabels,
        [nameof(Projects)] = Projects,
        [nameof(Users)] = Users,
        [nameof(IssueDelegate)] = IssueDelegate,
        [nameof(ProjectUpdateCreate)] = ProjectUpdateCreate,
        [nameof(AttachmentsForUrl)] = AttachmentsForUrl,
        [nameof(Issue)] = Issue,
        [nameof(IssuesByDescriptionMarker)] = IssuesByDescriptionMarker,
        [nameof(IssueStates)] = IssueStates,
        [nameof(IssueCreate)] = IssueCreate,
        [nameof(AttachmentCreate)] = AttachmentCreate,
        [nameof(AttachmentDelete)] = AttachmentDelete,
        [nameof(CommentCreate)] = CommentCreate,
        [nameof(IssueLabelCreate)] = IssueLabelCreate,
        [nameof(IssueRelationCreate)] = IssueRelationCreate,
    };
}
