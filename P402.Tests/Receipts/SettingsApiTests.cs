using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using P402.Core.ApiKeys;
using P402.Tests.Infrastructure;
using static P402.Tests.Receipts.ReceiptApi;

namespace P402.Tests.Receipts;

/// <summary>GET/PUT /api/v1/settings: receipt TTLs (and gas limits) validated, in force for the next issue.</summary>
public sealed class SettingsApiTests(P402AppFixture fixture) : IClassFixture<P402AppFixture>, IAsyncLifetime
{
    private HttpClient _client = null!;

    public async Task InitializeAsync() => (_, _client) = await fixture.NewMerchantAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Get_NewMerchant_StandardSettings()
    {
        var settings = await _client.GetFromJsonAsync<JsonElement>("/api/v1/settings");
        Assert.Equal(["defaultReceiptTtlSeconds", "gasPriceLimitWei", "maxGasGuide", "maxGasPerSettlement", "maxReceiptTtlSeconds", "requestId"], settings.Keys());
        var guide = settings.GetProperty("maxGasGuide");
        Assert.Equal(85_700, guide.GetProperty("usdcTransfer").GetInt64());
        Assert.Equal(102_800, guide.GetProperty("usdcTransferToNewPayTo").GetInt64());
        Assert.Contains("refuses, before sending anything", guide.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Equal("50000000000", settings.GetProperty("gasPriceLimitWei").GetString());
        Assert.Equal(150_000, settings.GetProperty("maxGasPerSettlement").GetInt64());
        Assert.Equal(3_600, settings.GetProperty("defaultReceiptTtlSeconds").GetInt32());
        Assert.Equal(2_592_000, settings.GetProperty("maxReceiptTtlSeconds").GetInt32());
    }

    [Fact]
    public async Task Put_ReceiptTtls_SavedAndUsedByTheNextIssue()
    {
        var saved = await PutAsync("{\"defaultReceiptTtlSeconds\":120,\"maxReceiptTtlSeconds\":600}");
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var settings = await _client.GetFromJsonAsync<JsonElement>("/api/v1/settings");
        Assert.Equal(120, settings.GetProperty("defaultReceiptTtlSeconds").GetInt32());
        Assert.Equal(600, settings.GetProperty("maxReceiptTtlSeconds").GetInt32());
        Assert.Equal("50000000000", settings.GetProperty("gasPriceLimitWei").GetString());

        var receipt = await NewReceiptAsync(_client, fixture.Chain);
        receipt.AssertTtl(120);
        var settle = await _client.SettleConfirmedAsync(fixture.Chain, payer: 1);
        var (status, tooLong) = await IssueAsync(_client, new JsonObject { ["settlementId"] = settle.GetProperty("settlementId").GetString(), ["ttlSeconds"] = 601 });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("INVALID_TTL", tooLong.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Put_GasPriceLimitAsString_Saved()
    {
        var saved = await (await PutAsync("{\"gasPriceLimitWei\":\"70000000000\",\"maxGasPerSettlement\":200000}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("70000000000", saved.GetProperty("gasPriceLimitWei").GetString());
        Assert.Equal(200_000, saved.GetProperty("maxGasPerSettlement").GetInt64());
    }

    [Theory]
    [InlineData("{\"defaultReceiptTtlSeconds\":0}", "defaultReceiptTtlSeconds")]
    [InlineData("{\"defaultReceiptTtlSeconds\":-1}", "defaultReceiptTtlSeconds")]
    [InlineData("{\"maxReceiptTtlSeconds\":0}", "maxReceiptTtlSeconds,defaultReceiptTtlSeconds")]
    [InlineData("{\"defaultReceiptTtlSeconds\":7200,\"maxReceiptTtlSeconds\":3600}", "defaultReceiptTtlSeconds")]
    [InlineData("{\"maxReceiptTtlSeconds\":31536001}", "maxReceiptTtlSeconds")]
    [InlineData("{\"maxReceiptTtlSeconds\":9223372036854775807}", "maxReceiptTtlSeconds")]
    [InlineData("{\"defaultReceiptTtlSeconds\":-9223372036854775808}", "defaultReceiptTtlSeconds")]
    [InlineData("{\"maxReceiptTtlSeconds\":1e30}", "maxReceiptTtlSeconds")]
    [InlineData("{\"maxReceiptTtlSeconds\":1.5}", "maxReceiptTtlSeconds")]
    [InlineData("{\"maxReceiptTtlSeconds\":\"3600\"}", "maxReceiptTtlSeconds")]
    [InlineData("{\"gasPriceLimitWei\":0,\"maxGasPerSettlement\":5}", "gasPriceLimitWei,maxGasPerSettlement")]
    [InlineData("{\"gasPriceLimitWei\":\"-1\"}", "gasPriceLimitWei")]
    [InlineData("{\"gasPriceLimitWei\":\"10000000000001\"}", "gasPriceLimitWei")]
    public async Task Put_InvalidSettings_400WithErrorsPerFieldAndNothingSaved(string body, string fields)
    {
        var problem = await AssertProblemAsync(await PutAsync(body), HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        Assert.Equal(fields.Split(',').Order(StringComparer.Ordinal), errors.Keys());
        Assert.All(errors.EnumerateObject(), e => Assert.False(string.IsNullOrEmpty(e.Value[0].GetString())));
        var settings = await _client.GetFromJsonAsync<JsonElement>("/api/v1/settings");
        Assert.Equal(3_600, settings.GetProperty("defaultReceiptTtlSeconds").GetInt32());
        Assert.Equal(2_592_000, settings.GetProperty("maxReceiptTtlSeconds").GetInt32());
        Assert.Equal("50000000000", settings.GetProperty("gasPriceLimitWei").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("{")]
    public async Task Put_NotAJsonObject_400(string body) =>
        await AssertProblemAsync(await PutAsync(body), HttpStatusCode.BadRequest);

    [Fact]
    public async Task Settings_Scopes_ReadToGetSettingsToPut()
    {
        var reader = fixture.App.ClientFor(await fixture.App.CreateMerchantAsync("Reader", ApiKeyScopes.Read));
        var receiptsOnly = fixture.App.ClientFor(await fixture.App.CreateMerchantAsync("Receipts", ApiKeyScopes.Receipts));
        var settingsOnly = fixture.App.ClientFor(await fixture.App.CreateMerchantAsync("Settings", ApiKeyScopes.Settings));

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v1/settings")).StatusCode);
        await AssertProblemAsync(await Put(reader, "{\"defaultReceiptTtlSeconds\":60}"), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await receiptsOnly.GetAsync("/api/v1/settings"), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await Put(receiptsOnly, "{\"defaultReceiptTtlSeconds\":60}"), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await Put(settingsOnly, "{\"defaultReceiptTtlSeconds\":60}")).StatusCode);
        await AssertProblemAsync(await fixture.App.CreateClient().GetAsync("/api/v1/settings"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task OpenApi_DescribesTheReceiptAndSettingsOperations()
    {
        var document = await fixture.App.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(o => o.Value.ValueKind == JsonValueKind.Object && o.Value.TryGetProperty("operationId", out _)))
            .Select(o => o.Value.GetProperty("operationId").GetString())
            .ToHashSet();
        Assert.Superset(new HashSet<string?> { "IssueReceipt", "ListReceipts", "GetReceipt", "VerifyReceipt", "RevokeReceipt", "GetSettings", "UpdateSettings" }, operations);
    }

    private Task<HttpResponseMessage> PutAsync(string body) => Put(_client, body);

    private static Task<HttpResponseMessage> Put(HttpClient client, string body) =>
        client.PutAsync("/api/v1/settings", new StringContent(body, Encoding.UTF8, "application/json"));
}
