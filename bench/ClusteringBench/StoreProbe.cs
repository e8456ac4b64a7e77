using System.Diagnostics;
using Microsoft.Data.Sqlite;

/// <summary>store-probe DB: the embedding store's read query plan and time, as the store runs it and as a forced index lookup.</summary>
internal static class StoreProbe
{
    public static void Run(string db)
    {
        using var c = new SqliteConnection($"Data Source={db};Mode=ReadOnly");
        c.Open();
        var hashes = new List<string>();
        string model;
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "SELECT model, content_hash FROM embeddings";
            using var r = cmd.ExecuteReader();
            model = "";
            while (r.Read()) { model = r.GetString(0); hashes.Add(r.GetString(1)); }
        }
        foreach (var sql in new[]
        {
            "SELECT content_hash, vector FROM embeddings WHERE model = $model AND content_hash IN (SELECT value FROM json_each($hashes))",
            "SELECT e.content_hash, e.vector FROM json_each($hashes) AS j CROSS JOIN embeddings AS e ON e.model = $model AND e.content_hash = j.value",
            "SELECT content_hash, length(vector) FROM embeddings WHERE model = $model AND content_hash IN (SELECT value FROM json_each($hashes))",
            "SELECT content_hash, vector FROM embeddings WHERE model = $model",
        })
        {
            using (var plan = c.CreateCommand())
            {
                plan.CommandText = "EXPLAIN QUERY PLAN " + sql;
                plan.Parameters.AddWithValue("$model", model);
                plan.Parameters.AddWithValue("$hashes", "[]");
                using var r = plan.ExecuteReader();
                while (r.Read()) Console.WriteLine("  plan: " + r.GetString(3));
            }
            var sw = Stopwatch.StartNew();
            var n = 0;
            foreach (var chunk in sql.Contains("json_each") ? hashes.Chunk(5000) : [hashes.ToArray()])
            {
                using var cmd = c.CreateCommand();
                cmd.CommandText = sql;
                cmd.Parameters.AddWithValue("$model", model);
                cmd.Parameters.AddWithValue("$hashes", System.Text.Json.JsonSerializer.Serialize(chunk));
                using var r = cmd.ExecuteReader();
                while (r.Read()) { _ = r.GetString(0); _ = r.GetValue(1); n++; }
            }
            Console.WriteLine($"{n} rows in {sw.Elapsed.TotalSeconds:F2} s: {sql}");
        }
        foreach (var size in new[] { 100, 500 })
        {
            var sw = Stopwatch.StartNew();
            var n = 0;
            foreach (var chunk in hashes.Chunk(size))
            {
                using var cmd = c.CreateCommand();
                cmd.CommandText = "SELECT content_hash, vector FROM embeddings WHERE model = $model AND content_hash IN (SELECT value FROM json_each($hashes))";
                cmd.Parameters.AddWithValue("$model", model);
                cmd.Parameters.AddWithValue("$hashes", System.Text.Json.JsonSerializer.Serialize(chunk));
                using var r = cmd.ExecuteReader();
                while (r.Read()) { _ = r.GetString(0); _ = r.GetValue(1); n++; }
            }
            Console.WriteLine($"{n} rows in {sw.Elapsed.TotalSeconds:F2} s: json_each chunks of {size}");
        }
        {
            var sw = Stopwatch.StartNew();
            var n = 0;
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT vector FROM embeddings WHERE model = $model AND content_hash = $hash";
            cmd.Parameters.AddWithValue("$model", model);
            var h = cmd.Parameters.Add("$hash", SqliteType.Text);
            cmd.Prepare();
            foreach (var hash in hashes)
            {
                h.Value = hash;
                using var r = cmd.ExecuteReader();
                if (r.Read()) { _ = r.GetValue(0); n++; }
            }
            Console.WriteLine($"{n} rows in {sw.Elapsed.TotalSeconds:F2} s: one prepared lookup per hash");
        }
    }
}
