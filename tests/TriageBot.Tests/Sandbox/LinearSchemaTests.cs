using System.Text.Json.Nodes;
using TriageBot.Tests.Support;

namespace TriageBot.Tests.Sandbox;

public class LinearSchemaTests
{
    [Fact]
    public void A_valid_issueCreate_mutation_passes()
    {
        const string document = """
            mutation CreateIssue($input: IssueCreateInput!) {
              issueCreate(input: $input) {
                success
                issue { id identifier url title state { name type } labels { nodes { id name } } }
              }
            }
            """;

        LinearSchema.AssertValid(document);
    }

    [Fact]
    public void A_misspelled_field_fails()
    {
        const string document = """
            query { issues(first: 10) { nodes { id identifer } } }
            """;

        var errors = LinearSchema.Validate(document);

        Assert.Contains(errors, e => e.Contains("identifer", StringComparison.Ordinal));
    }

    [Fact]
    public void A_wrong_argument_type_fails()
    {
        const string document = """
            query { attachmentsForURL(url: 42) { nodes { id } } }
            """;

        Assert.NotEmpty(LinearSchema.Validate(document));
    }

    [Fact]
    public void A_missing_required_input_field_fails()
    {
        const string document = """
            mutation { attachmentCreate(input: { issueId: "i", title: "t" }) { success } }
            """;

        Assert.NotEmpty(LinearSchema.Validate(document));
    }

    [Fact]
    public void Variables_are_checked_against_their_types_when_given()
    {
        const string document = """
            mutation Attach($input: AttachmentCreateInput!) { attachmentCreate(input: $input) { success attachment { id } } }
            """;

        var good = new JsonObject { ["input"] = new JsonObject { ["issueId"] = "i", ["title"] = "t", ["url"] = "https://x.com/a/status/1" } };
        var missingUrl = new JsonObject { ["input"] = new JsonObject { ["issueId"] = "i", ["title"] = "t" } };

        LinearSchema.AssertValid(document, good);
        Assert.NotEmpty(LinearSchema.Validate(document, missingUrl));
    }

    [Fact]
    public void The_schema_is_built_once_and_cached()
    {
        var first = LinearSchema.Schema;
        var loadTime = LinearSchema.LoadTime;

        Assert.Same(first, LinearSchema.Schema);
        Assert.Equal(loadTime, LinearSchema.LoadTime);
        Assert.True(loadTime > TimeSpan.Zero);
    }

    [Fact]
    public void A_syntax_error_is_reported_not_thrown()
    {
        Assert.NotEmpty(LinearSchema.Validate("query { issues { "));
    }
}
