using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using P402.Core.Chain.Ethereum;
using P402.Core.Chain.Rpc;
using P402.Tests.Infrastructure;

namespace P402.Tests.EndToEnd;

/// <summary>
/// x402's reference resource server (npm <c>@x402/express</c>) with P402 as its facilitator, as a user runs it:
/// one payment sent twenty times at once buys one answer; the others are refused with 402.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ReferenceServerDeliversOnceTests(EndToEndFixture e2e) : IAsyncLifetime
{
    private const int Concurrency = 20;
    private const long Price = 10_000;

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(120) };
    private ReferenceX402Server _server = null!;
    private TestMerchant _merchant = null!;

    public async Task InitializeAsync()
    {
        _merchant = await e2e.App.CreateMerchantAsync("Express merchant");
        _server = await ReferenceX402Server.StartAsync(e2e.BaseUrl, _merchant.ApiKey);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task ExpressServer_TwentyConcurrentRequestsWithOneFreshPayment_One200Nineteen402OneTransaction()
    {
        var payer = EthKey.Parse(e2e.Chain.Chain.Payers[0].PrivateKey);
        var header = await PaymentForAsync(payer);
        var (payerBefore, payToBefore, nonceBefore) = await BalancesAsync(payer.Address);

        using var start = new SemaphoreSlim(0);
        var requests = Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            await start.WaitAsync();
            using var request = new HttpRequestMessage(HttpMethod.Get, _server.WeatherUrl);
            request.Headers.Add("PAYMENT-SIGNATURE", header);
            using var response = await _http.SendAsync(request);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync(),
                PaymentResponse: response.Headers.TryGetValues("PAYMENT-RESPONSE", out var p) ? Decode(p.Single()) : (JsonElement?)null);
        }).ToList();
        start.Release(Concurrency);
        var answers = await Task.WhenAll(requests);

        var served = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.Contains("sunny", served.Body);
        var settlement = served.PaymentResponse!.Value;
        Assert.True(settlement.GetProperty("success").GetBoolean(), settlement.ToString());
        var hash = settlement.GetProperty("transaction").GetString()!;
        var refused = answers.Where(a => a.StatusCode != HttpStatusCode.OK).ToList();
        Assert.Equal(Concurrency - 1, refused.Count);
        Assert.All(refused, a =>
        {
            Assert.Equal(HttpStatusCode.PaymentRequired, a.StatusCode);
            Assert.DoesNotContain("sunny", a.Body);
        });

        Assert.True((await e2e.Chain.WaitForReceiptAsync(hash)).Succeeded);
        Assert.Equal((payerBefore - Price, payToBefore + Price, nonceBefore + 1), await BalancesAsync(payer.Address));
        Assert.Equal(1, (await e2e.ApiAsync(HttpMethod.Get, "api/v1/settlements?pageSize=1", _merchant.ApiKey)).GetProperty("total").GetInt64());
    }

    /// <summary>A fresh payment for the server's own terms (read from its 402), as an x402 client signs it: no payment id.</summary>
    private async Task<string> PaymentForAsync(EthKey payer)
    {
        using var unpaid = await _http.GetAsync(_server.WeatherUrl);
        Assert.Equal(HttpStatusCode.PaymentRequired, unpaid.StatusCode);
        var required = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(unpaid.Headers.GetValues("PAYMENT-REQUIRED").Single())))!;
        var accepted = required["accepts"]![0]!;
        Assert.Equal(_server.PayTo, EthAddress.Parse(accepted["payTo"]!.GetValue<string>()));
        Assert.Equal(Price.ToString(System.Globalization.CultureInfo.InvariantCulture), accepted["amount"]!.GetValue<string>());
        var payment = new TestPayment { Payer = payer, PayTo = _server.PayTo, Value = Price, Resource = _server.WeatherUrl.AbsoluteUri };
        var payload = payment.V2()["paymentPayload"]!.AsObject();
        payload["accepted"] = accepted.DeepClone();
        payload["resource"] = required["resource"]!.DeepClone();
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(payload.ToJsonString()));
    }

    private async Task<(System.Numerics.BigInteger Payer, System.Numerics.BigInteger PayTo, long FacilitatorNonce)> BalancesAsync(EthAddress payer) =>
        (await e2e.Chain.BalanceOfUsdcAsync(payer), await e2e.Chain.BalanceOfUsdcAsync(_server.PayTo),
            await e2e.Chain.TransactionCountAsync(e2e.Chain.Chain.Facilitator.Address, BlockTag.Latest));

    private static JsonElement Decode(string header) =>
        JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(header))).RootElement.Clone();
}
