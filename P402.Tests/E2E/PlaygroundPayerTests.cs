using Microsoft.Extensions.DependencyInjection;
using P402.Core.Chain.DevChain;
using P402.Core.Merchants;
using P402.Core.Payments;
using P402.Core.Receipts;
using P402.Dashboard.Demo;

namespace P402.Tests.E2E;

/// <summary>
/// The playground's x402 client against the real app and its anvil, without a browser: it pays the playground endpoint
/// as a merchant (that merchant's key and address), the money moves, the receipt works for that URL only, and a
/// revoked receipt is refused.
/// </summary>
[Collection(DashboardE2ECollection.Name)]
public sealed class PlaygroundPayerTests(DashboardAppFixture app)
{
    [Fact]
    public async Task PayAsync_AsAMerchant_SettlesOnChainForItAndTheReceiptIsReusableUntilRevoked()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var playground = scope.ServiceProvider.GetRequiredService<PlaygroundService>();
        Assert.True(playground.IsDevChain);
        Assert.Null(playground.DemoUnavailableReason);
        var merchantId = (await scope.ServiceProvider.GetRequiredService<MerchantService>().CreateAsync("Playground payer test", CancellationToken.None)).Id;
        var payer = DevAccounts.Payers[0];
        var before = (await playground.BalancesAsync(CancellationToken.None))[payer.Index];
        var oslo = playground.WeatherUrl("Oslo");

        var payment = await playground.PayAsync(merchantId, payer, oslo, CancellationToken.None);

        Assert.True(payment.Succeeded, payment.Failure ?? payment.Refusal ?? payment.Body);
        Assert.Equal(402, payment.FirstStatus);
        Assert.Equal("10000", payment.Accepted!.Amount);
        Assert.Equal(payer.Address.ToString(), payment.Signed!.Authorization.From);
        Assert.Contains("\"city\":\"Oslo\"", payment.Body, StringComparison.Ordinal);
        var settlement = await playground.FindSettlementAsync(merchantId, payment.Settlement!.Transaction, CancellationToken.None);
        Assert.Equal(SettlementStatus.Confirmed, settlement!.Status);
        Assert.Equal(10_000, settlement.Value);
        Assert.Equal(PlaygroundMerchants.DefaultPayTo.ToLowerInvariant(), settlement.PayTo);
        Assert.Null(await playground.FindSettlementAsync(DemoMerchantStore.MerchantId, payment.Settlement!.Transaction, CancellationToken.None));
        Assert.Equal(before - 10_000, (await playground.BalancesAsync(CancellationToken.None))[payer.Index]);
        var receiptId = payment.ReceiptId!;
        var receipt = await playground.GetReceiptAsync(merchantId, receiptId, CancellationToken.None);
        Assert.Equal(settlement.Id, receipt!.SettlementId);
        Assert.Equal(0, receipt.ReuseCount);

        var reused = await playground.ReuseAsync(merchantId, oslo, receiptId, CancellationToken.None);
        Assert.True(reused.Accepted, reused.Refusal);
        Assert.Contains("\"city\":\"Oslo\"", reused.Body, StringComparison.Ordinal);
        var elsewhere = await playground.ReuseAsync(merchantId, playground.WeatherUrl("Bergen"), receiptId, CancellationToken.None);
        Assert.Equal(402, elsewhere.Status);
        Assert.Equal("RECEIPT_RESOURCE_MISMATCH", elsewhere.Refusal);
        Assert.Equal(1, (await playground.GetReceiptAsync(merchantId, receiptId, CancellationToken.None))!.ReuseCount);

        var revoked = await playground.RevokeAsync(merchantId, receiptId, "user:playground-test", CancellationToken.None);
        Assert.Equal(ReceiptState.Revoked, revoked!.State);
        Assert.Equal("user:playground-test", revoked.RevokedBy);
        var refused = await playground.ReuseAsync(merchantId, oslo, receiptId, CancellationToken.None);
        Assert.False(refused.Accepted);
        Assert.Equal("RECEIPT_REVOKED", refused.Refusal);
        Assert.Equal(before - 10_000, (await playground.BalancesAsync(CancellationToken.None))[payer.Index]);
    }

    [Fact]
    public async Task PlaygroundEndpoint_WithoutAPlaygroundToken_NotFound()
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "demo/playground/weather?city=Oslo");
        request.Headers.Add(PlaygroundMerchants.HeaderName, "not-a-token");

        using var response = await http.SendAsync(request);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ReuseAsync_UnknownReceipt_IsRefusedWithoutPaying()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var playground = scope.ServiceProvider.GetRequiredService<PlaygroundService>();
        var merchantId = (await scope.ServiceProvider.GetRequiredService<MerchantService>().CreateAsync("Playground reuse test", CancellationToken.None)).Id;

        var refused = await playground.ReuseAsync(merchantId, playground.WeatherUrl("Oslo"), "rcpt_01JZZZZZZZZZZZZZZZZZZZZZZZ", CancellationToken.None);

        Assert.Equal(402, refused.Status);
        Assert.Equal("RECEIPT_NOT_FOUND", refused.Refusal);
    }
}
