using Microsoft.Extensions.Options;

namespace TriageBot.Agent;

public enum AgentProvider { Offline, OpenAI, Ollama }

/// <summary>The <c>Agent</c> configuration section.</summary>
public sealed class AgentOptions
{
    public const string Section = "Agent";

    public AgentProvider Provider { get; set; } = AgentProvider.Offline;

    /// <summary>OpenAI-compatible base URL (".../v1/") or the Ollama server URL. Empty for OpenAI means api.openai.com.</summary>
    public string? Endpoint { get; set; }

    public string? Model { get; set; }

    public string? ApiKey { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(120);
}

internal sealed class AgentOptionsValidator : IValidateOptions<AgentOptions>
{
    public ValidateOptionsResult Validate(string? name, AgentOptions o)
    {
        if (o.Provider == AgentProvider.Offline) return ValidateOptionsResult.Success;
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(o.Model)) errors.Add($"Agent:Model is required when Agent:Provider is {o.Provider}.");
        if (o.Provider == AgentProvider.OpenAI && string.IsNullOrWhiteSpace(o.ApiKey)) errors.Add("Agent:ApiKey is required when Agent:Provider is OpenAI.");
        if (o.Provider == AgentProvider.Ollama && string.IsNullOrWhiteSpace(o.Endpoint)) errors.Add("Agent:Endpoint is required when Agent:Provider is Ollama (e.g. http://localhost:11434/).");
        if (!string.IsNullOrWhiteSpace(o.Endpoint) && !Uri.TryCreate(o.Endpoint, UriKind.Absolute, out _)) errors.Add($"Agent:Endpoint must be an absolute URL, not '{o.Endpoint}'.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
