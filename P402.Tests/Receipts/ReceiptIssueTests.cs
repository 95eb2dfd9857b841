using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using P402.Tests.Infrastructure;
using static P402.Tests.Receipts.ReceiptApi;

namespace P402.Tests.Receipts;

/// <summary>POST /api/v1/receipts on the real app: only a confirmed settlement of the caller's merchant, once per settlement.</summary>
public sealed class ReceiptIssueTests(P402AppFixture fixture) : IClassFixture<P402AppFixture>, IAsyncLifetime
{
    private AnvilChainFixture Chain => fixture.Chain;

    private P402AppFactory App => fixture.App;

    private HttpClient _client = null!;

    public async Task InitializeAsync() => (_, _client) = await fixture.NewMerchantAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Issue_ConfirmedSettlement_CreatesActiveReceiptForThePaymentsResource()
    {
        var settle = await _client.SettleConfirmedAsync(Chain, resource: "HTTPS://API.Example.com:443/weather/?city=Oslo");
        var settlementId = settle.GetProperty("settlementId").GetString()!;

        var response = await _client.PostAsync("/api/v1/receipts", JsonContent(new JsonObject { ["settlementId"] = settlementId, ["ttlSeconds"] = 600 }));
        var receipt = await ReadAsync(response);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/v1/receipts/{receipt.Id()}", response.Headers.Location?.OriginalString);
        Assert.Matches("^rcpt_[0-9A-HJKMNP-TV-Z]{26}$", receipt.Id());
        Assert.Equal(settlementId, receipt.GetProperty("settlementId").GetString());
        Assert.Equal("https://api.example.com/weather?city=Oslo", receipt.GetProperty("resource").GetString());
        Assert.Equal(settle.GetProperty("payer").GetString()!.ToLowerInvariant(), receipt.GetProperty("payer").GetString());
        Assert.Equal(0, receipt.ReuseCount());
        Assert.Equal("active", receipt.GetProperty("state").GetString());
        Assert.False(receipt.TryGetProperty("revokedAt", out _));
        var createdAt = DateTime.Parse(receipt.GetProperty("createdAt").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        var expiresAt = DateTime.Parse(receipt.GetProperty("expiresAt").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        Assert.Equal(DateTimeKind.Utc, expiresAt.Kind);
        Assert.InRange((expiresAt - createdAt).TotalSeconds, 600, 601);
        Assert.Equal(0, expiresAt.Ticks % TimeSpan.TicksPerSecond);
    }

    [Fact]
    public async Task Issue_SameSettlementTwice_ReturnsTheSameReceiptWith200()
    {
        var settle = await _client.SettleConfirmedAsync(Chain);
        var body = new JsonObject { ["settlementId"] = settle.GetProperty("settlementId").GetString() };

        var (firstStatus, first) = await IssueAsync(_client, body);
        var (secondStatus, second) = await IssueAsync(_client, new JsonObject { ["settlementId"] = body["settlementId"]!.GetValue<string>(), ["ttlSeconds"] = 5 });
        var (byHashStatus, byHash) = await IssueAsync(_client, new JsonObject { ["txHash"] = settle.GetProperty("txHash").GetString()!.ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal) });

        Assert.Equal(HttpStatusCode.Created, firstStatus);
        Assert.Equal(HttpStatusCode.OK, secondStatus);
        Assert.Equal(HttpStatusCode.OK, byHashStatus);
        Assert.Equal(first.Id(), second.Id());
        Assert.Equal(first.Id(), byHash.Id());
        Assert.Equal(first.GetProperty("expiresAt").GetString(), second.GetProperty("expiresAt").GetString());
    }

    [Fact]
    public async Task Issue_ByTxHash_Creates()
    {
        var settle = await _client.SettleConfirmedAsync(Chain, payer: 1);
        var (status, receipt) = await IssueAsync(_client, new JsonObject { ["txHash"] = settle.GetProperty("txHash").GetString() });
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(settle.GetProperty("settlementId").GetString(), receipt.GetProperty("settlementId").GetString());
    }

    [Fact]
    public async Task Issue_ConcurrentlyForOneSettlement_OneReceiptOneCreated()
    {
        var settle = await _client.SettleConfirmedAsync(Chain, payer: 2);
        var body = new JsonObject { ["settlementId"] = settle.GetProperty("settlementId").GetString() };

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => IssueAsync(_client, body)));

