namespace TriageBot.Sandbox;

/// <summary>
/// One object in the sandbox's GraphQL answer: a type name and the fields that type has, each resolved on demand
/// (so a connection field can look at its own first/after/filter arguments). Asking for a field the type does
/// not have is a validation error, as against the real schema.
/// </summary>
internal sealed class GraphNode(string typeName)
{
    private readonly Dictionary<string, Func<FieldArguments, object?>> _fields = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<object?>> _prototypes = new(StringComparer.Ordinal);

    public string TypeName { get; } = typeName;

    /// <summary>Interfaces the type implements, so fragments on them apply (e.g. "Node").</summary>
    public HashSet<string> Interfaces { get; } = new(StringComparer.Ordinal) { "Node" };

    public GraphNode Field(string name, object? value)
    {
        _fields[name] = _ => value;
        return this;
    }

    public GraphNode Field(string name, Func<FieldArguments, object?> resolve)
    {
        _fields[name] = resolve;
        return this;
    }

    /// <summary>
    /// A mutation root field with a sample of its payload, so the selection set can be checked before the
    /// mutation runs (Linear rejects an invalid document without writing anything).
    /// </summary>
    public GraphNode Mutation(string name, Func<FieldArguments, object?> resolve, Func<object?> prototype)
    {
        _fields[name] = resolve;
        _prototypes[name] = prototype;
        return this;
    }

    public bool Has(string name) => _fields.ContainsKey(name);

    public object? Resolve(string name, FieldArguments arguments) => _fields[name](arguments);

    public Func<object?>? PrototypeOf(string name) => _prototypes.GetValueOrDefault(name);
}
