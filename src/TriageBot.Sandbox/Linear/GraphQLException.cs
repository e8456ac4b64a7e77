namespace TriageBot.Sandbox;

/// <summary>An error Linear reports in its errors[] array, with the HTTP status it answers with.</summary>
internal sealed class GraphQLException(string message, string code, int status, string? userPresentableMessage = null)
    : Exception(message)
{
    public string Code { get; } = code;
    public int Status { get; } = status;
    public string? UserPresentableMessage { get; } = userPresentableMessage;

    /// <summary>The response key of the root field that failed (its alias when it has one), as Linear's errors[].path.</summary>
    public string? Path { get; private set; }

    public GraphQLException At(string responseKey)
    {
        Path = responseKey;
        return this;
    }

    /// <summary>The document does not fit the schema: HTTP 400, nothing executed.</summary>
    public static GraphQLException Invalid(string message) => new(message, "GRAPHQL_VALIDATION_FAILED", 400);

    /// <summary>A well-formed request that cannot be carried out (unknown id, bad input): HTTP 200 with data null.</summary>
    public static GraphQLException InvalidInput(string message, string userMessage) => new(message, "INVALID_INPUT", 200, userMessage);

    public static GraphQLException NotFound(string what) =>
        new("Entity not found: " + what, "INVALID_INPUT", 200, $"Could not find referenced {what}.");
}
