using System.Text;

namespace TriageBot.Evaluation;

public sealed record LabelledText(string Id, string Text, string Label);

/// <summary>Reads <c>id,text,label</c> CSV files (RFC 4180: quoted fields, doubled quotes, CRLF or LF, newlines inside quotes).</summary>
public static class LabelledCsv
{
    public static IReadOnlyList<LabelledText> Read(string path) => Parse(File.ReadAllText(path));

    public static IReadOnlyList<LabelledText> Parse(string csv)
    {
        var rows = ParseRows(csv);
        if (rows.Count == 0) return [];
        var header = rows[0].Select(h => h.Trim().ToLowerInvariant()).ToList();
        int Col(string name) => header.IndexOf(name) is var i and >= 0 ? i
            : throw new FormatException($"CSV header must contain '{name}' (found: {string.Join(",", header)})");
        int id = Col("id"), text = Col("text"), label = Col("label");
        var result = new List<LabelledText>(rows.Count - 1);
        for (var r = 1; r < rows.Count; r++)
        {
            var row = rows[r];
            if (row.Count == 1 && row[0].Length == 0) continue;
            if (row.Count < header.Count) throw new FormatException($"CSV row {r + 1} has {row.Count} fields, expected {header.Count}");
            result.Add(new LabelledText(row[id], row[text], row[label]));
        }
        return result;
    }

    private static List<List<string>> ParseRows(string csv)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var i = 0;
        if (csv.Length > 0 && csv[0] == '\uFEFF') i = 1;
        for (; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < csv.Length && csv[i + 1] == '"') { field.Append('"'); i++; }
                else quoted = false;
                continue;
            }
            switch (c)
            {
                case '"': quoted = true; break;
                case ',': row.Add(field.ToString()); field.Clear(); break;
                case '\r' when i + 1 < csv.Length && csv[i + 1] == '\n': break;
                case '\r' or '\n':
                    row.Add(field.ToString()); field.Clear();
                    rows.Add(row); row = [];
                    break;
                default: field.Append(c); break;
            }
        }
        if (quoted) throw new FormatException("CSV ends inside a quoted field");
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add(row); }
        return rows;
    }
}
