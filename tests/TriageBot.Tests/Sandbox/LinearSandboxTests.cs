using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using TriageBot.Clients.Linear;
using TriageBot.Sandbox;
using TriageBot.Tests.Support;

namespace TriageBot.Tests.Sandbox;

/// <summary>The sandbox's Linear GraphQL over HTTP, with Linear's error shapes.</summary>
public class LinearSandboxTests
{
    private const string ExistingUrl = "https://github.com/cinder-labs/cinder-cli/issues/2843";

    private static Scenario LinearScenario()
    {
        var scenario = SandboxFixture.Empty();
        scenario.Linear = new ScenarioLinear
        {
            Teams = [new ScenarioLinearTeam { Id = "team-agent", Key = "AGT", Name = "Agent & CLI" }, new ScenarioLinearTeam { Id = "team-surfaces", Key = "SUR", Name = "Desktop & IDE" }],
            Labels = [new ScenarioLinearLabel { Id = "lbl-agt-bug", Name = "Bug", TeamId = "team-agent" }, new ScenarioLinearLabel { Id = "lbl-sur-bug", Name = "Bug", TeamId = "team-surfaces" }],
            Projects = [new ScenarioLinearProject { Id = "prj-latency", Name = "Latency sprint", TargetDate = new DateOnly(2026, 12, 11) }],
            Issues =
            [
                new ScenarioLinearIssue
                {
                    Id = "290d1e0c-6f80-474a-a8a1-c90e0d03570c", Identifier = "AGT-343", TeamId = "team-agent", Title = "Auth: encrypted file store",
                    State = "In Progress", AttachmentUrls = [ExistingUrl],
                },
                new ScenarioLinearIssue { Id = "iss-2", Identifier = "AGT-12", TeamId = "team-agent", Title = "Old one", State = "Done" },
            ],
        };
        return scenario;
    }

    [Fact]
    public async Task IssueCreate_numbers_from_the_teams_highest_and_stores_the_ticket()
    {
        await using var sandbox = await SandboxFixture.StartAsync(LinearScenario());

        var (status, body) = await PostAsync(sandbox, LinearSandboxDocuments.IssueCreate, new JsonObject
        {
            ["input"] = new JsonObject
            {
                ["teamId"] = "team-agent", ["title"] = "Login loops on Safari", ["description"] = "**Users** hit a loop.", ["priority"] = 2,
                ["labelIds"] = new JsonArray("lbl-agt-bug"), ["projectId"] = "prj-latency",
            },
        });

        Assert.Equal(HttpStatusCode.OK, status);
        var created = body["data"]!["issueCreate"]!;
        Assert.True(created["success"]!.GetValue<bool>());
        var issue = created["issue"]!;
        Assert.Equal("AGT-344", issue["identifier"]!.GetValue<string>());
        Assert.Equal(344, issue["number"]!.GetValue<double>());
        Assert.Equal("https://linear.app/sandbox/issue/AGT-344", issue["url"]!.GetValue<string>());
        Assert.Equal("High", issue["priorityLabel"]!.GetValue<string>());
        Assert.Equal("unstarted", issue["state"]!["type"]!.GetValue<string>());
        Assert.Equal("AGT", issue["team"]!["key"]!.GetValue<string>());
        Assert.Equal("Latency sprint", issue["project"]!["name"]!.GetValue<string>());
        Assert.Equal("Bug", issue["labels"]!["nodes"]![0]!["name"]!.GetValue<string>());
        var stored = sandbox.State.Linear.FindIssue("AGT-344")!;
        Assert.Equal("**Users** hit a loop.", stored.Description);
        Assert.Equal(issue["id"]!.GetValue<string>(), stored.Id);
        Assert.Equal("Create", sandbox.RequestLog.Entries.Single().Operation); // the operation's name
    }

