using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using P402.Core.ApiKeys;
using P402.Tests.Infrastructure;
using static P402.Tests.Receipts.ReceiptApi;

namespace P402.Tests.Receipts;

/// <summary>Malformed ids, TTLs, resources and bodies: 400/404 problem+json with requestId, and nothing issued or counted.</summary>
public sealed class ReceiptBadInputTests(P402AppFixture fixture) : IClassFixture<P402AppFixture>, IAsyncLifetime
{
    private AnvilChainFixture Chain => fixture.Chain;

    private P402AppFactory App => fixture.App;

    private HttpClient _client = null!;
    private string _settlementId = null!;

    public async Task InitializeAsync()
    {
        (_, _client) = await fixture.NewMerchantAsync();
        _settlementId = (await _client.SettleConfirmedAsync(Chain)).GetProperty("settlementId").GetString()!;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("-9223372036854775808")]
    [InlineData("2592001")]                  // one second above the standard maximum (30 days)
    [InlineData("31536000")]                 // 365 days
    [InlineData("9223372036854775807")]
    public async Task Issue_TtlOutOfRange_400InvalidTtlAndNothingIssued(string ttl)
    {
        var response = await PostAsync($"{{\"settlementId\":\"{_settlementId}\",\"ttlSeconds\":{ttl}}}");

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("INVALID_TTL", problem.GetProperty("reason").GetString());
        Assert.Contains("2592000", problem.GetProperty("detail").GetString());
        await AssertNoReceiptYetAsync();
    }

    [Theory]
    [InlineData("1e30")]
    [InlineData("99999999999999999999")]
    [InlineData("1.5")]
    [InlineData("\"60\"")]
    [InlineData("true")]
    public async Task Issue_TtlNotAWholeNumber_400(string ttl)
    {
        var response = await PostAsync($"{{\"settlementId\":\"{_settlementId}\",\"ttlSeconds\":{ttl}}}");
        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("ttlSeconds", problem.GetProperty("detail").GetString());
        await AssertNoReceiptYetAsync();
    }

