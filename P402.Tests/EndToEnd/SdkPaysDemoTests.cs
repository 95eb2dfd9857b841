using System.Text.Json;
using P402.Core.Chain.Ethereum;
using P402.Tests.Infrastructure;

namespace P402.Tests.EndToEnd;

/// <summary>
/// payer (node, @p402/sdk) → the dashboard's demo endpoint (P402.Merchant) → P402 → anvil → receipt → reuse →
/// revoke → the SDK pays again by itself. Each run of pay.mjs is a new process sharing a receipt file.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class SdkPaysDemoTests(EndToEndFixture e2e) : IDisposable
{
    private readonly string _receipts = TestTemp.NewPath("p402-receipts", ".json");

    public void Dispose() => File.Delete(_receipts);

    [Theory]
    [InlineData(2, 0, "Lisbon")]
    [InlineData(1, 1, "Porto")]
    public async Task P402Fetch_DemoEndpoint_PaysOnceReusesReceiptAndPaysAgainAfterRevoke(int x402Version, int payerIndex, string city)
    {
        var payer = e2e.Chain.Chain.Payers[payerIndex];
        var url = e2e.DemoUrl(city);
        var demoKey = e2e.Demo.ApiKey;
        var payToBefore = await e2e.Chain.BalanceOfUsdcAsync(EndToEndFixture.DemoPayTo);
        var payerBefore = await e2e.Chain.BalanceOfUsdcAsync(payer.Address);
        var settlementsBefore = await e2e.SettlementCountAsync(demoKey);

        // Two calls in one process: the first pays, the second is served on the receipt.
        var first = await NodePayer.PayAsync(url, payer.PrivateKey, x402Version: x402Version, count: 2, receiptStorePath: _receipts);
        var (paid, reused) = (first[0], first[1]);
        Assert.True(paid.Status == 200, paid.ToString());
        AssertPaidWith(paid, x402Version);
        Assert.Equal(city, paid.Body.GetProperty("city").GetString());
        var receiptId = paid.Receipt;
        Assert.StartsWith("rcpt_", receiptId);
        Assert.True(DateTimeOffset.Parse(paid.ReceiptExpires!) > DateTimeOffset.UtcNow.AddMinutes(9), paid.ReceiptExpires);

        Assert.True(reused.Status == 200, reused.ToString());
        Assert.Null(reused.PaymentResponse);
        Assert.Empty(reused.Payments);
        Assert.Equal(1, reused.Signatures);
        var reuseExchange = Assert.Single(reused.Exchanges);
        Assert.Equal(["p402-receipt"], reuseExchange.Sent);
        Assert.Equal(city, reused.Body.GetProperty("city").GetString());

        // On chain: exactly one payment of 10000 from the payer to the demo merchant's address.
        var transaction = paid.PaymentResponse!.Value.GetProperty("transaction").GetString()!;
        Assert.True((await e2e.Chain.WaitForReceiptAsync(transaction)).Succeeded);
        Assert.Equal(payToBefore + 10_000, await e2e.Chain.BalanceOfUsdcAsync(EndToEndFixture.DemoPayTo));
        Assert.Equal(payerBefore - 10_000, await e2e.Chain.BalanceOfUsdcAsync(payer.Address));
        Assert.Equal(settlementsBefore + 1, await e2e.SettlementCountAsync(demoKey));
        var receipt = await e2e.ReceiptAsync(demoKey, receiptId!);
        Assert.Equal(1, receipt.GetProperty("reuseCount").GetInt64());
        Assert.Equal("active", receipt.GetProperty("state").GetString());
        Assert.Equal(url.AbsoluteUri, receipt.GetProperty("resource").GetString());
        Assert.Equal(payer.Address.ToString(), receipt.GetProperty("payer").GetString(), ignoreCase: true);

        // The merchant revokes the receipt: the SDK presents it, is refused, and pays again in the same call.
        var revoked = await e2e.ApiAsync(HttpMethod.Post, $"api/v1/receipts/{receiptId}/revoke", demoKey);
        Assert.Equal("revoked", revoked.GetProperty("state").GetString());
        var again = Assert.Single(await NodePayer.PayAsync(url, payer.PrivateKey, x402Version: x402Version, receiptStorePath: _receipts));
        Assert.True(again.Status == 200, again.ToString());
        AssertPaidWith(again, x402Version, presentedReceipt: true);
        Assert.StartsWith("rcpt_", again.Receipt);
        Assert.NotEqual(receiptId, again.Receipt);
        Assert.Equal(payToBefore + 20_000, await e2e.Chain.BalanceOfUsdcAsync(EndToEndFixture.DemoPayTo));
        Assert.Equal(settlementsBefore + 2, await e2e.SettlementCountAsync(demoKey));
        Assert.Equal(1, (await e2e.ReceiptAsync(demoKey, receiptId!)).GetProperty("reuseCount").GetInt64());
    }

    private static void AssertPaidWith(PayLine line, int x402Version, bool presentedReceipt = false)
    {
        var (paymentHeader, responseHeader) = x402Version == 2 ? ("payment-signature", "payment-response") : ("x-payment", "x-payment-response");
        var exchanges = line.Exchanges;
        Assert.Equal(2, exchanges.Count);
        Assert.Equal(presentedReceipt ? ["p402-receipt"] : [], exchanges[0].Sent);
        Assert.Equal(402, exchanges[0].Status);
        Assert.Equal([paymentHeader], exchanges[1].Sent);
        Assert.Equal(200, exchanges[1].Status);
        Assert.Contains(responseHeader, exchanges[1].Received);
        Assert.Contains("p402-receipt", exchanges[1].Received);

        var payment = Assert.Single(line.Payments);
        Assert.Equal(x402Version, payment.GetProperty("x402Version").GetInt32());
        Assert.Equal(x402Version == 2 ? "eip155:8453" : "base", payment.GetProperty("network").GetString());
        Assert.Equal("10000", payment.GetProperty("amount").GetString());
        Assert.Equal(EndToEndFixture.DemoPayTo, EthAddress.Parse(payment.GetProperty("payTo").GetString()));

        var settlement = line.PaymentResponse ?? throw new Xunit.Sdk.XunitException($"No payment response: {line}");
        Assert.True(settlement.GetProperty("success").GetBoolean(), line.ToString());
        Assert.Matches("^0x[0-9a-f]{64}$", settlement.GetProperty("transaction").GetString());
        Assert.Equal(JsonValueKind.String, settlement.GetProperty("payer").ValueKind);
    }
}
