using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using MudBlazor.Services;
using P402.Core;
using P402.Core.Data;
using P402.Core.Merchants;
using P402.Dashboard.Api;
using P402.Dashboard.Components;
using P402.Dashboard.Components.Account;
using P402.Dashboard.Demo;
using P402.Dashboard.Email;

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
        var authentication = services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            });
        authentication.AddIdentityCookies();
        services.AddIdentityCore<P402User>(options =>
            {
                options.SignIn.RequireConfirmedAccount = false;
                options.Stores.SchemaVersion = P402DbContext.IdentitySchemaVersion;
            })
            .AddEntityFrameworkStores<P402DbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.AddP402Email(builder.Configuration);

        services.AddP402Api(builder.Configuration, authentication);
        builder.AddP402Demo();
        services.AddP402DashboardComponents();
        return builder;
    }

    public static WebApplication UseP402Dashboard(this WebApplication app)
    {
        app.UseRequestIds();
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/Error", CreateScopeForErrors = true });
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        // The API answers problem+json for bare status codes; pages get the not-found page.
        app.UseWhen(context => ApiComposition.IsApiPath(context.Request.Path), api => api.UseStatusCodePages());
        app.UseWhen(context => !ApiComposition.IsApiPath(context.Request.Path),
            ui => ui.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        // Routing after the status-code pages, so that a re-executed request (an unknown URL → /not-found) is routed
        // again and finds the not-found page instead of answering an empty 404.
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapP402Api();
        app.MapP402Demo();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAdditionalIdentityEndpoints();
        app.MapP402DashboardComponents();
        return app;
    }
}
