using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using P402.Core.Chain.Ethereum;
using P402.Tests.Infrastructure;

namespace P402.Tests.Facilitator;

/// <summary>A valid payment verifies and settles for real: USDC moves on the chain by exactly the value.</summary>
public sealed class SettleHappyPathTests(AnvilChainFixture chain) : IClassFixture<AnvilChainFixture>, IAsyncLifetime
{
    private P402AppFactory _app = null!;
    private TestMerchant _merchant = null!;

    public async Task InitializeAsync()
    {
        _app = new P402AppFactory(chain);
        _merchant = await _app.CreateMerchantAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task VerifyThenSettle_V2Payment_MovesExactlyValueAndConfirms()
    {
        var payment = NewPayment(chain.Chain.Payers[0].PrivateKey);
        var client = _app.ClientFor(_merchant);
        var before = await chain.BalanceOfUsdcAsync(payment.PayTo);

        var verify = await PostAsync(client, "/verify", payment.V2());
        Assert.True(verify.GetProperty("isValid").GetBoolean(), verify.ToString());
        Assert.True(verify.GetProperty("valid").GetBoolean());
        Assert.Equal(payment.Payer.Address.ToString(), verify.GetProperty("payer").GetString());
        Assert.StartsWith("req_", verify.GetProperty("requestId").GetString());

        var settle = await PostAsync(client, "/settle", payment.V2());
        Assert.True(settle.GetProperty("success").GetBoolean(), settle.ToString());
        var txHash = settle.GetProperty("transaction").GetString()!;
        Assert.Equal(txHash, settle.GetProperty("txHash").GetString());
        Assert.Equal("eip155:8453", settle.GetProperty("network").GetString());
        Assert.Equal(payment.Payer.Address.ToString(), settle.GetProperty("payer").GetString());

        Assert.Equal(before + payment.Value, await chain.BalanceOfUsdcAsync(payment.PayTo));
        var receipt = await chain.WaitForReceiptAsync(txHash);
        Assert.True(receipt.Succeeded);

        var settlement = await client.GetFromJsonAsync<JsonElement>($"/api/v1/settlements/{settle.GetProperty("settlementId").GetString()}");
        Assert.Equal("confirmed", settlement.GetProperty("status").GetString());
        Assert.Equal(txHash, settlement.GetProperty("txHash").GetString());
        Assert.Equal(payment.Value.ToString(), settlement.GetProperty("value").GetString());
        Assert.Equal(receipt.BlockNumber, settlement.GetProperty("blockNumber").GetInt64());
    }

    [Fact]
    public async Task VerifyThenSettle_V1Payment_MovesExactlyValueAndConfirms()
    {
        var payment = NewPayment(chain.Chain.Payers[1].PrivateKey);
        var client = _app.ClientFor(_merchant);
        var before = await chain.BalanceOfUsdcAsync(payment.PayTo);

        var verify = await PostAsync(client, "/verify", payment.V1());
        Assert.True(verify.GetProperty("isValid").GetBoolean(), verify.ToString());

        var settle = await PostAsync(client, "/settle", payment.V1());
        Assert.True(settle.GetProperty("success").GetBoolean(), settle.ToString());
        Assert.Equal("base", settle.GetProperty("network").GetString());
        Assert.Equal(before + payment.Value, await chain.BalanceOfUsdcAsync(payment.PayTo));
    }

    [Fact]
    public async Task Supported_ListsV1AndV2KindsThePaymentIdentifierExtensionAndTheSigner()
    {
        var supported = await _app.CreateClient().GetFromJsonAsync<JsonElement>("/supported");
        var kinds = supported.GetProperty("kinds").EnumerateArray().Select(k => $"{k.GetProperty("x402Version").GetInt32()}/{k.GetProperty("scheme").GetString()}/{k.GetProperty("network").GetString()}").ToList();
        Assert.Contains("1/exact/base", kinds);
        Assert.Contains("2/exact/eip155:8453", kinds);
        Assert.Equal(["payment-identifier"], supported.GetProperty("extensions").EnumerateArray().Select(e => e.GetString()));
        var signer = supported.GetProperty("signers").GetProperty("eip155:*")[0].GetString();
        Assert.Equal(chain.Chain.Facilitator.Address.ToString(), signer);
    }

    internal static TestPayment NewPayment(string payerKey) => new()
    {
        Payer = EthKey.Parse(payerKey),
        PayTo = EthKey.Generate().Address,
    };

    internal static async Task<JsonElement> PostAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
