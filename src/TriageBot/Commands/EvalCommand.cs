using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using TriageBot.Clustering;
using TriageBot.Evaluation;
using TriageBot.Hosting;

namespace TriageBot.Commands;

/// <summary><c>eval --csv FILE</c>: how well the clusterer recovers the labels of a labelled CSV (id,text,label).</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var csv = new Option<FileInfo>("--csv") { Description = "Labelled CSV with header id,text,label", Required = true };
        var k = new Option<string>("--k") { Description = "Number of clusters, or 'auto'", DefaultValueFactory = _ => "auto" };
        var features = new Option<FeatureKind>("--features")
        {
            Description = "embeddings (MiniLM, default), lexical (TF-IDF + reduction, fast) or both",
            DefaultValueFactory = _ => FeatureKind.Embeddings,
        };
        var command = new Command("eval", "Cluster a labelled CSV and print NMI, ARI, V-measure, accuracy and seconds") { csv, k, features };
        command.SetGuardedAction(async (parse, ct) =>
        {
            var file = parse.GetValue(csv)!;
            if (!file.Exists) throw new UsageException($"--csv: file '{file.FullName}' does not exist.");
            var kText = parse.GetValue(k)!;
            int? clusters = null;
            if (!kText.Equals("auto", StringComparison.OrdinalIgnoreCase))
            {
                if (!int.TryParse(kText, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
                    throw new UsageException($"--k: '{kText}' is neither a positive number nor 'auto'.");
                clusters = n;
            }
            using var host = HostFactory.Build(null, null, null, interactiveProgress: false);
            var runner = host.Services.GetRequiredService<EvalRunner>();
            var result = await runner.RunAsync(file.FullName, clusters, parse.GetValue(features), ct);
            Console.WriteLine(result.ToText());
            return 0;
        });
        return command;
    }
}
