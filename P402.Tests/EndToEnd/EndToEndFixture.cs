using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using P402.Core.Chain.Ethereum;
using P402.Dashboard.Demo;
using P402.Tests.Infrastructure;

namespace P402.Tests.EndToEnd;

/// <summary>
/// Real processes end to end: an anvil chain; the P402 app (WebApplicationFactory over Kestrel on a loopback
/// port, Rpc mode against that chain) hosting its demo endpoint with the start-up demo merchant; and a second,
/// minimal merchant app using P402.Merchant against that P402 (<see cref="MiddlewareTestApp"/>). Payers run
/// the JS SDK in node (<see cref="NodePayer"/>).
/// </summary>
public sealed class EndToEndFixture : IAsyncLifetime
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };

    public AnvilChainFixture Chain { get; } = new();

    public P402AppFactory App { get; private set; } = null!;

    /// <summary>Where the P402 app listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The demo merchant's in-memory key, read from the app's start-up step (the test hook).</summary>
    internal DemoCredentials Demo => App.Services.GetRequiredService<DemoConnection>().Current
        ?? throw new InvalidOperationException("The demo merchant was not prepared; see the app's log (event 8102/8103).");

    public static EthAddress DemoPayTo { get; } = EthAddress.Parse(DemoOptions.DefaultPayTo);

    public TestMerchant MiddlewareMerchant { get; private set; } = null!;

    internal MiddlewareTestApp MiddlewareApp { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Chain.InitializeAsync();
        App = new P402AppFactory(Chain, settings: new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "true",
            ["Chain:Networks:0:WalletFactories:0"] = Core.Chain.DevChain.DevSmartWallets.Factory.ToString(),
        });
        App.UseKestrel(0);
        App.StartServer();
        BaseUrl = ListeningUrl(App.Services);
        MiddlewareMerchant = await App.CreateMerchantAsync("Middleware merchant");
        MiddlewareApp = await MiddlewareTestApp.StartAsync(BaseUrl, MiddlewareMerchant, Chain, App.Services);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        if (MiddlewareApp is not null)
        {
            await MiddlewareApp.DisposeAsync();
        }
        if (App is not null)
        {
            await App.DisposeAsync();
        }
        await Chain.DisposeAsync();
    }

    internal static Uri ListeningUrl(IServiceProvider services)
    {
        var addresses = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        return DemoBaseUrl.FromServerAddresses(addresses) ?? throw new InvalidOperationException("The app reports no listening address.");
    }

    public Uri DemoUrl(string city) => new(BaseUrl, $"demo/weather?city={Uri.EscapeDataString(city)}");

    /// <summary>Calls P402's REST API as the merchant holding <paramref name="apiKey"/>; asserts a 2xx and returns the JSON.</summary>
    public async Task<JsonElement> ApiAsync(HttpMethod method, string path, string apiKey)
    {
        using var request = new HttpRequestMessage(method, new Uri(BaseUrl, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>How many settlements (any status) P402 holds for the merchant of <paramref name="apiKey"/>.</summary>
    public async Task<long> SettlementCountAsync(string apiKey) =>
        (await ApiAsync(HttpMethod.Get, "api/v1/settlements?pageSize=1", apiKey)).GetProperty("total").GetInt64();

    public Task<JsonElement> ReceiptAsync(string apiKey, string receiptId) =>
        ApiAsync(HttpMethod.Get, $"api/v1/receipts/{receiptId}", apiKey);

    /// <summary>A plain request (no SDK) to any URL; the caller disposes the response.</summary>
    public async Task<HttpResponseMessage> SendAsync(Uri url, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return await _http.SendAsync(request);
    }
}