    [Theory]
    [InlineData("{\"settlementId\":\"stl_123\"}")]
    [InlineData("{\"settlementId\":\"rcpt_01JZZZZZZZZZZZZZZZZZZZZZZZ\"}")]
    [InlineData("{\"settlementId\":\"stl_01JZZZZZZZZZZZZZZZZZZZZZZU\"}")]
    [InlineData("{\"settlementId\":\"\"}")]
    [InlineData("{\"txHash\":\"0x1234\"}")]
    [InlineData("{\"txHash\":\"0xZZ11111111111111111111111111111111111111111111111111111111111111\"}")]
    [InlineData("{\"txHash\":\"1111111111111111111111111111111111111111111111111111111111111111\"}")]
    [InlineData("{}")]
    [InlineData("{\"ttlSeconds\":60}")]
    public async Task Issue_MalformedSettlementReference_400(string body)
    {
        var problem = await AssertProblemAsync(await PostAsync(body), HttpStatusCode.BadRequest);
        Assert.Equal("INVALID_SETTLEMENT_REFERENCE", problem.GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData("/weather")]
    [InlineData("weather")]
    [InlineData("ftp://api.example.com/weather")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://")]
    [InlineData("")]
    public async Task Issue_ResourceNotAnAbsoluteHttpUrl_400InvalidResource(string resource)
    {
        var body = new JsonObject { ["settlementId"] = _settlementId, ["resource"] = resource };
        var problem = await AssertProblemAsync(await PostAsync(body.ToJsonString()), HttpStatusCode.BadRequest);
        Assert.Equal("INVALID_RESOURCE", problem.GetProperty("reason").GetString());
        await AssertNoReceiptYetAsync();
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("{\"settlementId\":42}")]
    public async Task Issue_BodyNotAnIssueRequest_400(string body) =>
        await AssertProblemAsync(await PostAsync(body), HttpStatusCode.BadRequest);

    [Theory]
    [InlineData("rcpt_nope")]
    [InlineData("rcpt_01JZZZZZZZZZZZZZZZZZZZZZZZ")]
    [InlineData("stl_01JZZZZZZZZZZZZZZZZZZZZZZZ")]
    [InlineData("%20")]
    public async Task GetAndRevoke_MalformedOrUnknownId_404Problem(string id)
    {
        await AssertProblemAsync(await _client.GetAsync($"/api/v1/receipts/{id}"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await _client.PostAsync($"/api/v1/receipts/{id}/revoke", null), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("rcpt_nope")]
    [InlineData("rcpt_01JZZZZZZZZZZZZZZZZZZZZZZZ")]
    [InlineData("RCPT_01JZZZZZZZZZZZZZZZZZZZZZZZ")]
    public async Task Verify_MalformedOrUnknownId_ReceiptNotFound(string id)
    {
        var answer = await VerifyAsync(_client, id);
        Assert.False(answer.GetProperty("valid").GetBoolean());
        Assert.Equal("RECEIPT_NOT_FOUND", answer.GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/weather")]
    [InlineData("api.example.com/weather")]
    [InlineData("ftp://api.example.com/weather")]
    public async Task Verify_ResourceNotAnAbsoluteHttpUrl_400AndNotCounted(string? resource)
    {
        var settlement = (await _client.SettleConfirmedAsync(Chain, payer: 1)).GetProperty("settlementId").GetString();
        var (_, receipt) = await IssueAsync(_client, new JsonObject { ["settlementId"] = settlement });
        var query = resource is null ? "" : $"?resource={Uri.EscapeDataString(resource)}";

        var response = await _client.GetAsync($"/api/v1/receipts/{receipt.Id()}/verify{query}");

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("INVALID_RESOURCE", problem.GetProperty("reason").GetString());
        Assert.Equal(0, (await GetAsync(_client, receipt.Id())).ReuseCount());
    }

    [Theory]
    [InlineData("state=bogus")]
    [InlineData("state=1")]
    [InlineData("state=99")]
    [InlineData("page=abc")]
    [InlineData("pageSize=1.5")]
    public async Task List_MalformedQuery_400Problem(string query) =>
        await AssertProblemAsync(await _client.GetAsync($"/api/v1/receipts?{query}"), HttpStatusCode.BadRequest);

    [Fact]
    public async Task Endpoints_WithoutKeyOrScope_401And403Problems()
    {
        var anonymous = App.CreateClient();
        await AssertProblemAsync(await anonymous.GetAsync("/api/v1/receipts"), HttpStatusCode.Unauthorized);
        var unknownKey = App.CreateClient();
        unknownKey.DefaultRequestHeaders.Authorization = new("Bearer", "p402_test_" + new string('x', 43));
        await AssertProblemAsync(await unknownKey.GetAsync($"/api/v1/receipts/rcpt_01JZZZZZZZZZZZZZZZZZZZZZZZ/verify?resource={Resource}"), HttpStatusCode.Unauthorized);
        var readOnly = App.ClientFor(await App.CreateMerchantAsync("Reader", ApiKeyScopes.Read));
        await AssertProblemAsync(await readOnly.GetAsync($"/api/v1/receipts/rcpt_01JZZZZZZZZZZZZZZZZZZZZZZZ/verify?resource={Resource}"), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await readOnly.PostAsync("/api/v1/receipts", new StringContent("{}", Encoding.UTF8, "application/json")), HttpStatusCode.Forbidden);
    }

    private Task<HttpResponseMessage> PostAsync(string body) =>
        _client.PostAsync("/api/v1/receipts", new StringContent(body, Encoding.UTF8, "application/json"));

    private async Task AssertNoReceiptYetAsync()
    {
        var list = await _client.GetStringAsync("/api/v1/receipts");
        Assert.Equal(0, JsonDocument.Parse(list).RootElement.GetProperty("total").GetInt32());
    }
}
