using System.Globalization;

namespace TriageBot.Sandbox;

/// <summary>
/// A field's arguments after variables are substituted, as plain values: string, long, double, bool, null,
/// <see cref="List{T}"/> of values and <see cref="Dictionary{TKey,TValue}"/> for input objects (enum values are strings).
/// </summary>
internal sealed class FieldArguments(IReadOnlyDictionary<string, object?> values)
{
    public static readonly FieldArguments None = new(new Dictionary<string, object?>());

    public IReadOnlyDictionary<string, object?> Values { get; } = values;

    public object? this[string name] => Values.GetValueOrDefault(name);

    public string? String(string name) => Values.GetValueOrDefault(name) switch
    {
        null => null,
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString(),
    };

    public string RequiredString(string name) =>
        String(name) ?? throw GraphQLException.Invalid($"Argument \"{name}\" of type \"String!\" is required, but it was not provided.");

    public int? Int(string name) => Values.GetValueOrDefault(name) switch
    {
        long l => (int)l,
        int i => i,
        double d => (int)d,
        string s when int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) => i,
        _ => null,
    };

    public bool? Bool(string name) => Values.GetValueOrDefault(name) as bool?;

    public FieldArguments? Object(string name) =>
        Values.GetValueOrDefault(name) is Dictionary<string, object?> d ? new FieldArguments(d) : null;

    public FieldArguments RequiredObject(string name) =>
        Object(name) ?? throw GraphQLException.Invalid($"Argument \"{name}\" is required, but it was not provided.");

    public List<string>? Strings(string name) => Values.GetValueOrDefault(name) switch
    {
        List<object?> list => list.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "").ToList(),
        string s => [s],
        _ => null,
    };

    public bool Has(string name) => Values.ContainsKey(name);
}
