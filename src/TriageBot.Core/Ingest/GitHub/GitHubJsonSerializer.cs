using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Octokit.Internal;

namespace TriageBot.Ingest.GitHub;

/// <summary>
/// Octokit's JSON seam: the reader's own response shapes (<see cref="GitHubIssue"/>, <see cref="GitHubRepoComment"/>)
/// are read with System.Text.Json's generated code; everything else (errors, rate limits, Octokit's models) goes to
/// Octokit's own SimpleJson. SimpleJson builds a dictionary tree of the whole body and maps it by reflection, which
/// cost about 14 ms CPU per 100-issue page, more than the sandbox took to serve it.
/// </summary>
internal sealed class GitHubJsonSerializer : IJsonSerializer
{
    private readonly SimpleJsonSerializer _octokit = new();

    public string Serialize(object item) => _octokit.Serialize(item);

    public T Deserialize<T>(string json)
    {
        if (GitHubJsonContext.Default.GetTypeInfo(typeof(T)) is JsonTypeInfo<T> info)
        {
            try
            {
                return JsonSerializer.Deserialize(json, info)!;
            }
            catch (JsonException)
            {
                // Not what we expected (a fault, an odd body): Octokit decides, and fails the way it always did.
            }
        }
        return _octokit.Deserialize<T>(json);
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(List<GitHubIssue>))]
[JsonSerializable(typeof(GitHubIssue))]
[JsonSerializable(typeof(List<GitHubRepoComment>))]
internal sealed partial class GitHubJsonContext : JsonSerializerContext;
