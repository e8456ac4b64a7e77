using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace TriageBot.Dispatch;

/// <summary>What happens to a ticket the agent judged a small fix.</summary>
public enum DispatchMode
{
    /// <summary>Nothing: the default. Small fixes are tickets like any other.</summary>
    Off,
    /// <summary>Each run reports which tickets it would delegate (status "dry-run"), and changes nothing.</summary>
    DryRun,
    /// <summary>The ticket is delegated to a coding agent in Linear, which opens a draft pull request.</summary>
    Delegate,
}

/// <summary>The <c>Dispatch</c> configuration section: opt-in hand-off of small fixes to a coding agent.</summary>
public sealed class DispatchOptions
{
    public const string Section = "Dispatch";

    public DispatchMode Mode { get; set; } = DispatchMode.Off;

    /// <summary>
    /// The Linear agent user small fixes are delegated to, by name or display name ("Codex", "GitHub Copilot"): the
    /// workspace must have that integration installed. Required for <see cref="DispatchMode.Delegate"/>.
    /// </summary>
    public string? Agent { get; set; }

    /// <summary>The most tickets one run hands off; the rest wait for the next run, the most-reported first.</summary>
    [Range(1, 50)]
    public int MaxPerRun { get; set; } = 3;
}

internal sealed class DispatchOptionsValidator : IValidateOptions<DispatchOptions>
{
    public ValidateOptionsResult Validate(string? name, DispatchOptions options) =>
        options.Mode == DispatchMode.Delegate && string.IsNullOrWhiteSpace(options.Agent)
            ? ValidateOptionsResult.Fail("Dispatch:Agent is required when Dispatch:Mode is Delegate (the Linear agent user, e.g. \"Codex\").")
            : ValidateOptionsResult.Success;
}
