using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using P402.Core.ApiKeys;
using P402.Core.Merchants;

namespace P402.Tests.Infrastructure;

/// <summary>
/// The real app (WebApplicationFactory over Program) on its own SQLite file, in Rpc mode against a
/// real anvil chain from <see cref="AnvilChainFixture"/>, as production would run against Base.
/// Two factories on one database file model a restart.
/// </summary>
public sealed class P402AppFactory(AnvilChainFixture chain, string? databasePath = null, IDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    public string DatabasePath { get; } = databasePath ?? TestTemp.NewPath("p402-test", ".db");

    public AnvilChainFixture Chain => chain;

    /// <summary>
    /// Replaces the app's clock (a FakeTimeProvider, say). It is registered after the app's own
    /// <c>TryAddSingleton(TimeProvider.System)</c>, so it is the one every service gets.
    /// </summary>
    public TimeProvider? Time { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(Settings()));
        if (Time is { } time)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(time));
        }
    }

    /// <summary>The configuration this factory gives the app, for starting the same app as a real process.</summary>
    public IReadOnlyDictionary<string, string?> Configuration => Settings();

    private Dictionary<string, string?> Settings()
    {
        var values = new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = $"Data Source={DatabasePath}",
            ["Chain:Mode"] = "Rpc",
            ["Chain:FacilitatorPrivateKey"] = chain.Chain.Facilitator.PrivateKey,
            ["Chain:Networks:0:Network"] = "eip155:8453",
            ["Chain:Networks:0:V1Name"] = "base",
            ["Chain:Networks:0:ChainId"] = "8453",
            ["Chain:Networks:0:RpcUrl"] = chain.RpcUrl.ToString(),
            ["Chain:Networks:0:Assets:0:Address"] = chain.Usdc.ToString(),
            ["Chain:Networks:0:Assets:0:Name"] = "USD Coin",
            ["Chain:Networks:0:Assets:0:Version"] = "2",
            ["Chain:ConfirmationTimeoutSeconds"] = "20",
            ["Chain:BlockPollMilliseconds"] = "50",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }
        return values;
    }

    /// <summary>A merchant with one all-scopes key, made through the same Core services the app uses.</summary>
    public async Task<TestMerchant> CreateMerchantAsync(string name = "Test merchant", ApiKeyScopes scopes = ApiKeyScopes.All)
    {
        var merchant = await Services.GetRequiredService<MerchantService>().CreateAsync(name, CancellationToken.None);
        var key = await Services.GetRequiredService<ApiKeyService>().CreateAsync(merchant.Id, "test", scopes, ApiKeyMode.Test, "test", CancellationToken.None);
        return new TestMerchant(merchant.Id, key.Key.Id, key.Secret);
    }

    public HttpClient ClientFor(TestMerchant merchant)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", merchant.ApiKey);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
