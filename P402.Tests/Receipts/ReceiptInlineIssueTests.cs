using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using P402.Tests.Infrastructure;
using static P402.Tests.Receipts.ReceiptApi;

namespace P402.Tests.Receipts;

/// <summary>/settle with <c>receipt: {ttlSeconds}</c> issues the receipt inline, or says why it could not.</summary>
public sealed class ReceiptInlineIssueTests(P402AppFixture fixture) : IClassFixture<P402AppFixture>, IAsyncLifetime
{
    private HttpClient _client = null!;

    private AnvilChainFixture Chain => fixture.Chain;

    public async Task InitializeAsync() => (_, _client) = await fixture.NewMerchantAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Settle_V2WithReceipt_ReturnsActiveReceiptForPayloadResource()
    {
        var payment = Chain.NewPayment(resource: "https://API.example.com/weather/");
        var settle = await _client.SettleAsync(payment, Ask(900));

        Assert.True(settle.GetProperty("success").GetBoolean(), settle.ToString());
        Assert.False(settle.TryGetProperty("receiptError", out _));
        var receipt = settle.GetProperty("receipt");
        Assert.Equal(settle.GetProperty("settlementId").GetString(), receipt.GetProperty("settlementId").GetString());
        Assert.Equal(Resource, receipt.GetProperty("resource").GetString());
        Assert.Equal("active", receipt.GetProperty("state").GetString());
        receipt.AssertTtl(900);

        Assert.Equal(receipt.Id(), (await GetAsync(_client, receipt.Id())).Id());
        Assert.Equal(1, (await VerifyAsync(_client, receipt.Id())).ReuseCount());
    }

    [Fact]
    public async Task Settle_V1WithReceipt_ScopedToRequirementsResource()
    {
        var payment = Chain.NewPayment(payer: 1, resource: "https://api.example.com/v1/quote?symbol=ETH");
        var settle = await _client.SettleAsync(payment, Ask(60), v1: true);

        Assert.True(settle.GetProperty("success").GetBoolean(), settle.ToString());
        var receipt = settle.GetProperty("receipt");
        Assert.Equal("https://api.example.com/v1/quote?symbol=ETH", receipt.GetProperty("resource").GetString());
        Assert.True((await VerifyAsync(_client, receipt.Id(), "https://api.example.com/v1/quote?symbol=ETH")).GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task Settle_WithoutTtl_ReceiptGetsMerchantDefault()
    {
        var settle = await _client.SettleAsync(Chain.NewPayment(), new JsonObject { ["receipt"] = new JsonObject() });
        var receipt = settle.GetProperty("receipt");
        receipt.AssertTtl(3_600);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(2_592_001)]
    public async Task Settle_WithBadTtl_SettlesAndSaysWhyThereIsNoReceipt(long ttl)
    {
        var settle = await _client.SettleAsync(Chain.NewPayment(payer: 2), Ask(ttl));

        Assert.True(settle.GetProperty("success").GetBoolean(), settle.ToString());
        Assert.False(settle.TryGetProperty("receipt", out _));
        var error = settle.GetProperty("receiptError");
        Assert.Equal("INVALID_TTL", error.GetProperty("reason").GetString());
        Assert.Contains("ttlSeconds", error.GetProperty("message").GetString());

        var (status, _) = await IssueAsync(_client, new JsonObject { ["settlementId"] = settle.GetProperty("settlementId").GetString() });
        Assert.Equal(HttpStatusCode.Created, status);
    }

    [Fact]
    public async Task Settle_WithoutReceiptRequest_NoReceiptNoError()
    {
        var settle = await _client.SettleAsync(Chain.NewPayment());
        Assert.True(settle.GetProperty("success").GetBoolean());
        Assert.False(settle.TryGetProperty("receipt", out _));
        Assert.False(settle.TryGetProperty("receiptError", out _));
    }

    [Fact]
    public async Task Settle_SamePaymentAgainWithReceipt_ReplayDetectedAndNoSecondReceipt()
    {
        var payment = Chain.NewPayment();
        var first = await _client.SettleAsync(payment, Ask(120));
        var again = await _client.SettleAsync(payment, Ask(300));

        Assert.True(first.GetProperty("success").GetBoolean(), first.ToString());
        Assert.False(again.GetProperty("success").GetBoolean(), again.ToString());
        Assert.Equal("REPLAY_DETECTED", again.GetProperty("reason").GetString());
        Assert.Equal(first.GetProperty("transaction").GetString(), again.GetProperty("transaction").GetString());
        Assert.Equal(first.GetProperty("settlementId").GetString(), again.GetProperty("settlementId").GetString());
        Assert.False(again.TryGetProperty("receipt", out _), again.ToString());
        Assert.Equal(1, await ReceiptCountAsync());
    }

    [Fact]
    public async Task Settle_SamePaymentAndPaymentIdAgainWithReceipt_SameAnswerAndSameReceipt()
    {
        var payment = Chain.NewPayment() with { PaymentId = PaymentIds.New() };
        var first = await _client.SettleAsync(payment, Ask(120));
        var again = await _client.SettleAsync(payment, Ask(300));

        Assert.True(again.GetProperty("success").GetBoolean(), again.ToString());
        Assert.Equal(first.GetProperty("settlementId").GetString(), again.GetProperty("settlementId").GetString());
        Assert.Equal(first.GetProperty("receipt").Id(), again.GetProperty("receipt").Id());
        Assert.Equal(first.GetProperty("receipt").GetProperty("expiresAt").GetString(), again.GetProperty("receipt").GetProperty("expiresAt").GetString());
        Assert.Equal(1, await ReceiptCountAsync());
    }

    [Fact]
    public async Task Settle_ReceiptTtlNotANumber_400BeforeAnythingMoves()
    {
        var payment = Chain.NewPayment();
        var body = payment.V2();
        body["receipt"] = new JsonObject { ["ttlSeconds"] = "soon" };
        var response = await _client.PostAsync("/settle", new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(0, await Chain.BalanceOfUsdcAsync(payment.PayTo));
    }

    private async Task<int> ReceiptCountAsync() =>
        (await _client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/receipts")).GetProperty("total").GetInt32();

    private static JsonObject Ask(long ttlSeconds) => new() { ["receipt"] = new JsonObject { ["ttlSeconds"] = ttlSeconds } };
}
