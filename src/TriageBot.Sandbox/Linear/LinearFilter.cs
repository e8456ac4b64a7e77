using System.Globalization;

namespace TriageBot.Sandbox;

/// <summary>
/// Linear's filter objects (IssueFilter, IssueLabelFilter, TeamFilter...) evaluated against a view of an entity:
/// comparators (eq, neq, in, nin, null, contains, containsIgnoreCase, startsWith, endsWith, eqIgnoreCase, gt/gte/lt/lte),
/// nested entity filters, collection filters (some/every or a bare nested filter meaning some), and/or.
/// A view answers a field name with a value, a string[] of alternatives, a nested view, a list of views, or
/// <see cref="Unknown"/> (a field the sandbox does not model, which then does not restrict).
/// </summary>
internal static class LinearFilter
{
    public static readonly object Unknown = new();

    public static bool Matches(FieldArguments? filter, Func<string, object?> view)
    {
        if (filter is null)
        {
            return true;
        }

        foreach (var (key, condition) in filter.Values)
        {
            var ok = key switch
            {
                "and" => AsFilters(condition).All(f => Matches(f, view)),
                "or" => AsFilters(condition).Any(f => Matches(f, view)),
                _ => FieldMatches(view(key), condition as Dictionary<string, object?>),
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<FieldArguments> AsFilters(object? value) =>
        value is List<object?> list ? list.OfType<Dictionary<string, object?>>().Select(d => new FieldArguments(d)) : [];

    private static bool FieldMatches(object? value, Dictionary<string, object?>? condition)
    {
        if (condition is null || ReferenceEquals(value, Unknown))
        {
            return true;
        }

        switch (value)
        {
            case Func<string, object?> nested:
                return condition.ContainsKey("null")
                    ? condition["null"] is not true
                    : Matches(new FieldArguments(condition), nested);
            case IEnumerable<Func<string, object?>> collection:
                var views = collection.ToList();
                var c = new FieldArguments(condition);
                if (c.Object("some") is { } some)
                {
                    return views.Exists(v => Matches(some, v));
                }

                if (c.Object("every") is { } every)
                {
                    return views.TrueForAll(v => Matches(every, v));
                }

                if (c.Object("none") is { } none)
                {
                    return !views.Exists(v => Matches(none, v));
                }

                return views.Exists(v => Matches(c, v));
        }

        var alternatives = value is string[] many ? many.Select(m => (string?)m).ToList() : [Text(value)];
        return condition.All(comparator => alternatives.Any(v => Compare(v, comparator.Key, comparator.Value)));
    }

    private static bool Compare(string? actual, string op, object? expected)
    {
        var text = expected is null ? null : Text(expected);
        return op switch
        {
            "eq" => actual == text,
            "neq" => actual != text,
            "in" => expected is List<object?> list && list.Select(Text).Contains(actual),
            "nin" => expected is not List<object?> list2 || !list2.Select(Text).Contains(actual),
            "null" => (actual is null) == (expected is true),
            "eqIgnoreCase" => string.Equals(actual, text, StringComparison.OrdinalIgnoreCase),
            "neqIgnoreCase" => !string.Equals(actual, text, StringComparison.OrdinalIgnoreCase),
            "contains" => actual is not null && text is not null && actual.Contains(text, StringComparison.Ordinal),
            "containsIgnoreCase" => actual is not null && text is not null && actual.Contains(text, StringComparison.OrdinalIgnoreCase),
            "notContains" => actual is null || text is null || !actual.Contains(text, StringComparison.Ordinal),
            "notContainsIgnoreCase" => actual is null || text is null || !actual.Contains(text, StringComparison.OrdinalIgnoreCase),
            "startsWith" => actual is not null && text is not null && actual.StartsWith(text, StringComparison.Ordinal),
            "endsWith" => actual is not null && text is not null && actual.EndsWith(text, StringComparison.Ordinal),
            "gt" => Order(actual, text) > 0,
            "gte" => Order(actual, text) >= 0,
            "lt" => Order(actual, text) < 0,
            "lte" => Order(actual, text) <= 0,
            _ => true,
        };
    }

    private static int Order(string? actual, string? expected)
    {
        if (actual is null || expected is null)
        {
            return int.MinValue;
        }

        if (double.TryParse(actual, NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
            && double.TryParse(expected, NumberStyles.Float, CultureInfo.InvariantCulture, out var b))
        {
            return a.CompareTo(b);
        }

        return string.CompareOrdinal(actual, expected);
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