        Assert.Single(answers, a => a.Status == HttpStatusCode.Created);
        Assert.All(answers, a => Assert.Contains(a.Status, new[] { HttpStatusCode.Created, HttpStatusCode.OK }));
        Assert.Single(answers.Select(a => a.Body.Id()).Distinct());
    }

    [Fact]
    public async Task Issue_WithExplicitResource_ScopesToThatResourceNormalised()
    {
        var settle = await _client.SettleConfirmedAsync(Chain);
        var (status, receipt) = await IssueAsync(_client, new JsonObject
        {
            ["settlementId"] = settle.GetProperty("settlementId").GetString(),
            ["resource"] = "https://API.example.com/forecast/#today",
        });
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("https://api.example.com/forecast", receipt.GetProperty("resource").GetString());
    }

    [Fact]
    public async Task Issue_WithoutTtl_UsesTheMerchantsDefault()
    {
        var receipt = await NewReceiptAsync(_client, Chain);
        var createdAt = receipt.GetProperty("createdAt").GetDateTime();
        var expiresAt = receipt.GetProperty("expiresAt").GetDateTime();
        Assert.InRange((expiresAt - createdAt).TotalSeconds, 3_600, 3_601);
    }

    [Fact]
    public async Task Issue_AnotherMerchantsSettlement_404AndNoReceipt()
    {
        var settle = await _client.SettleConfirmedAsync(Chain);
        var other = App.ClientFor(await App.CreateMerchantAsync("Other"));

        var byId = await other.PostAsync("/api/v1/receipts", JsonContent(new JsonObject { ["settlementId"] = settle.GetProperty("settlementId").GetString() }));
        var byHash = await other.PostAsync("/api/v1/receipts", JsonContent(new JsonObject { ["txHash"] = settle.GetProperty("txHash").GetString() }));

        Assert.Equal("SETTLEMENT_NOT_FOUND", (await AssertProblemAsync(byId, HttpStatusCode.NotFound)).GetProperty("reason").GetString());
        await AssertProblemAsync(byHash, HttpStatusCode.NotFound);
        var (status, _) = await IssueAsync(_client, new JsonObject { ["settlementId"] = settle.GetProperty("settlementId").GetString() });
        Assert.Equal(HttpStatusCode.Created, status);
    }

    [Theory]
    [InlineData("{\"settlementId\":\"stl_01JZZZZZZZZZZZZZZZZZZZZZZZ\"}")]
    [InlineData("{\"txHash\":\"0x1111111111111111111111111111111111111111111111111111111111111111\"}")]
    public async Task Issue_UnknownSettlement_404ProblemWithRequestId(string body)
    {
        var response = await _client.PostAsync("/api/v1/receipts", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var problem = await AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("SETTLEMENT_NOT_FOUND", problem.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Issue_IdAndHashOfDifferentSettlements_404()
    {
        var first = await _client.SettleConfirmedAsync(Chain);
        var second = await _client.SettleConfirmedAsync(Chain, payer: 1);
        var response = await _client.PostAsync("/api/v1/receipts", JsonContent(new JsonObject
        {
            ["settlementId"] = first.GetProperty("settlementId").GetString(),
            ["txHash"] = second.GetProperty("txHash").GetString(),
        }));
        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    private static StringContent JsonContent(JsonObject body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    private static async Task<System.Text.Json.JsonElement> ReadAsync(HttpResponseMessage response) =>
        System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
