using System.Net;
using System.Text;
using P402.Core.Chain.Ethereum;
using P402.Tests.Facilitator;
using P402.Tests.Infrastructure;
using static P402.Tests.Facilitator.FacilitatorHttp;
using static P402.Tests.Payments.PaymentLogApi;

namespace P402.Tests.Payments;

/// <summary>GET /api/v1/payments: every answer of /verify and /settle, valid or not, scoped to the caller's merchant.</summary>
public sealed class PaymentLogApiTests(AnvilChainFixture chain, SharedApp shared) : IClassFixture<AnvilChainFixture>, IClassFixture<SharedApp>
{
    private P402AppFactory App => shared.For(chain);

    [Fact]
    public async Task Verify_ValidAndRefused_BothLoggedWithReasonPayerResourceAndAmount()
    {
        var client = App.ClientFor(await App.CreateMerchantAsync());
        var good = NewPayment(chain) with { Resource = "https://api.example.com/Weather?city=Lisbon", Value = 12_345 };
        var forged = NewPayment(chain) with { Signer = EthKey.Generate() };

        var valid = await VerifyAsync(client, good.V2());
        var refused = await VerifyAsync(client, forged.V1());

        var logged = await SingleAsync(App, client, valid.GetProperty("requestId").GetString()!);
        Assert.Equal("verify", logged.GetProperty("operation").GetString());
        Assert.True(logged.GetProperty("valid").GetBoolean());
        Assert.Equal(200, logged.GetProperty("statusCode").GetInt32());
        Assert.False(logged.TryGetProperty("reason", out _), logged.ToString());
        Assert.Equal(good.Payer.Address.ToString().ToLowerInvariant(), logged.GetProperty("payer").GetString());
        Assert.Equal(good.PayTo.ToString().ToLowerInvariant(), logged.GetProperty("payTo").GetString());
        Assert.Equal("https://api.example.com/Weather?city=Lisbon", logged.GetProperty("resource").GetString());
        Assert.Equal("12345", logged.GetProperty("amount").GetString());
        Assert.Equal("eip155:8453", logged.GetProperty("network").GetString());
        Assert.StartsWith("pay_", logged.GetProperty("id").GetString());

        var bad = await SingleAsync(App, client, refused.GetProperty("requestId").GetString()!);
        Assert.False(bad.GetProperty("valid").GetBoolean());
        Assert.Equal("INVALID_SIGNATURE", bad.GetProperty("reason").GetString());
        Assert.Equal(refused.GetProperty("message").GetString(), bad.GetProperty("message").GetString());
        Assert.Equal(forged.Payer.Address.ToString().ToLowerInvariant(), bad.GetProperty("payer").GetString());
        Assert.Equal(forged.Resource, bad.GetProperty("resource").GetString());
    }

    [Fact]
    public async Task MalformedVerify_Logged_AsInvalidPayloadWithTheProblemsRequestId()
    {
        var client = App.ClientFor(await App.CreateMerchantAsync());
        using var response = await client.PostAsync("/verify", new StringContent("{\"x402Version\":2,\"paymentPayload\":42}", Encoding.UTF8, "application/json"));
        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);

