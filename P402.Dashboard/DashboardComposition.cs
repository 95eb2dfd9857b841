using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using MudBlazor.Services;
using P402.Core;
using P402.Core.Data;
using P402.Core.Merchants;
using P402.Dashboard.Components;
using P402.Dashboard.Components.Account;

namespace P402.Dashboard;

/// <summary>Composes the host: Core services, Identity, the Blazor UI and the HTTP API.</summary>
internal static class DashboardComposition
{
    public static WebApplicationBuilder AddP402Dashboard(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddP402Core(builder.Configuration);

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();

        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.AddIdentityCore<P402User>(options =>
            {
                options.SignIn.RequireConfirmedAccount = false;
                options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
            })
            .AddEntityFrameworkStores<P402DbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.AddSingleton<IEmailSender<P402User>, IdentityNoOpEmailSender>();
        services.AddP402DashboardComponents();
        return builder;
    }

    public static WebApplication UseP402Dashboard(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAdditionalIdentityEndpoints();
        app.MapP402DashboardComponents();
        return app;
    }
}
