using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TriageBot.Clients.Linear;
using TriageBot.Diagnostics;
using TriageBot.Domain;

namespace TriageBot.Tickets;

public static class TicketsServiceCollectionExtensions
{
    /// <summary>
    /// Linear filing: <see cref="LinearGraphQLClient"/> (typed HttpClient counted as "linear"),
    /// <see cref="LinearWorkspace"/> (also the <see cref="ILabelSource"/>), and
    /// <see cref="LinearTicketWriter"/> as <see cref="ITicketWriter"/>. Sections <c>Linear</c> and <c>Tickets</c>.
    /// </summary>
    public static IServiceCollection AddTriageBotTickets(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<LinearOptions>().Bind(config.GetSection(LinearOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<TicketOptions>().Bind(config.GetSection(TicketOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LinearOptions>, LinearOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RunMetrics>();
        services.TryAddSingleton<RunContext>();

        services.AddHttpClient<LinearGraphQLClient>((sp, http) => http.Timeout = sp.GetRequiredService<IOptions<LinearOptions>>().Value.Timeout)
            .AddHttpMessageHandler(sp => new ApiCallCountingHandler(sp.GetRequiredService<RunMetrics>(), "linear"));

        services.TryAddSingleton<LinearWorkspace>();
        services.RemoveAll<ILabelSource>();
        services.AddSingleton<ILabelSource>(sp => sp.GetRequiredService<LinearWorkspace>());
        services.TryAddSingleton<LinearTicketWriter>();
        services.TryAddSingleton<ITicketWriter>(sp => sp.GetRequiredService<LinearTicketWriter>());
        return services;
    }
}

internal sealed class LinearOptionsValidator : IValidateOptions<LinearOptions>
{
    public ValidateOptionsResult Validate(string? name, LinearOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ApiKey)) errors.Add("Linear:ApiKey is required (a personal API key, or 'Bearer <OAuth token>').");
        if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
            errors.Add($"Linear:Endpoint must be an absolute http(s) URL, not '{options.Endpoint}'.");
        for (var i = 0; i < options.Routes.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(options.Routes[i].Match)) errors.Add($"Linear:Routes:{i}:Match is required.");
            if (string.IsNullOrWhiteSpace(options.Routes[i].Team)) errors.Add($"Linear:Routes:{i}:Team is required.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