        var logged = await SingleAsync(App, client, problem.GetProperty("requestId").GetString()!);
        Assert.Equal(400, logged.GetProperty("statusCode").GetInt32());
        Assert.False(logged.GetProperty("valid").GetBoolean());
        Assert.Equal("INVALID_PAYLOAD", logged.GetProperty("reason").GetString());
        Assert.Equal(problem.GetProperty("detail").GetString(), logged.GetProperty("message").GetString());
        Assert.False(logged.TryGetProperty("payer", out _), logged.ToString());
    }

    [Fact]
    public async Task Settle_Confirmed_LoggedWithSettlementAndTransaction()
    {
        var client = App.ClientFor(await App.CreateMerchantAsync());
        var settle = await SettleAsync(client, NewPayment(chain, payer: 1).V2());
        var hash = AssertSettled(settle);

        var logged = await SingleAsync(App, client, settle.GetProperty("requestId").GetString()!);
        Assert.Equal("settle", logged.GetProperty("operation").GetString());
        Assert.True(logged.GetProperty("valid").GetBoolean());
        Assert.Equal(settle.GetProperty("settlementId").GetString(), logged.GetProperty("settlementId").GetString());
        Assert.Equal(hash, logged.GetProperty("txHash").GetString());
    }

    [Fact]
    public async Task ListPayments_Filters_RequestIdPayerPartialResourceOperationValid()
    {
        var client = App.ClientFor(await App.CreateMerchantAsync());
        var payer2 = EthKey.Parse(chain.Chain.Payers[2].PrivateKey);
        var a = (await VerifyAsync(client, (NewPayment(chain) with { Resource = "https://shop.example.com/api/Forecast?day=1" }).V2())).GetProperty("requestId").GetString()!;
        var b = (await VerifyAsync(client, (NewPayment(payer2) with { Resource = "https://shop.example.com/api/news" }).V2())).GetProperty("requestId").GetString()!;
        var c = (await VerifyAsync(client, (NewPayment(payer2) with { Resource = "https://other.example.org/forecast", Signer = EthKey.Generate() }).V2()))
            .GetProperty("requestId").GetString()!;

        Assert.Equal([c, b, a], RequestIds(await ListAsync(App, client)));
        Assert.Equal([b], RequestIds(await ListAsync(App, client, $"requestId={b}")));
        Assert.Equal([c, b], RequestIds(await ListAsync(App, client, $"payer={payer2.Address.ToString().ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal)}")));
        Assert.Equal([c, a], RequestIds(await ListAsync(App, client, "resource=FORECAST")));
        Assert.Equal([b, a], RequestIds(await ListAsync(App, client, "resource=shop.example.com/api")));
        Assert.Equal([c], RequestIds(await ListAsync(App, client, "valid=false")));
        Assert.Equal([b], RequestIds(await ListAsync(App, client, $"valid=true&payer={payer2.Address}")));
        Assert.Equal([c, b, a], RequestIds(await ListAsync(App, client, "operation=verify")));
        Assert.Empty(RequestIds(await ListAsync(App, client, "operation=SETTLE")));
        Assert.Empty(RequestIds(await ListAsync(App, client, "resource=%25")));
    }

    [Fact]
    public async Task ListPayments_Pages_NewestFirstWithTheTotal()
    {
        var client = App.ClientFor(await App.CreateMerchantAsync());
        var sent = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            sent.Add((await VerifyAsync(client, NewPayment(chain).V2())).GetProperty("requestId").GetString()!);
        }
        sent.Reverse();

        var pages = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            var json = await ListAsync(App, client, $"page={page}&pageSize=2");
            Assert.Equal(5, json.GetProperty("total").GetInt32());
            Assert.Equal(page, json.GetProperty("page").GetInt32());
            Assert.Equal(2, json.GetProperty("pageSize").GetInt32());
            Assert.StartsWith("req_", json.GetProperty("requestId").GetString());
            pages.AddRange(RequestIds(json));
        }
        Assert.Equal(sent, pages);
        Assert.Empty(RequestIds(await ListAsync(App, client, "page=4&pageSize=2")));
    }

    [Fact]
    public async Task ListPayments_AnotherMerchantsAnswers_Invisible()
    {
        var a = App.ClientFor(await App.CreateMerchantAsync("Merchant A"));
        var b = App.ClientFor(await App.CreateMerchantAsync("Merchant B"));
        var payment = NewPayment(chain);
        var ofA = (await VerifyAsync(a, payment.V2())).GetProperty("requestId").GetString()!;

        Assert.Equal([ofA], RequestIds(await ListAsync(App, a)));
        Assert.Equal(0, (await ListAsync(App, b)).GetProperty("total").GetInt32());
        Assert.Equal(0, (await ListAsync(App, b, $"requestId={ofA}")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await ListAsync(App, b, $"payer={payment.Payer.Address}")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Verify_ManyAtOnce_EveryAnswerLoggedOnce()
    {
        var client = App.ClientFor(await App.CreateMerchantAsync());
        var answers = await Task.WhenAll(Enumerable.Range(0, 120).Select(i => VerifyAsync(client, NewPayment(chain, payer: i % 3).V2())));

        var logged = await ListAsync(App, client, "pageSize=200");
        Assert.Equal(120, logged.GetProperty("total").GetInt32());
        Assert.Equal(answers.Select(a => a.GetProperty("requestId").GetString()).Order(), RequestIds(logged).Order());
    }

    [Theory]
    [InlineData("payer=nonsense")]
    [InlineData("payer=0x1234")]
    [InlineData("operation=refund")]
    [InlineData("valid=maybe")]
    [InlineData("from=yesterday")]
    [InlineData("from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z")]
    [InlineData("page=one")]
    [InlineData("requestId=req_0123456789012345678901234567890123456789")]
    public async Task ListPayments_MalformedFilter_BadRequestProblemWithRequestId(string query)
    {
        var client = App.ClientFor(await App.CreateMerchantAsync());
        using var response = await client.GetAsync($"/api/v1/payments?{query}");
        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ListPayments_WithoutKeyOrScope_Refused()
    {
        using var anonymous = App.CreateClient();
        using (var response = await anonymous.GetAsync("/api/v1/payments"))
        {
            await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        }
        var facilitatorOnly = App.ClientFor(await App.CreateMerchantAsync(scopes: Core.ApiKeys.ApiKeyScopes.Facilitator));
        using (var response = await facilitatorOnly.GetAsync("/api/v1/payments"))
        {
            await AssertProblemAsync(response, HttpStatusCode.Forbidden);
        }
    }
}
