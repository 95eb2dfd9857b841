using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using P402.Core.ApiKeys;
using P402.Core.Chain.Ethereum;
using P402.Tests.Infrastructure;
using static P402.Tests.Receipts.ReceiptApi;

namespace P402.Tests.Receipts;

/// <summary>Listing (paged, filtered), reading and revoking (idempotent, with who and when).</summary>
public sealed class ReceiptListAndRevokeTests(P402AppFixture fixture) : IClassFixture<P402AppFixture>, IAsyncLifetime
{
    private TestMerchant _merchant = null!;
    private HttpClient _client = null!;

    private AnvilChainFixture Chain => fixture.Chain;

    public async Task InitializeAsync() => (_merchant, _client) = await fixture.NewMerchantAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task List_FiltersAndPages_NewestFirst()
    {
        var a = await NewReceiptAsync(_client, Chain, payer: 0, resource: "https://api.example.com/a");
        var b = await NewReceiptAsync(_client, Chain, payer: 1, resource: "https://api.example.com/a");
        var c = await NewReceiptAsync(_client, Chain, payer: 2, resource: "https://api.example.com/b");
        await RevokeAsync(_client, c.Id());
        var (_, other) = await fixture.NewMerchantAsync("Other");
        await NewReceiptAsync(other, Chain, resource: "https://api.example.com/a");

        Assert.Equal([c.Id(), b.Id(), a.Id()], await IdsAsync(""));
        Assert.Equal([b.Id(), a.Id()], await IdsAsync("resource=" + Uri.EscapeDataString("HTTPS://API.EXAMPLE.COM/a/")));
        var payer1 = EthKey.Parse(Chain.Chain.Payers[1].PrivateKey).Address.ToString();
        Assert.Equal([b.Id()], await IdsAsync("payer=" + payer1));
        Assert.Equal([b.Id()], await IdsAsync("payer=" + payer1.ToLowerInvariant()));
        Assert.Equal([b.Id(), a.Id()], await IdsAsync("state=active"));
        Assert.Equal([c.Id()], await IdsAsync("state=REVOKED"));
        Assert.Empty(await IdsAsync("state=expired"));
        Assert.Empty(await IdsAsync("resource=" + Uri.EscapeDataString("https://api.example.com/c")));
        // Part of the URL finds it too, in any case: a person seldom has the whole URL at hand.
        Assert.Equal([b.Id(), a.Id()], await IdsAsync("resource=" + Uri.EscapeDataString("example.com/a")));
        Assert.Equal([c.Id()], await IdsAsync("resource=" + Uri.EscapeDataString("/B")));

        var first = await PageAsync("pageSize=2&page=1");
        var second = await PageAsync("pageSize=2&page=2");
        Assert.Equal((1, 2, 3), (first.GetProperty("page").GetInt32(), first.GetProperty("pageSize").GetInt32(), first.GetProperty("total").GetInt32()));
        Assert.Equal([c.Id(), b.Id()], first.GetProperty("items").EnumerateArray().Select(r => r.Id()));
        Assert.Equal([a.Id()], second.GetProperty("items").EnumerateArray().Select(r => r.Id()));
        Assert.StartsWith("req_", first.GetProperty("requestId").GetString());
        var clamped = await PageAsync("pageSize=100000&page=0");
        Assert.Equal((1, 200), (clamped.GetProperty("page").GetInt32(), clamped.GetProperty("pageSize").GetInt32()));
    }

    [Fact]
    public async Task Get_OwnReceipt_ShowsReuseCountAndState()
    {
        var receipt = await NewReceiptAsync(_client, Chain);
        await VerifyAsync(_client, receipt.Id());
        await VerifyAsync(_client, receipt.Id());

        var read = await GetAsync(_client, receipt.Id());
        Assert.Equal(2, read.ReuseCount());
        Assert.Equal("active", read.GetProperty("state").GetString());
        Assert.Equal(receipt.GetProperty("expiresAt").GetString(), read.GetProperty("expiresAt").GetString());
        Assert.EndsWith("Z", read.GetProperty("createdAt").GetString());
    }

    [Fact]
    public async Task Revoke_Twice_KeepsFirstTimeAndAuthor()
    {
        var receipt = await NewReceiptAsync(_client, Chain);
        var secondKey = await fixture.App.Services.GetRequiredService<ApiKeyService>()
            .CreateAsync(_merchant.MerchantId, "second", ApiKeyScopes.Receipts, ApiKeyMode.Test, "test", CancellationToken.None);
        var secondClient = fixture.App.ClientFor(_merchant with { ApiKeyId = secondKey.Key.Id, ApiKey = secondKey.Secret });

        var first = await RevokeAsync(_client, receipt.Id());
        var again = await RevokeAsync(secondClient, receipt.Id());

        Assert.Equal("revoked", first.GetProperty("state").GetString());
        Assert.Equal($"key:{_merchant.ApiKeyId}", first.GetProperty("revokedBy").GetString());
        var revokedAt = first.GetProperty("revokedAt").GetDateTime();
        Assert.Equal(DateTimeKind.Utc, revokedAt.Kind);
        Assert.InRange(revokedAt, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow);
        Assert.Equal(first.GetProperty("revokedAt").GetString(), again.GetProperty("revokedAt").GetString());
        Assert.Equal(first.GetProperty("revokedBy").GetString(), again.GetProperty("revokedBy").GetString());
        Assert.Equal("revoked", (await GetAsync(_client, receipt.Id())).GetProperty("state").GetString());
    }

    private async Task<JsonElement> PageAsync(string query) =>
        await _client.GetFromJsonAsync<JsonElement>($"/api/v1/receipts?{query}");

    private async Task<string[]> IdsAsync(string query) =>
        [.. (await PageAsync(query)).GetProperty("items").EnumerateArray().Select(r => r.Id())];
}
