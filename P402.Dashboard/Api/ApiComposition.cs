using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using P402.Core.Data;
using P402.Dashboard.Facilitator;
using P402.Dashboard.Merchants;
using P402.Dashboard.Payments;
using P402.Dashboard.Receipts;
using P402.Dashboard.Settlements;

namespace P402.Dashboard.Api;

/// <summary>Composes the HTTP API: its auth scheme, policies, limits, errors, OpenAPI and health.</summary>
internal static class ApiComposition
{
    public static IServiceCollection AddP402Api(this IServiceCollection services, IConfiguration configuration, AuthenticationBuilder authentication)
    {
        authentication.AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        ApiPolicies.Add(services.AddAuthorizationBuilder());
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        var api = configuration.GetSection(ApiOptions.SectionName).Get<ApiOptions>() ?? new ApiOptions();
        services.AddRateLimiter(options => ApiRateLimits.Configure(options, api));
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ApiProblems.Customize);
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.ConfigureHttpJsonOptions(options => ApiJson.Configure(options.SerializerOptions));
        services.AddOpenApi();
        services.AddHealthChecks()
            .AddDbContextCheck<P402DbContext>("database")
            .AddCheck<ChainHealthCheck>("chain")
            .AddCheck<SettlementWatcherHealthCheck>("settlement-watchers")
            .AddCheck<ScaleOutHealthCheck>("scale-out");
        return services;
    }

    public static WebApplication MapP402Api(this WebApplication app)
    {
        app.MapFacilitator();
        var v1 = app.MapGroup("/api/v1").RequireRateLimiting(ApiRateLimits.PerKey);
        v1.MapReceipts();
        v1.MapSettlements();
        v1.MapPayments();
        v1.MapSettings();
        app.MapOpenApi();
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync });
        return app;
    }

    private static readonly string[] ApiRoots = ["/api", "/verify", "/settle", "/supported", "/healthz", "/openapi"];

    public static bool IsApiPath(PathString path) =>
        Array.Exists(ApiRoots, root => path.StartsWithSegments(root, StringComparison.OrdinalIgnoreCase));
}
