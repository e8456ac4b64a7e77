namespace TriageBot.Sandbox;

/// <summary>What every endpoint group needs, handed to the Map* registrations.</summary>
internal sealed class SandboxServices(
    SandboxState state, SandboxOptions options, TimeProvider clock, FaultInjector faults,
    RequestLog requestLog, RateLimitEnforcer rateLimits, OpenAIScript openAI)
{
    public SandboxState State { get; } = state;
    public SandboxOptions Options { get; } = options;
    public TimeProvider Clock { get; } = clock;
    public FaultInjector Faults { get; } = faults;
    public RequestLog RequestLog { get; } = requestLog;
    public RateLimitEnforcer RateLimits { get; } = rateLimits;
    public OpenAIScript OpenAI { get; } = openAI;
    public SandboxCredentials Credentials => Options.Credentials;
}
