using System.Globalization;
using System.Text.Json.Nodes;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace TriageBot.Sandbox;

/// <summary>
/// A small GraphQL executor: parses the document with GraphQL-Parser, picks the operation, substitutes
/// variables, resolves the root fields against <see cref="GraphNode"/> trees and projects each answer onto its
/// selection set (aliases, named and inline fragments, @skip/@include, __typename, nested selections).
/// </summary>
internal sealed class GraphQLExecutor
{
    private readonly Dictionary<string, GraphQLFragmentDefinition> _fragments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, object?> _variables = new(StringComparer.Ordinal);

    private GraphQLExecutor()
    {
    }

    /// <summary>The parsed operation's name (for the request log), or its first root field.</summary>
    public string OperationLabel { get; private set; } = "";

    /// <summary>Errors of single root fields (unknown id, bad input); their fields answer null, the others still resolve.</summary>
    public List<GraphQLException> FieldErrors { get; } = [];

    /// <summary>
    /// Runs <paramref name="query"/>. Throws <see cref="GraphQLException"/> for errors that void the whole answer
    /// (syntax, validation); returns data null when every root field failed.
    /// </summary>
    public static (JsonObject? Data, IReadOnlyList<GraphQLException> Errors, string Label) Execute(
        string query, JsonObject? variables, string? operationName, GraphNode queryRoot, GraphNode mutationRoot)
    {
        var executor = new GraphQLExecutor();
        var data = executor.Run(query, variables, operationName, queryRoot, mutationRoot);
        return (data, executor.FieldErrors, executor.OperationLabel);
    }

    private JsonObject? Run(string query, JsonObject? variables, string? operationName, GraphNode queryRoot, GraphNode mutationRoot)
    {
        GraphQLDocument document;
        try
        {
            document = GraphQLParser.Parser.Parse(query);
        }
        catch (GraphQLSyntaxErrorException ex)
        {
            throw new GraphQLException("Syntax Error: " + ex.Description, "GRAPHQL_PARSE_FAILED", 400);
        }

        foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>())
        {
            _fragments[(string)fragment.FragmentName.Name] = fragment;
        }

        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var operation = operationName is { Length: > 0 }
            ? operations.Find(o => o.Name is { } n && (string)n == operationName)
              ?? throw GraphQLException.Invalid($"Unknown operation named \"{operationName}\".")
            : operations.Count == 1
                ? operations[0]
                : throw GraphQLException.Invalid("Must provide operation name if query contains multiple operations.");

        BindVariables(operation, variables);
        var root = operation.Operation switch
        {
            OperationType.Query => queryRoot,
            OperationType.Mutation => mutationRoot,
            _ => throw GraphQLException.Invalid("Subscriptions are not served over HTTP."),
        };
        var fields = Collect(root, [operation.SelectionSet]);
        OperationLabel = operation.Name is { } name ? (string)name.Value : string.Join(",", fields.Values.Select(f => (string)f[0].Name.Value));

        if (operation.Operation == OperationType.Mutation)
        {
            // Check every payload selection against a sample first, so an invalid document writes nothing.
            foreach (var (_, group) in fields)
            {
                var fieldName = (string)group[0].Name.Value;
                if (root.Has(fieldName) && root.PrototypeOf(fieldName) is { } prototype)
                {
                    Project(prototype(), group, root.TypeName);
                }
            }
        }

        var data = new JsonObject();
        foreach (var (key, group) in fields)
        {
            try
            {
                data[key] = ResolveField(root, group);
            }
            catch (GraphQLException ex) when (ex.Status == 200)
            {
                FieldErrors.Add(ex.At(key));
                data[key] = null;
            }
        }

