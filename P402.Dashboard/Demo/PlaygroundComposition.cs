using Microsoft.Extensions.DependencyInjection.Extensions;

namespace P402.Dashboard.Demo;

/// <summary>
/// The playground's services. Registered whatever the chain: the page itself answers "not found" unless the app
/// runs the development chain, and says so when the demo endpoint it pays is off.
/// </summary>
internal static class PlaygroundComposition
{
    public static IServiceCollection AddP402Playground(this IServiceCollection services)
    {
        services.AddHttpClient<PlaygroundPayer>(http => http.Timeout = TimeSpan.FromSeconds(90))
            // PAYMENT-SIGNATURE carries a signature: never in the logs.
            .RedactLoggedHeaders(_ => true);
        services.TryAddScoped<PlaygroundService>();
        services.TryAddSingleton<PlaygroundMerchants>();
        services.AddHttpContextAccessor();
        return services;
    }
}
