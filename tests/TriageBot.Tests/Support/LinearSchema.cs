using System.Diagnostics;
using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace TriageBot.Tests.Support;

/// <summary>
/// Linear's public schema (../shared/schema/linear.graphql), built once per test process, used to validate
/// every GraphQL document TriageBot sends so that a misspelled field fails in CI instead of in production.
/// </summary>
public static class LinearSchema
{
    private static readonly Lazy<ISchema> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>How long building the schema from SDL took (measured once, on first use).</summary>
    public static TimeSpan LoadTime { get; private set; }

    /// <summary>The built schema (for tests that want to inspect types).</summary>
    public static ISchema Schema => Loaded.Value;

    /// <summary>
    /// Validation errors for <paramref name="document"/> against Linear's schema; empty when valid.
    /// A document with several operations is validated operation by operation. When
    /// <paramref name="variables"/> is given, the variable values are checked against their declared
    /// types too (a missing required input field, a wrong enum value); without it they are not.
    /// </summary>
    public static IReadOnlyList<string> Validate(string document, JsonObject? variables = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        GraphQLDocument parsed;
        try
        {
            parsed = GraphQLParser.Parser.Parse(document);
        }
        catch (GraphQLSyntaxErrorException ex)
        {
            return [ex.Message];
        }

        var operations = parsed.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        if (operations.Count == 0)
        {
            return ["The document has no operation."];
        }

        var errors = new List<string>();
        var validator = new DocumentValidator();
        foreach (var operation in operations)
        {
            var result = validator.ValidateAsync(new ValidationOptions
            {
                Schema = Schema,
                Document = parsed,
                Operation = operation,
                Rules = DocumentValidator.CoreRules,
                Variables = variables is null ? Inputs.Empty : ToInputs(variables),
            }).GetAwaiter().GetResult();
            errors.AddRange(result.Errors
                .Where(e => variables is not null || e is not InvalidVariableError)
                .Select(e => e.Message));
        }

        return errors.Distinct().ToList();
    }

    /// <summary>Throws with every error when <paramref name="document"/> is not valid against Linear's schema.</summary>
    public static void AssertValid(string document, JsonObject? variables = null)
    {
        var errors = Validate(document, variables);
        if (errors.Count > 0)
        {
            throw new Xunit.Sdk.XunitException(
                "GraphQL document is not valid against Linear's schema:\n  " + string.Join("\n  ", errors) + "\n---\n" + document);
        }
    }

    private static Inputs ToInputs(JsonObject variables) =>
        new(variables.ToDictionary(p => p.Key, p => ToPlain(p.Value)));

    private static object? ToPlain(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => o.ToDictionary(p => p.Key, p => ToPlain(p.Value)),
        JsonArray a => a.Select(ToPlain).ToList(),
        JsonValue v when v.TryGetValue(out bool b) => b,
        JsonValue v when v.TryGetValue(out long l) => l is >= int.MinValue and <= int.MaxValue ? (int)l : l,
        JsonValue v when v.TryGetValue(out double d) => d,
        _ => node.GetValue<string>(),
    };

    private static ISchema Load()
    {
        var stopwatch = Stopwatch.StartNew();
        var sdl = WithoutSubscriptions(File.ReadAllText(SchemaPath()));
        var schema = GraphQL.Types.Schema.For(sdl, builder =>
        {
            // Nothing is ever executed against this schema, but GraphQL.NET insists that abstract types can resolve.
            foreach (var name in Declared(sdl, "union ").Concat(Declared(sdl, "interface ")))
            {
                builder.Types.For(name).ResolveType = _ => null!;
            }
        });
        foreach (var name in Declared(sdl, "scalar "))
        {
            // Linear's custom scalars: validation only needs them to exist and accept any literal.
            schema.RegisterType(new PassThroughScalar(name));
        }

        schema.Initialize();
        LoadTime = stopwatch.Elapsed;
        return schema;
    }

    // TriageBot never subscribes, and GraphQL.NET refuses subscription fields without stream resolvers.
    private static string WithoutSubscriptions(string sdl)
    {
        sdl = sdl.Replace("  subscription: Subscription\n", string.Empty, StringComparison.Ordinal);
        var start = sdl.IndexOf("\ntype Subscription {", StringComparison.Ordinal);
        if (start < 0)
        {
            return sdl;
        }

        var end = sdl.IndexOf("\n}", start, StringComparison.Ordinal);
        return sdl.Remove(start, end + 2 - start);
    }

    private static IEnumerable<string> Declared(string sdl, string keyword) =>
        sdl.Split('\n')
            .Where(line => line.StartsWith(keyword, StringComparison.Ordinal))
            .Select(line => line[keyword.Length..].Split(' ', '{', '=')[0].Trim())
            .Where(name => name.Length > 0)
            .Distinct();

    private static string SchemaPath()
    {
        // ../shared beside the repository root; a git worktree may sit one level deeper, so keep walking up.
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TriageBot.sln")))
        {
            dir = dir.Parent;
        }

        for (var up = dir?.Parent; up is not null; up = up.Parent)
        {
            var candidate = Path.Combine(up.FullName, "shared", "schema", "linear.graphql");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("shared/schema/linear.graphql not found beside the repository above " + AppContext.BaseDirectory);
    }

    private sealed class PassThroughScalar : ScalarGraphType
    {
        public PassThroughScalar(string name) => Name = name;

        public override object? ParseLiteral(GraphQLValue value) => value;

        public override object? ParseValue(object? value) => value;

        public override bool CanParseLiteral(GraphQLValue value) => true;

        public override bool CanParseValue(object? value) => true;
    }
}
