using System.Globalization;
using System.Net;
using System.Text.Json;
using P402.Tests.Infrastructure;
using static P402.Tests.Facilitator.FacilitatorHttp;

namespace P402.Tests.Facilitator;

/// <summary>GET /api/v1/settlements: scoped to the caller's merchant (another's is 404), filtered and paged.</summary>
public sealed class SettlementQueryTests(AnvilChainFixture chain, SharedApp shared) : IClassFixture<AnvilChainFixture>, IClassFixture<SharedApp>
{
    private P402AppFactory App => shared.For(chain);

    [Fact]
    public async Task Settlements_OfAnotherMerchant_NotFoundAndNotListed()
    {
        var a = App.ClientFor(await App.CreateMerchantAsync("Merchant A"));
        var b = App.ClientFor(await App.CreateMerchantAsync("Merchant B"));
        var ofA = (await SettleAsync(a, NewPayment(chain).V2())).GetProperty("settlementId").GetString();
        var ofB = (await SettleAsync(b, NewPayment(chain, payer: 1).V2())).GetProperty("settlementId").GetString();

        Assert.Equal(ofA, (await GetJsonAsync(a, $"/api/v1/settlements/{ofA}")).GetProperty("id").GetString());
        using (var response = await b.GetAsync($"/api/v1/settlements/{ofA}"))
        {
            await AssertProblemAsync(response, HttpStatusCode.NotFound);
        }
        using (var response = await a.GetAsync($"/api/v1/settlements/{ofB}"))
        {
            await AssertProblemAsync(response, HttpStatusCode.NotFound);
        }
        using (var response = await a.GetAsync("/api/v1/settlements/stl_doesnotexist"))
        {
            await AssertProblemAsync(response, HttpStatusCode.NotFound);
        }

        Assert.Equal(new[] { ofA! }, Ids(await GetJsonAsync(a, "/api/v1/settlements")));
        Assert.Equal(new[] { ofB! }, Ids(await GetJsonAsync(b, "/api/v1/settlements")));
    }

    [Fact]
    public async Task Settle_AnotherMerchantsSettledAuthorization_ReplayDetectedAndNotRevealed()
    {
        var a = App.ClientFor(await App.CreateMerchantAsync("Merchant A"));
        var b = App.ClientFor(await App.CreateMerchantAsync("Merchant B"));
        var payment = NewPayment(chain, payer: 2);
        AssertSettled(await SettleAsync(a, payment.V2()));
        var nonce = await chain.TransactionCountAsync(chain.Chain.Facilitator.Address);

        var settle = await SettleAsync(b, payment.V2());

        Assert.False(settle.GetProperty("success").GetBoolean());
        Assert.Equal("REPLAY_DETECTED", settle.GetProperty("reason").GetString());
        Assert.Equal("", settle.GetProperty("transaction").GetString());
        Assert.False(settle.TryGetProperty("settlementId", out _), settle.ToString());
        Assert.Equal(nonce, await chain.TransactionCountAsync(chain.Chain.Facilitator.Address));
        Assert.Equal(0, (await GetJsonAsync(b, "/api/v1/settlements")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ListSettlements_FiltersAndPages_ReturnTheMatchingRowsNewestFirst()
    {
        var client = App.ClientFor(await App.CreateMerchantAsync());
        var payer0 = chain.Chain.Payers[0].Address;
        var payer1 = chain.Chain.Payers[1].Address;
        var early = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            early.Add(SettlementId(await SettleAsync(client, NewPayment(chain).V2())));
        }
        var middle = DateTime.UtcNow;
        await Task.Delay(20);
        var late = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            late.Add(SettlementId(await SettleAsync(client, NewPayment(chain, payer: 1).V1())));
        }
        var all = early.Concat(late).ToList();
        var at = middle.ToString("O", CultureInfo.InvariantCulture);

        var list = await GetJsonAsync(client, "/api/v1/settlements");
        Assert.Equal(5, list.GetProperty("total").GetInt32());
        Assert.Equal(Enumerable.Reverse(all), Ids(list));
        Assert.StartsWith("req_", list.GetProperty("requestId").GetString());

        Assert.Equal(5, await TotalAsync(client, "status=confirmed"));
        Assert.Equal(0, await TotalAsync(client, "status=failed"));
        Assert.Equal(0, await TotalAsync(client, "status=pending"));
        Assert.Equal(0, await TotalAsync(client, "status=submitted"));
        Assert.Equal(early.AsEnumerable().Reverse(), Ids(await GetJsonAsync(client, $"/api/v1/settlements?payer={payer0}")));
        Assert.Equal(2, await TotalAsync(client, $"payer={payer1.ToString().ToLowerInvariant()}"));
        Assert.Equal(0, await TotalAsync(client, $"payer={chain.Chain.Payers[2].Address}"));
        Assert.Equal(late.AsEnumerable().Reverse(), Ids(await GetJsonAsync(client, $"/api/v1/settlements?from={Uri.EscapeDataString(at)}")));
        Assert.Equal(early.AsEnumerable().Reverse(), Ids(await GetJsonAsync(client, $"/api/v1/settlements?to={Uri.EscapeDataString(at)}")));
        Assert.Equal(0, await TotalAsync(client, $"payer={payer0}&from={Uri.EscapeDataString(at)}"));

        var pages = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            var json = await GetJsonAsync(client, $"/api/v1/settlements?page={page}&pageSize=2");
            Assert.Equal(5, json.GetProperty("total").GetInt32());
            Assert.Equal(page, json.GetProperty("page").GetInt32());
            Assert.Equal(2, json.GetProperty("pageSize").GetInt32());
            Assert.Equal(page < 3 ? 2 : 1, json.GetProperty("items").GetArrayLength());
            pages.AddRange(Ids(json));
        }
        Assert.Equal(Enumerable.Reverse(all), pages);
        Assert.Empty(Ids(await GetJsonAsync(client, "/api/v1/settlements?page=4&pageSize=2")));
    }

    [Theory]
    [InlineData("status=nonsense")]
    [InlineData("from=yesterday")]
    [InlineData("page=one")]
    [InlineData("payer=0x1234")]
    [InlineData("payer=0x1234%E2%80%A6abcd")]
    public async Task ListSettlements_UnreadableFilter_BadRequestProblem(string query)
    {
        var client = App.ClientFor(await App.CreateMerchantAsync());
        using var response = await client.GetAsync($"/api/v1/settlements?{query}");
        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    private static async Task<int> TotalAsync(HttpClient client, string query) =>
        (await GetJsonAsync(client, $"/api/v1/settlements?{query}")).GetProperty("total").GetInt32();

    private static string SettlementId(JsonElement settle)
    {
        AssertSettled(settle);
        return settle.GetProperty("settlementId").GetString()!;
    }

    private static List<string> Ids(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetString()!)];
}
