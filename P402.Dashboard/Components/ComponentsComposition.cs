using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using P402.Core.Merchants;
using P402.Dashboard.Authorization;
using P402.Dashboard.Components.Account;
using P402.Dashboard.Components.Pages.Settlements;
using P402.Dashboard.Docs;

namespace P402.Dashboard.Components;

/// <summary>What the merchant dashboard UI adds to the host: roles and policies, the current-merchant accessor, its endpoints.</summary>
internal static class ComponentsComposition
{
    public static IServiceCollection AddP402DashboardComponents(this IServiceCollection services)
    {
        services.AddAuthorization(options => options.AddP402Policies());
        // Replace (not TryAdd): Identity registers its default factory too, before or after this call.
        services.Replace(ServiceDescriptor.Scoped<IUserClaimsPrincipalFactory<P402User>, P402UserClaimsPrincipalFactory>());
        services.TryAddScoped<CurrentMerchant>();
        services.TryAddScoped<EmailConfirmationSender>();
        return services;
    }

    public static IEndpointRouteBuilder MapP402DashboardComponents(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapSettlementExport();
        endpoints.MapP402Docs();
        return endpoints;
    }
}
