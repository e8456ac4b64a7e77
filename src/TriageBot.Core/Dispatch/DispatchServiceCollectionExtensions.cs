using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace TriageBot.Dispatch;

public static class DispatchServiceCollectionExtensions
{
    /// <summary>The opt-in dispatch of small fixes (<see cref="DispatchOptions"/>); it uses the Linear client the tickets stage registers.</summary>
    public static IServiceCollection AddTriageBotDispatch(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DispatchOptions>().Bind(configuration.GetSection(DispatchOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DispatchOptions>, DispatchOptionsValidator>());
        services.TryAddSingleton<SmallFixDispatcher>();
        return services;
    }
}
