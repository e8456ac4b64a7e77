namespace TriageBot.Sandbox;

/// <summary>
/// The subset of X's search query language the sandbox understands: terms (AND by juxtaposition),
/// OR (lower precedence than AND, as on X), parentheses, "quoted phrases", -negation, @mention, #tag,
/// from:, lang:, is:retweet, is:reply, is:quote, has:links. Case-insensitive.
/// </summary>
internal abstract record XQuery
{
    public abstract bool Matches(XPostState post, ScenarioXUser? author);

    public static XQuery Parse(string query)
    {
        var parser = new Parser(Tokenize(query));
        var result = parser.ParseOr();
        if (!parser.AtEnd) throw new FormatException("unbalanced parentheses");
        return result;
    }

    private sealed record And(List<XQuery> Parts) : XQuery
    {
        public override bool Matches(XPostState p, ScenarioXUser? a) => Parts.TrueForAll(q => q.Matches(p, a));
    }

    private sealed record Or(List<XQuery> Parts) : XQuery
    {
        public override bool Matches(XPostState p, ScenarioXUser? a) => Parts.Exists(q => q.Matches(p, a));
    }

    private sealed record Not(XQuery Inner) : XQuery
    {
        public override bool Matches(XPostState p, ScenarioXUser? a) => !Inner.Matches(p, a);
    }

    private sealed record Term(string Word) : XQuery
    {
        public override bool Matches(XPostState p, ScenarioXUser? a) =>
            Word.All(IsWordChar) ? p.Words.Contains(Word) : p.Post.Text.Contains(Word, StringComparison.OrdinalIgnoreCase);
    }

    private sealed record Phrase(string Text) : XQuery
    {
        public override bool Matches(XPostState p, ScenarioXUser? a) => p.Post.Text.Contains(Text, StringComparison.OrdinalIgnoreCase);
    }

    private sealed record Operator(string Name, string Value) : XQuery
    {
        public override bool Matches(XPostState p, ScenarioXUser? a) => Name switch
        {
            "from" => a is not null && (a.Username.Equals(Value.TrimStart('@'), StringComparison.OrdinalIgnoreCase) || a.Id == Value),
            "lang" => string.Equals(p.Post.Lang, Value, StringComparison.OrdinalIgnoreCase),
            "is" when Value == "retweet" => p.IsRepost,
            "is" when Value == "reply" => p.Post.ConversationId is { } c && c != p.Post.Id,
            "is" when Value == "quote" => p.Post.ReferencedTweets?.Exists(r => r.Type == "quoted") ?? false,
            "has" when Value == "links" => p.Post.Text.Contains("http", StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
    }

    public static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '@' or '#' or '\'';

    private static readonly HashSet<string> KnownOperators = ["from", "lang", "is", "has"];

    private static List<string> Tokenize(string query)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < query.Length)
        {
            var c = query[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (c is '(' or ')') { tokens.Add(c.ToString()); i++; continue; }
            var start = i;
            if (c == '-') i++;
            if (i < query.Length && query[i] == '"')
            {
                var close = query.IndexOf('"', i + 1);
                if (close < 0) throw new FormatException("unterminated quoted phrase");
                i = close + 1;
            }
            else
            {
                while (i < query.Length && !char.IsWhiteSpace(query[i]) && query[i] is not ('(' or ')')) i++;
            }
            tokens.Add(query[start..i]);
        }
        return tokens;
    }

    private sealed class Parser(List<string> tokens)
    {
        private int _at;
        public bool AtEnd => _at >= tokens.Count;

        public XQuery ParseOr()
        {
            var parts = new List<XQuery> { ParseAnd() };
            while (!AtEnd && tokens[_at] == "OR")
            {
                _at++;
                parts.Add(ParseAnd());
            }
            return parts.Count == 1 ? parts[0] : new Or(parts);
        }

        private XQuery ParseAnd()
        {
            var parts = new List<XQuery>();
            while (!AtEnd && tokens[_at] is not ("OR" or ")")) parts.Add(ParseUnary());
            if (parts.Count == 0) throw new FormatException("empty clause");
            return parts.Count == 1 ? parts[0] : new And(parts);
        }

        private XQuery ParseUnary()
        {
            var token = tokens[_at++];
            if (token == "(")
            {
                var inner = ParseOr();
                if (AtEnd || tokens[_at] != ")") throw new FormatException("unbalanced parentheses");
                _at++;
                return inner;
            }
            if (token.StartsWith('-') && token.Length > 1)
            {
                if (token == "-(") throw new FormatException("negated group not supported");
                return new Not(Atom(token[1..]));
            }
            return Atom(token);
        }

        private static XQuery Atom(string token)
        {
            if (token.Length >= 2 && token[0] == '"' && token[^1] == '"') return new Phrase(token[1..^1]);
            var colon = token.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && !token.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            {
                var name = token[..colon].ToLowerInvariant();
                if (!KnownOperators.Contains(name)) throw new FormatException($"unknown operator {name}:");
                return new Operator(name, token[(colon + 1)..].ToLowerInvariant() is var v && name == "from" ? token[(colon + 1)..] : v);
            }
            return new Term(token.ToLowerInvariant());
        }
    }
}
