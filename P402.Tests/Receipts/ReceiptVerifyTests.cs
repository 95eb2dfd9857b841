using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using P402.Tests.Infrastructure;
using static P402.Tests.Receipts.ReceiptApi;

namespace P402.Tests.Receipts;

/// <summary>GET /api/v1/receipts/{id}/verify: the exact answer shapes, each reason on purpose, and what counts a reuse.</summary>
public sealed class ReceiptVerifyTests(P402AppFixture fixture) : IClassFixture<P402AppFixture>, IAsyncLifetime
{
    private static readonly string[] ValidKeys = ["expiresAt", "payer", "requestId", "resource", "reuseCount", "valid"];
    private static readonly string[] InvalidKeys = ["message", "reason", "requestId", "valid"];

    private HttpClient _client = null!;

    private AnvilChainFixture Chain => fixture.Chain;

    public async Task InitializeAsync() => (_, _client) = await fixture.NewMerchantAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Verify_ActiveReceipt_AnswersExactlyTheValidShapeAndCountsOne()
    {
        var settle = await _client.SettleConfirmedAsync(Chain);
        var (_, receipt) = await IssueAsync(_client, new JsonObject { ["settlementId"] = settle.GetProperty("settlementId").GetString(), ["ttlSeconds"] = 3_600 });

        var response = await _client.GetAsync($"/api/v1/receipts/{receipt.Id()}/verify?resource={Uri.EscapeDataString(Resource)}");
        var text = await response.Content.ReadAsStringAsync();
        var answer = JsonDocument.Parse(text).RootElement;

        Assert.Equal(ValidKeys, answer.Keys());
        Assert.True(answer.GetProperty("valid").GetBoolean());
        Assert.Equal(1, answer.ReuseCount());
        Assert.Matches("\"expiresAt\":\"\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z\"", text);
        Assert.Equal(receipt.GetProperty("expiresAt").GetString(), answer.GetProperty("expiresAt").GetString());
        Assert.Equal(Resource, answer.GetProperty("resource").GetString());
        var settlement = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/settlements/{settle.GetProperty("settlementId").GetString()}");
        Assert.Matches("^0x[0-9a-f]{40}$", answer.GetProperty("payer").GetString());
        Assert.Equal(settlement.GetProperty("payer").GetString(), answer.GetProperty("payer").GetString());
        Assert.Equal(receipt.GetProperty("payer").GetString(), answer.GetProperty("payer").GetString());
        Assert.Equal(response.Headers.GetValues("Request-Id").Single(), answer.GetProperty("requestId").GetString());
        Assert.StartsWith("req_", answer.GetProperty("requestId").GetString());

        Assert.Equal(2, (await VerifyAsync(_client, receipt.Id())).ReuseCount());
        Assert.Equal(2, (await GetAsync(_client, receipt.Id())).ReuseCount());
    }

    [Theory]
    [InlineData("HTTPS://API.EXAMPLE.COM:443/weather/")]
    [InlineData("https://api.example.com/weather#today")]
    [InlineData("https://api.example.com/weather?")]
    [InlineData("https://user@api.example.com/weather")]
    public async Task Verify_SameResourceWrittenDifferently_Valid(string resource)
    {
        var receipt = await NewReceiptAsync(_client, Chain);
        var answer = await VerifyAsync(_client, receipt.Id(), resource);
        Assert.True(answer.GetProperty("valid").GetBoolean(), answer.ToString());
        Assert.Equal(Resource, answer.GetProperty("resource").GetString());
    }

    [Theory]
    [InlineData("https://api.example.com/weather/today")]
    [InlineData("https://api.example.com/Weather")]
    [InlineData("https://api.example.com/weather?city=Oslo")]
    [InlineData("http://api.example.com/weather")]
    [InlineData("https://api.example.com:8443/weather")]
    [InlineData("https://other.example.com/weather")]
    [InlineData("https://api.example.com/")]
    public async Task Verify_OtherResource_ResourceMismatchNotCounted(string resource)
    {
        var receipt = await NewReceiptAsync(_client, Chain);
        await VerifyAsync(_client, receipt.Id());

        await AssertInvalidAsync(receipt.Id(), resource, "RECEIPT_RESOURCE_MISMATCH");
        Assert.Equal(1, (await GetAsync(_client, receipt.Id())).ReuseCount());
    }

    [Fact]
    public async Task Verify_QueryOrderDiffers_ResourceMismatch()
    {
        var receipt = await NewReceiptAsync(_client, Chain, resource: "https://api.example.com/search?a=1&b=2");
        Assert.True((await VerifyAsync(_client, receipt.Id(), "https://api.example.com/search?a=1&b=2")).GetProperty("valid").GetBoolean());
        await AssertInvalidAsync(receipt.Id(), "https://api.example.com/search?b=2&a=1", "RECEIPT_RESOURCE_MISMATCH");
    }

    [Fact]
    public async Task Verify_RevokedReceipt_RevokedNotCounted()
    {
        var receipt = await NewReceiptAsync(_client, Chain);
        await VerifyAsync(_client, receipt.Id());
        await RevokeAsync(_client, receipt.Id());

        await AssertInvalidAsync(receipt.Id(), Resource, "RECEIPT_REVOKED");
        await AssertInvalidAsync(receipt.Id(), "https://api.example.com/other", "RECEIPT_REVOKED");
        Assert.Equal(1, (await GetAsync(_client, receipt.Id())).ReuseCount());
    }

    [Fact]
    public async Task Verify_AnotherMerchantsReceipt_NotFoundAndUntouched()
    {
        var receipt = await NewReceiptAsync(_client, Chain);
        var (_, other) = await fixture.NewMerchantAsync("Other");

        var answer = await VerifyAsync(other, receipt.Id());
        Assert.Equal(InvalidKeys, answer.Keys());
        Assert.Equal("RECEIPT_NOT_FOUND", answer.GetProperty("reason").GetString());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/receipts/{receipt.Id()}")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await other.PostAsync($"/api/v1/receipts/{receipt.Id()}/revoke", null)).StatusCode);

        var mine = await GetAsync(_client, receipt.Id());
        Assert.Equal(0, mine.ReuseCount());
        Assert.Equal("active", mine.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Verify_ShortTtlElapsed_ExpiredNotCounted()
    {
        var receipt = await NewReceiptAsync(_client, Chain, ttlSeconds: 1);
        Assert.True((await VerifyAsync(_client, receipt.Id())).GetProperty("valid").GetBoolean());

        var expiresAt = receipt.GetProperty("expiresAt").GetDateTime();
        var wait = expiresAt - DateTime.UtcNow + TimeSpan.FromMilliseconds(50);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        await AssertInvalidAsync(receipt.Id(), Resource, "RECEIPT_EXPIRED");
        var after = await GetAsync(_client, receipt.Id());
        Assert.Equal(1, after.ReuseCount());
        Assert.Equal("expired", after.GetProperty("state").GetString());
    }

    private async Task AssertInvalidAsync(string id, string resource, string reason)
    {
        var answer = await VerifyAsync(_client, id, resource);
        Assert.Equal(InvalidKeys, answer.Keys());
        Assert.False(answer.GetProperty("valid").GetBoolean());
        Assert.Equal(reason, answer.GetProperty("reason").GetString());
        Assert.False(string.IsNullOrEmpty(answer.GetProperty("message").GetString()));
        Assert.StartsWith("req_", answer.GetProperty("requestId").GetString());
    }
}
