using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using P402.Core.Chain;
using P402.Core.Chain.Ethereum;
using P402.Core.Merchants;

namespace P402.Tests.EndToEnd;

/// <summary>
/// P402.Merchant's promises against the real P402 and chain: no settlement when the handler fails, a 402 with
/// <c>PAYMENT-RESPONSE</c> success:false when the settlement fails, and a receipt only for its own resource.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class MiddlewareAgainstP402Tests(EndToEndFixture e2e)
{
    [Theory]
    [InlineData("paid/fails")]
    [InlineData("paid/throws")]
    public async Task PaidEndpoint_HandlerFails_NothingIsSettled(string path)
    {
        var payer = e2e.Chain.Chain.Payers[2];
        var before = await SnapshotAsync(payer.Address);

        var line = Assert.Single(await NodePayer.PayAsync(e2e.MiddlewareApp.Url(path), payer.PrivateKey));

        Assert.True(line.Status == 500, line.ToString());
        Assert.Null(line.PaymentResponse);
        Assert.Null(line.Receipt);
        Assert.Equal(1, line.Signatures);
        Assert.Equal(before, await SnapshotAsync(payer.Address));
        var nonce = Hex.DecodeFixed(Assert.Single(line.Payments).GetProperty("nonce").GetString(), 32);
        Assert.False(await AuthorizationUsedAsync(payer.Address, nonce), "The payer's authorization was executed on chain.");
    }

    [Fact]
    public async Task PaidEndpoint_AuthorizationUsedOnChainBeforeSettle_Answers402WithFailedPaymentResponse()
    {
        var payer = e2e.Chain.Chain.Payers[2];

        var line = Assert.Single(await NodePayer.PayAsync(e2e.MiddlewareApp.Url("paid/spends-first"), payer.PrivateKey));

        AssertSettlementRefused(line, "invalid_exact_evm_nonce_already_used");
    }

    [Fact]
    public async Task PaidEndpoint_GasLimitLoweredBeforeSettle_Answers402WithFailedPaymentResponseAndMovesNothing()
    {
        var payer = e2e.Chain.Chain.Payers[2];
        var merchants = e2e.App.Services.GetRequiredService<MerchantService>();
        var before = await SnapshotAsync(payer.Address);
        try
        {
            var line = Assert.Single(await NodePayer.PayAsync(e2e.MiddlewareApp.Url("paid/lowers-gas-limit"), payer.PrivateKey));

            AssertSettlementRefused(line, "gas_price_too_high");
            Assert.Equal(before.Payer, await e2e.Chain.BalanceOfUsdcAsync(payer.Address));
            Assert.Equal(before.PayTo, await e2e.Chain.BalanceOfUsdcAsync(e2e.MiddlewareApp.PayTo));
            var nonce = Hex.DecodeFixed(Assert.Single(line.Payments).GetProperty("nonce").GetString(), 32);
            Assert.False(await AuthorizationUsedAsync(payer.Address, nonce));
        }
        finally
        {
            await BetweenVerifyAndSettle.SetGasPriceLimitAsync(merchants, e2e.MiddlewareMerchant.MerchantId, MerchantSettings.StandardGasPriceLimitWei);
        }
    }

    [Fact]
    public async Task DemoEndpoint_ReceiptOfAnotherResource_Answers402ResourceMismatch()
    {
        var payer = e2e.Chain.Chain.Payers[2];
        var paid = Assert.Single(await NodePayer.PayAsync(e2e.DemoUrl("Braga"), payer.PrivateKey));
        Assert.True(paid.Status == 200, paid.ToString());

        using var other = await e2e.SendAsync(e2e.DemoUrl("Evora"), ("P402-Receipt", paid.Receipt!));

        Assert.Equal(HttpStatusCode.PaymentRequired, other.StatusCode);
        var required = DecodeHeader(other, "PAYMENT-REQUIRED");
        Assert.Equal("RECEIPT_RESOURCE_MISMATCH", required.GetProperty("error").GetString());
        Assert.Equal(e2e.DemoUrl("Evora").AbsoluteUri, required.GetProperty("resource").GetProperty("url").GetString());
        var v1 = JsonDocument.Parse(await other.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("RECEIPT_RESOURCE_MISMATCH", v1.GetProperty("error").GetString());
        Assert.Equal(0, (await e2e.ReceiptAsync(e2e.Demo.ApiKey, paid.Receipt!)).GetProperty("reuseCount").GetInt64());

        // Its own resource still takes it.
        using var same = await e2e.SendAsync(e2e.DemoUrl("Braga"), ("P402-Receipt", paid.Receipt!));
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
    }

    [Fact]
    public async Task PaidEndpoint_ReceiptOfAnotherMerchant_Answers402NotFound()
    {
        var payer = e2e.Chain.Chain.Payers[2];
        var paid = Assert.Single(await NodePayer.PayAsync(e2e.DemoUrl("Coimbra"), payer.PrivateKey));
        Assert.StartsWith("rcpt_", paid.Receipt);

        using var response = await e2e.SendAsync(e2e.MiddlewareApp.Url("paid/ok"), ("P402-Receipt", paid.Receipt!));

        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
        Assert.Equal("RECEIPT_NOT_FOUND", DecodeHeader(response, "PAYMENT-REQUIRED").GetProperty("error").GetString());
    }

    private static void AssertSettlementRefused(PayLine line, string errorReason)
    {
        // The SDK saw the paid retry answered 402 with PAYMENT-RESPONSE {success:false}, and says why.
        Assert.True(line.ErrorCode == "PAYMENT_REJECTED", line.ToString());
        var error = line.Error!.Value;
        Assert.Equal(402, error.GetProperty("status").GetInt32());
        Assert.Equal(errorReason, error.GetProperty("errorReason").GetString());
        var response = error.GetProperty("paymentResponse");
        Assert.False(response.GetProperty("success").GetBoolean());
        Assert.Equal(errorReason, response.GetProperty("errorReason").GetString());
        var paidExchange = line.Exchanges[^1];
        Assert.Equal(["payment-signature"], paidExchange.Sent);
        Assert.Equal(402, paidExchange.Status);
        Assert.Contains("payment-response", paidExchange.Received);
        Assert.Contains("payment-required", paidExchange.Received);
        Assert.DoesNotContain("p402-receipt", paidExchange.Received);
    }

    private async Task<(System.Numerics.BigInteger Payer, System.Numerics.BigInteger PayTo, long Settlements)> SnapshotAsync(EthAddress payer) =>
        (await e2e.Chain.BalanceOfUsdcAsync(payer), await e2e.Chain.BalanceOfUsdcAsync(e2e.MiddlewareApp.PayTo),
            await e2e.SettlementCountAsync(e2e.MiddlewareMerchant.ApiKey));

    private async Task<bool> AuthorizationUsedAsync(EthAddress payer, byte[] nonce) =>
        (await e2e.Chain.Rpc.CallAsync(e2e.Chain.Usdc, TokenCalls.AuthorizationState(payer, nonce))).Any(b => b != 0);

    private static JsonElement DecodeHeader(HttpResponseMessage response, string name) =>
        JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(response.Headers.GetValues(name).Single()))).RootElement;
}
