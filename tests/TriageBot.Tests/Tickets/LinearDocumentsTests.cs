using TriageBot.Clients.Linear;
using TriageBot.Tests.Support;

namespace TriageBot.Tests.Tickets;

public sealed class LinearDocumentsTests
{
    public static TheoryData<string> Names() => [.. LinearDocuments.All.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_document_is_valid_against_Linears_schema(string name) =>
        LinearSchema.AssertValid(LinearDocuments.All[name]);

    [Fact]
    public void All_lists_every_public_document_constant()
    {
        var constants = typeof(LinearDocuments).GetFields()
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => f.Name).Order().ToList();
        Assert.Equal(constants, LinearDocuments.All.Keys.Order().ToList());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(LinearDocuments.MaxBatch)]
    public void Batched_documents_are_valid_against_Linears_schema(int count)
    {
        LinearSchema.AssertValid(LinearDocuments.AttachmentsForUrls(count));
        LinearSchema.AssertValid(LinearDocuments.AttachmentCreates(count));
    }

    [Fact]
    public void A_batch_larger_than_the_complexity_budget_allows_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LinearDocuments.AttachmentsForUrls(LinearDocuments.MaxBatch + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => LinearDocuments.AttachmentCreates(0));
    }

    [Fact]
    public void A_misspelt_field_is_caught() =>
        Assert.NotEmpty(LinearSchema.Validate(LinearDocuments.Teams.Replace("key", "kee", StringComparison.Ordinal)));
}