        return FieldErrors.Count == fields.Count && fields.Count > 0 ? null : data;
    }

    private void BindVariables(GraphQLOperationDefinition operation, JsonObject? variables)
    {
        foreach (var definition in operation.Variables?.Items ?? [])
        {
            var name = (string)definition.Variable.Name.Value;
            if (variables is not null && variables.TryGetPropertyValue(name, out var supplied))
            {
                _variables[name] = FromJson(supplied);
            }
            else if (definition.DefaultValue is { } fallback)
            {
                _variables[name] = Evaluate(fallback);
            }
            else if (definition.Type is GraphQLNonNullType)
            {
                throw GraphQLException.Invalid($"Variable \"${name}\" of required type \"{Describe(definition.Type)}\" was not provided.");
            }
        }
    }

    private JsonNode? ResolveField(GraphNode node, List<GraphQLField> group)
    {
        var field = group[0];
        var name = (string)field.Name.Value;
        if (name == "__typename")
        {
            return JsonValue.Create(node.TypeName);
        }

        if (!node.Has(name))
        {
            throw GraphQLException.Invalid($"Cannot query field \"{name}\" on type \"{node.TypeName}\".");
        }

        var value = node.Resolve(name, Arguments(field));
        return Project(value, group, node.TypeName);
    }

    private JsonNode? Project(object? value, List<GraphQLField> group, string parentType)
    {
        var field = group[0];
        var selections = group.Where(f => f.SelectionSet is not null).Select(f => f.SelectionSet!).ToList();
        switch (value)
        {
            case null:
                return null;
            case GraphNode child:
                if (selections.Count == 0)
                {
                    throw GraphQLException.Invalid(
                        $"Field \"{(string)field.Name.Value}\" of type \"{child.TypeName}\" must have a selection of subfields.");
                }

                var result = new JsonObject();
                foreach (var (key, childGroup) in Collect(child, selections))
                {
                    result[key] = ResolveField(child, childGroup);
                }

                return result;
            case string or bool or int or long or double or DateTimeOffset or DateOnly or JsonNode when selections.Count > 0:
                throw GraphQLException.Invalid(
                    $"Field \"{(string)field.Name.Value}\" on type \"{parentType}\" is a scalar and must not have a selection of subfields.");
            case string s:
                return JsonValue.Create(s);
            case bool b:
                return JsonValue.Create(b);
            case int i:
                return JsonValue.Create(i);
            case long l:
                return JsonValue.Create(l);
            case double d:
                return JsonValue.Create(d);
            case DateTimeOffset t:
                return JsonValue.Create(t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            case DateOnly day:
                return JsonValue.Create(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            case JsonNode json:
                return json.DeepClone();
            case System.Collections.IEnumerable items:
                var array = new JsonArray();
                foreach (var item in items)
                {
                    array.Add(Project(item, group, parentType));
                }

                return array;
            default:
                return JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The fields a selection set asks of <paramref name="node"/>, grouped by response key, fragments expanded.</summary>
    private Dictionary<string, List<GraphQLField>> Collect(GraphNode node, List<GraphQLSelectionSet> selectionSets)
    {
        var fields = new Dictionary<string, List<GraphQLField>>(StringComparer.Ordinal);
        foreach (var set in selectionSets)
        {
            CollectInto(node, set, fields, []);
        }

        return fields;
    }

    private void CollectInto(GraphNode node, GraphQLSelectionSet set, Dictionary<string, List<GraphQLField>> fields, HashSet<string> visited)
    {
        foreach (var selection in set.Selections)
        {
            if (selection is IHasDirectivesNode directed && !Included(directed))
            {
                continue;
            }

            switch (selection)
            {
                case GraphQLField field:
                    var key = (string)(field.Alias?.Name ?? field.Name).Value;
                    if (!fields.TryGetValue(key, out var group))
                    {
                        fields[key] = group = [];
                    }

                    group.Add(field);
                    break;
                case GraphQLFragmentSpread spread:
                    var fragmentName = (string)spread.FragmentName.Name.Value;
                    if (!_fragments.TryGetValue(fragmentName, out var fragment))
                    {
                        throw GraphQLException.Invalid($"Unknown fragment \"{fragmentName}\".");
                    }

                    if (visited.Add(fragmentName) && Applies(node, fragment.TypeCondition))
                    {
                        CollectInto(node, fragment.SelectionSet, fields, visited);
                    }

                    break;
                case GraphQLInlineFragment inline:
                    if (Applies(node, inline.TypeCondition))
                    {
                        CollectInto(node, inline.SelectionSet, fields, visited);
                    }

                    break;
            }
        }
    }

    private static bool Applies(GraphNode node, GraphQLTypeCondition? condition)
    {
        if (condition is null)
        {
            return true;
        }

        var type = (string)condition.Type.Name.Value;
        return type == node.TypeName || node.Interfaces.Contains(type);
    }

    private bool Included(IHasDirectivesNode node)
    {
        foreach (var directive in node.Directives?.Items ?? [])
        {
            var name = (string)directive.Name.Value;
            if (name is not ("skip" or "include"))
            {
                continue;
            }

            var condition = directive.Arguments?.Items.FirstOrDefault(a => (string)a.Name.Value == "if") is { } arg
                && Evaluate(arg.Value) is true;
            if ((name == "skip" && condition) || (name == "include" && !condition))
            {
                return false;
            }
        }

        return true;
    }

    private FieldArguments Arguments(GraphQLField field)
    {
        if (field.Arguments is null)
        {
            return FieldArguments.None;
        }

        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var argument in field.Arguments.Items)
        {
            if (argument.Value is GraphQLVariable v && !_variables.ContainsKey((string)v.Name.Value))
            {
                continue; // an unset optional variable means the argument was not given
            }

            values[(string)argument.Name.Value] = Evaluate(argument.Value);
        }

        return new FieldArguments(values);
    }

    private object? Evaluate(GraphQLValue value) => value switch
    {
        GraphQLVariable v => _variables.GetValueOrDefault((string)v.Name.Value),
        GraphQLNullValue => null,
        GraphQLBooleanValue b => b.BoolValue,
        GraphQLIntValue i => long.Parse((string)i.Value, CultureInfo.InvariantCulture),
        GraphQLFloatValue f => double.Parse((string)f.Value, CultureInfo.InvariantCulture),
        GraphQLStringValue s => (string)s.Value,
        GraphQLEnumValue e => (string)e.Name.Value,
        GraphQLListValue list => (list.Values ?? []).Select(Evaluate).ToList(),
        GraphQLObjectValue obj => (obj.Fields ?? []).ToDictionary(f => (string)f.Name.Value, f => Evaluate(f.Value), StringComparer.Ordinal),
        _ => throw GraphQLException.Invalid("Unsupported value " + value.Kind),
    };

    private static object? FromJson(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => o.ToDictionary(p => p.Key, p => FromJson(p.Value), StringComparer.Ordinal),
        JsonArray a => a.Select(FromJson).ToList(),
        JsonValue v when v.TryGetValue(out bool b) => b,
        JsonValue v when v.TryGetValue(out long l) => l,
        JsonValue v when v.TryGetValue(out double d) => d,
        _ => node.GetValue<string>(),
    };

    private static string Describe(GraphQLType type) => type switch
    {
        GraphQLNonNullType n => Describe(n.Type) + "!",
        GraphQLListType l => "[" + Describe(l.Type) + "]",
        GraphQLNamedType named => (string)named.Name.Value,
        _ => type.Kind.ToString(),
    };
}
