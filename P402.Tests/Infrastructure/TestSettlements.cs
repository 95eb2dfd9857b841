using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using P402.Core.Chain.Ethereum;

namespace P402.Tests.Infrastructure;

/// <summary>Real settlements to build on (receipts need a confirmed one): signed, settled on anvil, confirmed.</summary>
public static class TestSettlements
{
    /// <summary>A payment of 0.01 USDC from dev payer <paramref name="payer"/> (0–2) to a fresh address.</summary>
    public static TestPayment NewPayment(this AnvilChainFixture chain, int payer = 0, string resource = "https://api.example.com/weather") => new()
    {
        Payer = EthKey.Parse(chain.Chain.Payers[payer].PrivateKey),
        PayTo = EthKey.Generate().Address,
        Resource = resource,
    };

    /// <summary>POSTs <c>/settle</c> (v2 unless <paramref name="v1"/>) and returns its 200 body, with <paramref name="extra"/> merged into the request.</summary>
    public static async Task<JsonElement> SettleAsync(this HttpClient client, TestPayment payment, JsonObject? extra = null, bool v1 = false)
    {
        var body = v1 ? payment.V1() : payment.V2();
        foreach (var (key, value) in extra ?? [])
        {
            body[key] = value?.DeepClone();
        }
        var response = await client.PostAsJsonAsync("/settle", body);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, json.ToString());
        return json;
    }

    /// <summary>Settles a fresh payment for <paramref name="resource"/> and asserts it confirmed; returns the settle body.</summary>
    public static async Task<JsonElement> SettleConfirmedAsync(this HttpClient client, AnvilChainFixture chain, int payer = 0,
        string resource = "https://api.example.com/weather", JsonObject? extra = null)
    {
        var settle = await client.SettleAsync(chain.NewPayment(payer, resource), extra);
        Assert.True(settle.GetProperty("success").GetBoolean(), settle.ToString());
        return settle;
    }
}
