using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using P402.Core.ApiKeys;
using P402.Dashboard.Demo;
using P402.Tests.Infrastructure;
using P402.Tests.Merchant;

namespace P402.Tests.EndToEnd;

/// <summary>The demo merchant's start-up step: one merchant, one live key per run, its secret only in memory.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class DemoBootstrapTests(EndToEndFixture e2e)
{
    private static readonly Dictionary<string, string?> DemoOn = new() { ["Demo:Enabled"] = "true" };

    [Fact]
    public async Task Start_TwiceOnOneDatabase_RevokesTheEarlierKeyAndKeepsOneDemoMerchant()
    {
        var database = TestTemp.NewPath("p402-demo", ".db");
        DemoCredentials first;
        await using (var app = StartOnKestrel(new P402AppFactory(e2e.Chain, database, DemoOn)))
        {
            first = app.Services.GetRequiredService<DemoConnection>().Current!;
            Assert.Equal(HttpStatusCode.OK, await ReceiptsStatusAsync(first.BaseUrl, first.ApiKey));
        }

        await using var restarted = StartOnKestrel(new P402AppFactory(e2e.Chain, database, DemoOn));
        var second = restarted.Services.GetRequiredService<DemoConnection>().Current!;

        Assert.NotEqual(first.ApiKey, second.ApiKey);
        Assert.Equal(DemoMerchantStore.MerchantId, second.MerchantId);
        Assert.Equal(first.MerchantId, second.MerchantId);
        Assert.Equal(HttpStatusCode.Unauthorized, await ReceiptsStatusAsync(second.BaseUrl, first.ApiKey));
        Assert.Equal(HttpStatusCode.OK, await ReceiptsStatusAsync(second.BaseUrl, second.ApiKey));
        var keys = await restarted.Services.GetRequiredService<ApiKeyService>().ListAsync(DemoMerchantStore.MerchantId, CancellationToken.None);
        Assert.Equal(2, keys.Count);
        Assert.Equal(second.ApiKeyId, Assert.Single(keys, k => k.IsActive).Id);
    }

    [Fact]
    public async Task Start_DemoKey_SecretIsNeitherStoredNorLogged()
    {
        var logs = new CapturingLoggerProvider();
        var factory = new P402AppFactory(e2e.Chain, settings: DemoOn);
        string secret;
        await using (var app = StartOnKestrel(factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l
            .AddProvider(logs).AddFilter<CapturingLoggerProvider>(null, LogLevel.Trace)))))
        {
            secret = app.Services.GetRequiredService<DemoConnection>().Current!.ApiKey;
            // Make the demo call P402 (a receipt check) so the client's own logging runs too.
            using var http = new HttpClient();
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(EndToEndFixture.ListeningUrl(app.Services), "demo/weather?city=Oslo"));
            request.Headers.Add("P402-Receipt", "rcpt_01AAAAAAAAAAAAAAAAAAAAAAAA");
            Assert.Equal(HttpStatusCode.PaymentRequired, (await http.SendAsync(request)).StatusCode);
        }
        await factory.DisposeAsync();

        Assert.StartsWith("p402_test_", secret);
        Assert.Contains(logs.Lines, line => line.Contains("[8100] Demo endpoint ready", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, line => line.Contains("System.Net.Http.HttpClient.IP402Client", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.Contains(secret, StringComparison.Ordinal));
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(factory.DatabasePath)!, Path.GetFileName(factory.DatabasePath) + "*"))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) < 0, $"{file} holds the demo key's secret.");
        }
    }

    [Fact]
    public async Task Demo_RpcModeWithoutOptIn_IsNotMapped()
    {
        await using var app = new P402AppFactory(e2e.Chain);

        var response = await app.CreateClient().GetAsync(new Uri("/demo/weather?city=Oslo", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(DemoMode.Off, app.Services.GetRequiredService<DemoConnection>().Mode);
        Assert.Null(app.Services.GetRequiredService<DemoConnection>().Current);
    }

    [Fact]
    public async Task Demo_ConfiguredKeyAndP402BaseUrl_ChargesThroughThatP402AsThatMerchant()
    {
        await using var app = new P402AppFactory(e2e.Chain, settings: new Dictionary<string, string?>
        {
            ["Demo:ApiKey"] = e2e.MiddlewareMerchant.ApiKey,
            ["Demo:P402BaseUrl"] = e2e.BaseUrl.AbsoluteUri,
        });
        var client = app.CreateClient();

        // A receipt check reaches the other P402 with the configured key: an unknown receipt is a 402, not a 503.
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/demo/weather?city=Oslo", UriKind.Relative));
        request.Headers.Add("P402-Receipt", "rcpt_01AAAAAAAAAAAAAAAAAAAAAAAA");
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
        Assert.Contains("RECEIPT_NOT_FOUND", await response.Content.ReadAsStringAsync());
        var connection = app.Services.GetRequiredService<DemoConnection>();
        Assert.Equal(DemoMode.ConfiguredKey, connection.Mode);
        Assert.Equal(e2e.BaseUrl, connection.Current!.BaseUrl);
        Assert.Null(connection.Current.MerchantId);
    }

    [Fact]
    public async Task Demo_WrongConfiguredKey_AnswersPaymentServiceUnavailable()
    {
        await using var app = new P402AppFactory(e2e.Chain, settings: new Dictionary<string, string?>
        {
            ["Demo:ApiKey"] = "p402_test_ThisKeyWasNeverIssuedByP402xxxxxxxxxxxx",
            ["Demo:P402BaseUrl"] = e2e.BaseUrl.AbsoluteUri,
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/demo/weather?city=Oslo", UriKind.Relative));
        request.Headers.Add("P402-Receipt", "rcpt_01AAAAAAAAAAAAAAAAAAAAAAAA");

        var response = await app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static T StartOnKestrel<T>(T factory) where T : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        factory.UseKestrel(0);
        factory.StartServer();
        return factory;
    }

    private static async Task<HttpStatusCode> ReceiptsStatusAsync(Uri baseUrl, string apiKey)
    {
        using var http = new HttpClient { BaseAddress = baseUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return (await http.GetAsync(new Uri("api/v1/receipts", UriKind.Relative))).StatusCode;
    }
}