    [Fact]
    public async Task The_same_url_attached_twice_is_one_attachment_updated()
    {
        await using var sandbox = await SandboxFixture.StartAsync(LinearScenario());
        JsonObject Input(string title) => new()
        {
            ["input"] = new JsonObject
            {
                ["issueId"] = "AGT-12", ["url"] = "https://x.com/carol/status/1", ["title"] = title,
                ["metadata"] = new JsonObject { ["source"] = "x" },
            },
        };

        var (_, first) = await PostAsync(sandbox, LinearSandboxDocuments.AttachmentCreate, Input("First title"));
        var (_, second) = await PostAsync(sandbox, LinearSandboxDocuments.AttachmentCreate, Input("Second title"));
        var (_, listed) = await PostAsync(sandbox, LinearSandboxDocuments.IssueAttachments, new JsonObject { ["id"] = "iss-2" });

        Assert.Equal(first["data"]!["attachmentCreate"]!["attachment"]!["id"]!.GetValue<string>(),
            second["data"]!["attachmentCreate"]!["attachment"]!["id"]!.GetValue<string>());
        Assert.Equal("x", second["data"]!["attachmentCreate"]!["attachment"]!["metadata"]!["source"]!.GetValue<string>());
        var node = Assert.Single(listed["data"]!["issue"]!["attachments"]!["nodes"]!.AsArray());
        Assert.Equal("Second title", node!["title"]!.GetValue<string>());
        Assert.Single(sandbox.State.Linear.FindIssue("AGT-12")!.Attachments);
    }

    [Fact]
    public async Task AttachmentsForURL_finds_a_ticket_filed_before_the_bot()
    {
        await using var sandbox = await SandboxFixture.StartAsync(LinearScenario());

        var (status, body) = await PostAsync(sandbox, LinearSandboxDocuments.AttachmentsForUrl, new JsonObject { ["url"] = ExistingUrl });
        var (_, none) = await PostAsync(sandbox, LinearSandboxDocuments.AttachmentsForUrl, new JsonObject { ["url"] = "https://github.com/x/y/issues/1" });

        Assert.Equal(HttpStatusCode.OK, status);
        var issue = Assert.Single(body["data"]!["attachmentsForURL"]!["nodes"]!.AsArray())!["issue"]!;
        Assert.Equal("AGT-343", issue["identifier"]!.GetValue<string>());
        Assert.Equal("started", issue["state"]!["type"]!.GetValue<string>());
        Assert.Empty(none["data"]!["attachmentsForURL"]!["nodes"]!.AsArray());
    }

