using System.Text;
using System.Text.RegularExpressions;

namespace TriageBot.Text;

/// <summary>
/// A fast first reading of a long backtracking pattern: the same pattern without its lookbehinds and with each bounded
/// repeat ("{0,40}") unbounded, on .NET's non-backtracking engine, which scans a text once where the backtracking engine
/// tries every branch at every word. It matches wherever the pattern does (a lookbehind only narrows a match, a bound
/// only shortens one), so a text it does not match cannot match the pattern, and only the texts it matches need the
/// pattern itself. The non-backtracking engine refuses a pattern whose automaton could grow past its size limit, so a
/// pattern of the form <c>\b(A|B|…)</c> is read in parts of a few branches each, a text matching when any part does.
/// </summary>
internal sealed class PatternScreen
{
    private readonly Regex[] _parts;

    /// <param name="pattern">A backtracking pattern read case-insensitively; lookbehinds may hold one level of groups.</param>
    /// <param name="parts">How many parts the top-level branches are read in (when the pattern is <c>\b(A|B|…)</c>).</param>
    public PatternScreen(string pattern, int parts)
    {
        // A bound only shortens a match, and unbounded the engine's automaton is far smaller.
        var loose = Regex.Replace(Regex.Replace(pattern, @"\(\?<=(?:[^()]|\([^()]*\))*\)", ""), @"\{0,\d+\}", "*");
        _parts = [.. Split(loose, parts).Select(p => new Regex(p, RegexOptions.IgnoreCase | RegexOptions.NonBacktracking))];
    }

    /// <summary>The patterns of the parts, for tests.</summary>
    public IReadOnlyList<string> Patterns => [.. _parts.Select(p => p.ToString())];

    public bool IsMatch(string text) => _parts.Any(p => p.IsMatch(text));

    /// <summary><c>\b(A|B|C|D)</c> as <c>\b(A|B)</c> and <c>\b(C|D)</c>, the branches shared out by length; any other pattern whole.</summary>
    private static IEnumerable<string> Split(string pattern, int parts)
    {
        if (parts < 2 || !pattern.StartsWith(@"\b(", StringComparison.Ordinal) || !pattern.EndsWith(')')
            || TopLevelBranches(pattern[3..^1]) is not { Count: > 1 } branches)
            return [pattern];
        // Each part takes branches until it holds its share of the pattern's length; the last takes what is left.
        var share = branches.Sum(b => b.Length) / parts;
        var groups = new List<List<string>> { new() };
        var length = 0;
        foreach (var branch in branches)
        {
            if (length >= share && groups.Count < parts)
            {
                groups.Add([]);
                length = 0;
            }
            groups[^1].Add(branch);
            length += branch.Length;
        }
        return groups.Select(g => @"\b(" + string.Join('|', g) + ")");
    }

    /// <summary>The branches of an alternation at depth 0, or null when its groups do not balance.</summary>
    private static List<string>? TopLevelBranches(string body)
    {
        var branches = new List<string>();
        var current = new StringBuilder();
        var depth = 0;
        var inClass = false;
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '\\' && i + 1 < body.Length)
            {
                current.Append(c).Append(body[++i]);
                continue;
            }
            if (inClass) inClass = c != ']';
            else if (c == '[') inClass = true;
            else if (c == '(') depth++;
            else if (c == ')' && --depth < 0) return null;
            else if (c == '|' && depth == 0)
            {
                branches.Add(current.ToString());
                current.Clear();
                continue;
            }
            current.Append(c);
        }
        branches.Add(current.ToString());
        return depth == 0 ? branches : null;
    }
}
