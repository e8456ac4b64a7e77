namespace TriageBot.Tests.Sandbox;

/// <summary>The GraphQL documents the Linear sandbox tests send; each is validated against Linear's schema.</summary>
internal static class LinearSandboxDocuments
{
    public const string IssueCreate = """
        mutation Create($input: IssueCreateInput!) {
          issueCreate(input: $input) {
            success
            issue { id identifier number title description priority priorityLabel url
                    state { id name type } team { id key } project { id name } labels { nodes { id name } } }
          }
        }
        """;

    public const string AttachmentCreate = """
        mutation Attach($input: AttachmentCreateInput!) {
          attachmentCreate(input: $input) { success attachment { id url title subtitle metadata issue { identifier } } }
        }
        """;

    public const string IssueAttachments = """
        query IssueAttachments($id: String!) {
          issue(id: $id) { identifier attachments { nodes { id url title } } }
        }
        """;

    public const string AttachmentsForUrl = """
        query ForUrl($url: String!) {
          attachmentsForURL(url: $url) { nodes { id url issue { id identifier title state { name type } } } }
        }
        """;

    /// <summary>Aliases, a named fragment, an inline fragment, @include and __typename in one document.</summary>
    public const string Workspace = """
        query Workspace($withLabels: Boolean!) {
          me: viewer { id name }
          agent: team(id: "AGT") { ...TeamFields labels @include(if: $withLabels) { nodes { name } } }
          all: teams { nodes { ... on Team { __typename key } } }
          issueLabels(filter: { team: { key: { eq: "AGT" } } }) { nodes { name } }
          projects { nodes { id name targetDate } }
        }

        fragment TeamFields on Team { id key name }
        """;

    public const string IssuesPage = """
        query Page($first: Int, $after: String) {
          issues(first: $first, after: $after, filter: { team: { key: { eq: "AGT" } } }) {
            nodes { identifier }
            pageInfo { hasNextPage endCursor }
          }
        }
        """;

    public const string IssuesByIdentifier = """
        query ByIdentifier($ids: [ID!]) {
          issues(filter: { id: { in: $ids } }) { nodes { id identifier } }
        }
        """;

    public const string IssueUpdate = """
        mutation Update($id: String!, $input: IssueUpdateInput!) {
          issueUpdate(id: $id, input: $input) { success issue { identifier state { name type } priority labels { nodes { name } } } }
        }
        """;

    public const string CommentCreate = """
        mutation Comment($input: CommentCreateInput!) {
          commentCreate(input: $input) { success comment { id body issue { identifier comments { nodes { body } } } } }
        }
        """;

    public const string IssueLabelCreate = """
        mutation Label($input: IssueLabelCreateInput!) {
          issueLabelCreate(input: $input) { success issueLabel { id name team { key } } }
        }
        """;

    public const string IssueById = """
        query One($id: String!) { issue(id: $id) { id identifier title } }
        """;

    public const string TwoIssues = """
        query Two($a: String!, $b: String!) { found: issue(id: $a) { identifier } missing: issue(id: $b) { identifier } }
        """;

    public static IEnumerable<object[]> All() =>
        new[] { TwoIssues, IssueCreate, AttachmentCreate, IssueAttachments, AttachmentsForUrl, Workspace, IssuesPage, IssuesByIdentifier, IssueUpdate, CommentCreate, IssueLabelCreate, IssueById }
            .Select(d => new object[] { d });
}