    [Fact]
    public async Task A_rate_limit_fault_is_http_400_with_RATELIMITED()
    {
        await using var sandbox = await SandboxFixture.StartAsync(LinearScenario());
        sandbox.Faults.Add(new FaultRule("linear", FaultKind.RateLimit, Count: 1));

        var (status, body) = await PostAsync(sandbox, LinearSandboxDocuments.IssueById, new JsonObject { ["id"] = "AGT-343" });
        var (after, _) = await PostAsync(sandbox, LinearSandboxDocuments.IssueById, new JsonObject { ["id"] = "AGT-343" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("RATELIMITED", body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, after);
    }

    [Fact]
    public async Task An_unknown_field_is_a_400_validation_error_and_writes_nothing()
    {
        await using var sandbox = await SandboxFixture.StartAsync(LinearScenario());
        const string misspelt = "mutation($input: IssueCreateInput!) { issueCreate(input: $input) { success issue { id identifer } } }";

        var (status, body) = await PostAsync(sandbox, misspelt,
            new JsonObject { ["input"] = new JsonObject { ["teamId"] = "team-agent", ["title"] = "t" } });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var error = body["errors"]![0]!;
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", error["extensions"]!["code"]!.GetValue<string>());
        Assert.Contains("identifer", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(error["extensions"]!["userPresentableMessage"]);
        Assert.Null(body["data"]);
        Assert.Equal(2, sandbox.State.Linear.Issues.Count);
        Assert.NotEmpty(LinearSchema.Validate(misspelt)); // the real schema agrees
    }

    [Theory]
    [InlineData("lin_api_wrong", HttpStatusCode.Unauthorized)]
    [InlineData(null, HttpStatusCode.BadRequest)]
    public async Task Wrong_or_missing_credentials_are_AUTHENTICATION_ERROR(string? key, HttpStatusCode expected)
    {
        await using var sandbox = await SandboxFixture.StartAsync(LinearScenario());

        var (status, body) = await PostAsync(sandbox, LinearSandboxDocuments.IssueById, new JsonObject { ["id"] = "AGT-343" }, key ?? "");

        Assert.Equal(expected, status);
        Assert.Equal("AUTHENTICATION_ERROR", body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_api_key_without_Bearer_and_an_oauth_token_with_Bearer_are_both_accepted()
    {
        await using var sandbox = await SandboxFixture.StartAsync(LinearScenario());

        var (plain, _) = await PostAsync(sandbox, LinearSandboxDocuments.IssueById, new JsonObject { ["id"] = "AGT-343" });
        var (bearer, _) = await PostAsync(sandbox, LinearSandboxDocuments.IssueById, new JsonObject { ["id"] = "AGT-343" },
            "Bearer " + sandbox.Credentials.LinearApiKey);

        Assert.Equal(HttpStatusCode.OK, plain);
        Assert.Equal(HttpStatusCode.OK, bearer);
    }

    [Fact]
    public async Task Aliases_fragments_directives_and_filters_are_executed()
    {
        await using var sandbox = await SandboxFixture.StartAsync(LinearScenario());

        var (status, body) = await PostAsync(sandbox, LinearSandboxDocuments.Workspace, new JsonObject { ["withLabels"] = false });

        Assert.Equal(HttpStatusCode.OK, status);
        var data = body["data"]!;
        Assert.Equal(LinearGraph.ViewerId, data["me"]!["id"]!.GetValue<string>());
        Assert.Equal("Agent & CLI", data["agent"]!["name"]!.GetValue<string>());
        Assert.Null(data["agent"]!["labels"]);
        Assert.False(data["agent"]!.AsObject().ContainsKey("labels"));
        Assert.Equal(["Team", "Team"], data["all"]!["nodes"]!.AsArray().Select(n => n!["__typename"]!.GetValue<string>()));
        Assert.Equal("lbl-agt-bug", sandbox.State.Linear.Labels.Single(l => l.TeamId == "team-agent").Id);
        Assert.Single(data["issueLabels"]!["nodes"]!.AsArray());
        Assert.Equal("2026-12-11", data["projects"]!["nodes"]![0]!["targetDate"]!.GetValue<string>());
    }

    [Fact]
    public async Task Issues_page_with_first_and_after_and_filter_by_identifier()
    {
        await using var sandbox = await SandboxFixture.StartAsync(LinearScenario());

        var (_, first) = await PostAsync(sandbox, LinearSandboxDocuments.IssuesPage, new JsonObject { ["first"] = 1 });
        var cursor = first["data"]!["issues"]!["pageInfo"]!["endCursor"]!.GetValue<string>();
        var (_, second) = await PostAsync(sandbox, LinearSandboxDocuments.IssuesPage, new JsonObject { ["first"] = 1, ["after"] = cursor });
        var (_, byIds) = await PostAsync(sandbox, LinearSandboxDocuments.IssuesByIdentifier, new JsonObject { ["ids"] = new JsonArray("AGT-12", "NOPE-1") });

        Assert.True(first["data"]!["issues"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.False(second["data"]!["issues"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.Equal(["AGT-343", "AGT-12"], new[] { first, second }.Select(b => b["data"]!["issues"]!["nodes"]![0]!["identifier"]!.GetValue<string>()));
        Assert.Equal("iss-2", Assert.Single(byIds["data"]!["issues"]!["nodes"]!.AsArray())!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task IssueUpdate_commentCreate_and_issueLabelCreate_write_the_state()
    {
        await using var sandbox = await SandboxFixture.StartAsync(LinearScenario());

        var (_, label) = await PostAsync(sandbox, LinearSandboxDocuments.IssueLabelCreate,
            new JsonObject { ["input"] = new JsonObject { ["name"] = "Regression", ["teamId"] = "team-agent" } });
        var labelId = label["data"]!["issueLabelCreate"]!["issueLabel"]!["id"]!.GetValue<string>();
        var (_, updated) = await PostAsync(sandbox, LinearSandboxDocuments.IssueUpdate, new JsonObject
        {
            ["id"] = "AGT-343",
            ["input"] = new JsonObject { ["stateId"] = LinearGraph.StateId("team-agent", "Done"), ["priority"] = 1, ["labelIds"] = new JsonArray(labelId) },
        });
        var (_, comment) = await PostAsync(sandbox, LinearSandboxDocuments.CommentCreate,
            new JsonObject { ["input"] = new JsonObject { ["issueId"] = "AGT-343", ["body"] = "3 new reports since Monday." } });

        var issue = updated["data"]!["issueUpdate"]!["issue"]!;
        Assert.Equal("completed", issue["state"]!["type"]!.GetValue<string>());
        Assert.Equal(1, issue["priority"]!.GetValue<double>());
        Assert.Equal("Regression", issue["labels"]!["nodes"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("3 new reports since Monday.",
            comment["data"]!["commentCreate"]!["comment"]!["issue"]!["comments"]!["nodes"]![0]!["body"]!.GetValue<string>());
        Assert.Equal("Done", sandbox.State.Linear.FindIssue("AGT-343")!.State);
        Assert.Single(sandbox.State.Linear.FindIssue("AGT-343")!.Comments);
    }

    [Fact]
    public async Task An_unknown_issue_is_an_error_with_data_null()
    {
        await using var sandbox = await SandboxFixture.StartAsync(LinearScenario());

        var (status, body) = await PostAsync(sandbox, LinearSandboxDocuments.IssueById, new JsonObject { ["id"] = "AGT-999" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(body["data"]);
        Assert.Equal("INVALID_INPUT", body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Contains("Entity not found", body["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_failing_root_field_is_a_partial_answer_with_data_and_errors()
    {
        await using var sandbox = await SandboxFixture.StartAsync(LinearScenario());

        var (status, body) = await PostAsync(sandbox, LinearSandboxDocuments.TwoIssues, new JsonObject { ["a"] = "AGT-343", ["b"] = "AGT-999" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("AGT-343", body["data"]!["found"]!["identifier"]!.GetValue<string>());
        Assert.Null(body["data"]!["missing"]);
        Assert.Single(body["errors"]!.AsArray());
    }

    [Theory]
    [MemberData(nameof(LinearSandboxDocuments.All), MemberType = typeof(LinearSandboxDocuments))]
    public void Every_document_these_tests_send_is_valid_against_linears_schema(string document) =>
        LinearSchema.AssertValid(document);

    [Fact]
    public async Task Every_document_the_linear_client_sends_executes_without_errors()
    {
        await using var sandbox = await SandboxFixture.StartAsync(LinearScenario());
        var issueId = sandbox.State.Linear.FindIssue("AGT-343")!.Id;
        var attachmentId = sandbox.State.Linear.FindIssue("AGT-343")!.Attachments[0].Id;
        var variables = new Dictionary<string, JsonObject>
        {
            [nameof(LinearDocuments.AttachmentDelete)] = new() { ["id"] = attachmentId },
            [nameof(LinearDocuments.AttachmentsForUrl)] = new() { ["url"] = ExistingUrl },
            [nameof(LinearDocuments.Issue)] = new() { ["id"] = issueId },
            [nameof(LinearDocuments.IssuesByDescriptionMarker)] = new() { ["marker"] = "triagebot-intent" },
            [nameof(LinearDocuments.IssueStates)] = new() { ["ids"] = new JsonArray(issueId), ["first"] = 1 },
            [nameof(LinearDocuments.IssueCreate)] = new() { ["input"] = new JsonObject { ["teamId"] = "team-agent", ["title"] = "x" } },
            [nameof(LinearDocuments.AttachmentCreate)] = new() { ["input"] = new JsonObject { ["issueId"] = issueId, ["title"] = "t", ["url"] = "https://x.com/a/status/9" } },
            [nameof(LinearDocuments.CommentCreate)] = new() { ["input"] = new JsonObject { ["issueId"] = issueId, ["body"] = "b" } },
            [nameof(LinearDocuments.IssueLabelCreate)] = new() { ["input"] = new JsonObject { ["name"] = "New", ["teamId"] = "team-agent" } },
            [nameof(LinearDocuments.IssueRelationCreate)] = new() { ["input"] = new JsonObject { ["issueId"] = issueId, ["relatedIssueId"] = "AGT-12", ["type"] = "duplicate" } },
            [nameof(LinearDocuments.IssueDelegate)] = new() { ["id"] = issueId, ["input"] = new JsonObject { ["delegateId"] = "user-copilot" } },
            [nameof(LinearDocuments.ProjectUpdateCreate)] = new() { ["input"] = new JsonObject { ["projectId"] = "prj-latency", ["body"] = "b" } },
        };

        foreach (var (name, document) in LinearDocuments.All)
        {
            var (status, body) = await PostAsync(sandbox, document, variables.GetValueOrDefault(name) ?? []);
            Assert.True(status == HttpStatusCode.OK && body["errors"] is null, $"{name}: {(int)status} {body.ToJsonString()}");
        }
    }

    [Fact]
    public async Task An_issue_is_delegated_only_to_an_agent_user_and_shows_its_delegate()
    {
        await using var sandbox = await SandboxFixture.StartAsync(LinearScenario());
        JsonObject Delegate(string user) => new() { ["id"] = "AGT-343", ["input"] = new JsonObject { ["delegateId"] = user } };

        var (_, users) = await PostAsync(sandbox, LinearDocuments.Users, []);
        var (_, toViewer) = await PostAsync(sandbox, LinearDocuments.IssueDelegate, Delegate(LinearGraph.ViewerId));
        var (_, toNobody) = await PostAsync(sandbox, LinearDocuments.IssueDelegate, Delegate("user-nobody"));
        var (_, toCodex) = await PostAsync(sandbox, LinearDocuments.IssueDelegate, Delegate("user-codex"));

        var agents = users["data"]!["users"]!["nodes"]!.AsArray().Where(u => u!["app"]!.GetValue<bool>()).Select(u => u!["name"]!.GetValue<string>());
        Assert.Equal(["Codex", "GitHub Copilot"], agents);
        Assert.Equal("INVALID_INPUT", toViewer["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.NotNull(toNobody["errors"]);
        Assert.Equal("user-codex", toCodex["data"]!["issueUpdate"]!["issue"]!["delegate"]!["id"]!.GetValue<string>());
        Assert.Equal("user-codex", sandbox.State.Linear.FindIssue("AGT-343")!.DelegateId);
    }

    [Fact]
    public async Task An_issue_relation_is_stored_on_its_source_issue_and_a_bad_one_is_refused_as_Linear_refuses_it()
    {
        await using var sandbox = await SandboxFixture.StartAsync(LinearScenario());
        JsonObject Input(string issue, string related, string type) =>
            new() { ["input"] = new JsonObject { ["issueId"] = issue, ["relatedIssueId"] = related, ["type"] = type } };

        var (status, body) = await PostAsync(sandbox, LinearDocuments.IssueRelationCreate, Input("AGT-343", "AGT-12", "duplicate"));

        Assert.True(status == HttpStatusCode.OK && body["errors"] is null, body.ToJsonString());
        Assert.Equal("duplicate", body["data"]!["issueRelationCreate"]!["issueRelation"]!["type"]!.GetValue<string>());
        var relation = Assert.Single(sandbox.State.Linear.FindIssue("AGT-343")!.Relations);
        Assert.Equal(("duplicate", "iss-2"), (relation.Type, relation.RelatedIssueId));
        Assert.Empty(sandbox.State.Linear.FindIssue("AGT-12")!.Relations);

        foreach (var bad in new[] { Input("AGT-343", "AGT-999", "duplicate"), Input("AGT-343", "AGT-343", "duplicate"), Input("AGT-343", "AGT-12", "twin") })
        {
            var (_, refused) = await PostAsync(sandbox, LinearDocuments.IssueRelationCreate, bad);
            Assert.NotNull(refused["errors"]);
        }
        Assert.Single(sandbox.State.Linear.FindIssue("AGT-343")!.Relations);
    }

    private static async Task<(HttpStatusCode Status, JsonNode Body)> PostAsync(SandboxHost sandbox, string query, JsonObject? variables, string? authorization = null)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, sandbox.LinearGraphQLUrl)
        {
            Content = new StringContent(new JsonObject { ["query"] = query, ["variables"] = variables }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", authorization ?? sandbox.Credentials.LinearApiKey);
        using var response = await http.SendAsync(request);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }
}
