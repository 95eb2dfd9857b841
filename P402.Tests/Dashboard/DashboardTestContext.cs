using Bunit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;
using P402.Core;
using P402.Core.Data;
using P402.Core.Merchants;
using P402.Core.Receipts;
using P402.Dashboard.Authorization;
using P402.Tests.Infrastructure;

namespace P402.Tests.Dashboard;

/// <summary>
/// bUnit with MudBlazor's services, the real Core services over a migrated temporary SQLite file, and a
/// signed-in merchant user whose role each test chooses.
/// </summary>
public abstract class DashboardTestContext : BunitContext, IAsyncLifetime
{
    private readonly string _databasePath = TestTemp.NewPath("p402-bunit", ".db");

    protected DashboardTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:ConnectionString"] = $"Data Source={_databasePath}" })
            .Build();
        Services.AddP402Core(configuration);
        // The Identity schema (passkeys table) follows IdentityOptions, as the host sets it.
        Services.Configure<IdentityOptions>(options => options.Stores.SchemaVersion = IdentitySchemaVersions.Version3);
        Services.AddMudServices();
        Services.AddAuthorizationCore(options => options.AddP402Policies());
        // The real policy evaluation, not bUnit's placeholders: the pages' server-side checks are under test.
        Services.Replace(ServiceDescriptor.Transient<IAuthorizationService, DefaultAuthorizationService>());
        Services.Replace(ServiceDescriptor.Transient<IAuthorizationPolicyProvider, DefaultAuthorizationPolicyProvider>());
        Services.AddCascadingAuthenticationState();
        Services.AddSingleton<AuthenticationStateProvider>(Auth);
        Services.AddScoped<CurrentMerchant>();
    }

    protected TestAuthenticationStateProvider Auth { get; } = new();

    protected T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Settlement rows and receipts issued from them, in this test's database.</summary>
    protected PaymentSeed Seed => new(Get<IDbContextFactory<P402DbContext>>(), Get<ReceiptService>(), Get<TimeProvider>());

    public async Task InitializeAsync() => await Get<DatabaseMigrator>().MigrateAsync(CancellationToken.None);

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_databasePath + suffix);
        }
    }

    /// <summary>A new merchant with a signed-in user of <paramref name="role"/>; returns the merchant id.</summary>
    protected async Task<string> SignInNewMerchantAsync(MerchantRole role, string name = "Acme")
    {
        var merchant = await Get<MerchantService>().CreateAsync(name, CancellationToken.None);
        Auth.SignIn(merchant.Id, role);
        return merchant.Id;
    }

    /// <summary>Renders <typeparamref name="TPage"/> with MudBlazor's providers; dialogs appear in the returned host's markup.</summary>
    protected IRenderedComponent<PageHost<TPage>> RenderPage<TPage>() where TPage : IComponent => Render<PageHost<TPage>>();
}
