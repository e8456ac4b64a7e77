using System.Diagnostics;
using System.Net.Http.Headers;
using TriageBot.Sandbox;

/// <summary>Where does a GitHub page's time go: the sandbox answering, or Octokit deserialising?</summary>
internal static class Probe
{
    public static async Task RunAsync(SandboxHost sandbox, Scenario scenario)
    {
        var repo = scenario.GitHub!.Repos[0];
        using var http = new HttpClient { BaseAddress = sandbox.GitHubApiUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("token", sandbox.Credentials.GitHubToken);
        http.DefaultRequestHeaders.UserAgent.ParseAdd("probe");
        string body = "";
        // Warm up first (tiered JIT), so the numbers are steady-state costs.
        for (var page = 1; page <= 40; page++)
            body = await http.GetStringAsync($"api/v3/repos/{repo.Owner}/{repo.Name}/issues?state=all&sort=updated&direction=asc&per_page=100&page={page % 20 + 1}");
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        for (var page = 1; page <= 20; page++)
            body = await http.GetStringAsync($"api/v3/repos/{repo.Owner}/{repo.Name}/issues?state=all&sort=updated&direction=asc&per_page=100&page={page}");
        Console.WriteLine($"probe: sandbox issues page {watch.Elapsed.TotalMilliseconds / 20:F1} ms wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / 20:F1} ms cpu, {body.Length} chars");

        var serializer = new Octokit.Internal.SimpleJsonSerializer();
        cpu = Process.GetCurrentProcess().TotalProcessorTime;
        watch.Restart();
        for (var i = 0; i < 20; i++) serializer.Deserialize<List<Octokit.Issue>>(body);
        Console.WriteLine($"probe: Octokit deserialise page {watch.Elapsed.TotalMilliseconds / 20:F1} ms wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / 20:F1} ms cpu");

        cpu = Process.GetCurrentProcess().TotalProcessorTime;
        watch.Restart();
        for (var page = 1; page <= 20; page++)
            body = await http.GetStringAsync($"api/v3/repos/{repo.Owner}/{repo.Name}/issues/comments?sort=updated&direction=asc&per_page=100&page={page}");
        Console.WriteLine($"probe: sandbox comments page {watch.Elapsed.TotalMilliseconds / 20:F1} ms wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / 20:F1} ms cpu");
    }
}
