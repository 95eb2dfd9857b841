using System.Net.Http.Headers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace P402.Merchant;

public static class P402ClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IP402Client"/> (and <see cref="P402Client"/>) as a typed client of
    /// <see cref="IHttpClientFactory"/>, configured from <see cref="P402ClientOptions"/> validated at start.
    /// Returns the <see cref="IHttpClientBuilder"/> for handlers such as resilience.
    /// </summary>
    public static IHttpClientBuilder AddP402Client(this IServiceCollection services, Action<P402ClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<P402ClientOptions>().Configure(configure);
        return AddCore(services);
    }

    /// <summary>As <see cref="AddP402Client(IServiceCollection, Action{P402ClientOptions})"/>, bound from a configuration section (e.g. <c>P402</c>).</summary>
    public static IHttpClientBuilder AddP402Client(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<P402ClientOptions>().Bind(configuration);
        return AddCore(services);
    }

    private static IHttpClientBuilder AddCore(IServiceCollection services)
    {
        services.AddOptions<P402ClientOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<P402ClientOptions>, P402ClientOptionsValidator>());
        var builder = services.AddHttpClient<IP402Client, P402Client>((provider, http) =>
        {
            var options = provider.GetRequiredService<IOptions<P402ClientOptions>>().Value;
            var baseUrl = options.BaseUrl!.AbsoluteUri;
            http.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
            http.Timeout = options.Timeout;
        });
        // The factory's own request logging must never show the Authorization header (or any other).
        builder.RedactLoggedHeaders(_ => true);
        services.TryAddTransient(provider => (P402Client)provider.GetRequiredService<IP402Client>());
        return builder;
    }
}
