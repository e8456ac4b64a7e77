namespace TriageBot.Sandbox;

/// <summary>Relay connections as Linear serves them: first/after, last/before, nodes, edges, pageInfo; 50 by default.</summary>
internal static class LinearConnection
{
    public const int DefaultPageSize = 50;

    public static GraphNode Of<T>(string typeName, IEnumerable<T> items, FieldArguments args, Func<T, string> idOf, Func<T, GraphNode> nodeOf)
    {
        var all = items.ToList();
        var start = 0;
        var end = all.Count;
        if (args.String("after") is { } after)
        {
            var index = all.FindIndex(i => idOf(i) == after);
            start = index < 0 ? all.Count : index + 1;
        }

        if (args.String("before") is { } before)
        {
            var index = all.FindIndex(i => idOf(i) == before);
            end = index < 0 ? end : index;
        }

        var first = args.Int("first");
        var last = args.Int("last");
        if (first is < 0 || last is < 0)
        {
            throw GraphQLException.InvalidInput("first and last must be positive", "Invalid pagination argument.");
        }

        if (first is null && last is null)
        {
            first = DefaultPageSize;
        }

        var hasNext = false;
        var hasPrevious = start > 0;
        if (first is { } f && end - start > f)
        {
            end = start + f;
            hasNext = true;
        }

        if (last is { } l && end - start > l)
        {
            start = end - l;
            hasPrevious = true;
        }

        hasNext |= end < all.Count && args.String("before") is not null;
        var page = all.GetRange(start, Math.Max(0, end - start));
        var pageInfo = new GraphNode("PageInfo")
            .Field("hasNextPage", hasNext)
            .Field("hasPreviousPage", hasPrevious)
            .Field("startCursor", page.Count > 0 ? idOf(page[0]) : null)
            .Field("endCursor", page.Count > 0 ? idOf(page[^1]) : null);
        var edgeType = typeName.EndsWith("Connection", StringComparison.Ordinal) ? typeName[..^"Connection".Length] + "Edge" : typeName + "Edge";
        return new GraphNode(typeName)
            .Field("nodes", _ => page.Select(nodeOf).ToList())
            .Field("edges", _ => page.Select(i => new GraphNode(edgeType).Field("cursor", idOf(i)).Field("node", _ => nodeOf(i))).ToList())
            .Field("pageInfo", pageInfo);
    }
}
