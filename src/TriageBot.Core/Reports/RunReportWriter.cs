namespace TriageBot.Reports;

/// <summary>Writes report.json (<see cref="RunReport.ToJson"/>) atomically: readers never see half a report.</summary>
public sealed class RunReportWriter
{
    public const string FileName = "report.json";

    /// <summary>Writes <c>{outDir}/report.json</c> and returns its path.</summary>
    public async Task<string> WriteAsync(RunReport report, string outDir, CancellationToken ct)
    {
        var path = Path.Combine(outDir, FileName);
        await ReportFiles.WriteAtomicallyAsync(path, report.ToJson(), ct);
        return path;
    }
}

/// <summary>Writes digest.md and digest.html.</summary>
public sealed class DigestFileWriter
{
    public const string MarkdownFileName = "digest.md";
    public const string HtmlFileName = "digest.html";

    /// <summary>Writes both files into <paramref name="outDir"/>; returns (markdown path, html path).</summary>
    public async Task<(string Markdown, string Html)> WriteAsync(Digest digest, string outDir, CancellationToken ct)
    {
        var md = Path.Combine(outDir, MarkdownFileName);
        var html = Path.Combine(outDir, HtmlFileName);
        await ReportFiles.WriteAtomicallyAsync(md, digest.Markdown, ct);
        await ReportFiles.WriteAtomicallyAsync(html, digest.Html, ct);
        return (md, html);
    }
}

internal static class ReportFiles
{
    public static async Task WriteAtomicallyAsync(string path, string content, CancellationToken ct)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await File.WriteAllTextAsync(temp, content, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), ct);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
