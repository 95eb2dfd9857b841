using System.Net;
using System.Text;
using System.Text.Json;
using P402.Core.Chain.Ethereum;
using P402.Core.Chain.Rpc;
using P402.Tests.Infrastructure;

namespace P402.Tests.EndToEnd;

/// <summary>
/// One payment buys one delivery from a P402.Merchant endpoint, against the real P402 and chain: concurrent
/// copies of one payment are served once; an answer lost on either side is recovered through the payment id
/// without a second charge.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class MerchantDeliversOnceTests(EndToEndFixture e2e)
{
    private const int Concurrency = 20;

    [Fact]
    public async Task PaidEndpoint_TwentyConcurrentRequestsWithOneFreshPayment_One200Nineteen402OneTransactionOneReceipt()
    {
        var payer = EthKey.Parse(e2e.Chain.Chain.Payers[1].PrivateKey);
        var url = e2e.MiddlewareApp.Url("paid/ok");
        var payment = new TestPayment { Payer = payer, PayTo = e2e.MiddlewareApp.PayTo, Value = MiddlewareTestApp.Price, Resource = url.AbsoluteUri };
        var header = payment.HeaderV2();
        var (payerBefore, payToBefore, nonceBefore) = await BalancesAsync(payer.Address);
        var receiptsBefore = await ReceiptCountAsync();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(120) };
        using var start = new SemaphoreSlim(0);
        var requests = Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            await start.WaitAsync();
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add("PAYMENT-SIGNATURE", header);
            using var response = await http.SendAsync(request);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync(),
                Receipt: response.Headers.TryGetValues("P402-Receipt", out var r) ? r.Single() : null,
                PaymentResponse: response.Headers.TryGetValues("PAYMENT-RESPONSE", out var p) ? Decode(p.Single()) : (JsonElement?)null);
        }).ToList();
        start.Release(Concurrency);
        var answers = await Task.WhenAll(requests);

        var served = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.Contains("paid content", served.Body);
        Assert.StartsWith("rcpt_", served.Receipt);
        var hash = served.PaymentResponse!.Value.GetProperty("transaction").GetString()!;
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), refused =>
        {
            Assert.Equal(HttpStatusCode.PaymentRequired, refused.StatusCode);
            Assert.DoesNotContain("paid content", refused.Body);
            Assert.Null(refused.Receipt);
        });
        Assert.Equal(Concurrency - 1, answers.Count(a => a.StatusCode == HttpStatusCode.PaymentRequired));

        Assert.True((await e2e.Chain.WaitForReceiptAsync(hash)).Succeeded);
        Assert.Equal((payerBefore - MiddlewareTestApp.Price, payToBefore + MiddlewareTestApp.Price, nonceBefore + 1), await BalancesAsync(payer.Address));
        Assert.Equal(receiptsBefore + 1, await ReceiptCountAsync());
    }

    [Fact]
    public async Task PaidEndpoint_P402SettleAnswerLost_MerchantAsksAgainWithThePaymentIdAndServesOnce()
    {
        var payer = e2e.Chain.Chain.Payers[1];
        var (payerBefore, payToBefore, nonceBefore) = await BalancesAsync(payer.Address);

        var line = Assert.Single(await NodePayer.PayAsync(e2e.MiddlewareApp.Url(MiddlewareTestApp.SettleAnswerLostPath), payer.PrivateKey));

        Assert.True(line.Status == 200, line.ToString());
        Assert.True(line.PaymentResponse!.Value.GetProperty("success").GetBoolean());
        Assert.StartsWith("rcpt_", line.Receipt);
        Assert.Equal(1, line.Signatures);
        Assert.Equal((payerBefore - MiddlewareTestApp.Price, payToBefore + MiddlewareTestApp.Price, nonceBefore + 1),
            await BalancesAsync(payer.Address));
    }

    [Fact]
    public async Task SdkPays_FirstPaidAnswerDropped_SendsTheSamePaymentAgainAndGetsTheResourceChargedOnce()
    {
        var payer = e2e.Chain.Chain.Payers[1];
        var (payerBefore, payToBefore, nonceBefore) = await BalancesAsync(payer.Address);
        var receiptsBefore = await ReceiptCountAsync();

        var line = Assert.Single(await NodePayer.PayAsync(e2e.MiddlewareApp.Url(MiddlewareTestApp.AnswerLostPath), payer.PrivateKey));

        Assert.True(line.Status == 200, line.ToString());
        Assert.Contains("paid content", line.Body.ToString());
        Assert.True(line.PaymentResponse!.Value.GetProperty("success").GetBoolean());
        Assert.StartsWith("rcpt_", line.Receipt);
        Assert.Equal(1, line.Signatures);
        // The dropped exchange left no trace in the SDK's log: only the 402 and the answered resend.
        Assert.Equal([402, 200], line.Exchanges.Select(e => e.Status));
        Assert.Equal((payerBefore - MiddlewareTestApp.Price, payToBefore + MiddlewareTestApp.Price, nonceBefore + 1),
            await BalancesAsync(payer.Address));
        Assert.Equal(receiptsBefore + 1, await ReceiptCountAsync());
    }

    private async Task<(System.Numerics.BigInteger Payer, System.Numerics.BigInteger PayTo, long FacilitatorNonce)> BalancesAsync(EthAddress payer) =>
        (await e2e.Chain.BalanceOfUsdcAsync(payer), await e2e.Chain.BalanceOfUsdcAsync(e2e.MiddlewareApp.PayTo),
            await e2e.Chain.TransactionCountAsync(e2e.Chain.Chain.Facilitator.Address, BlockTag.Latest));

    private async Task<long> ReceiptCountAsync() =>
        (await e2e.ApiAsync(HttpMethod.Get, "api/v1/receipts?pageSize=1", e2e.MiddlewareMerchant.ApiKey)).GetProperty("total").GetInt64();

    private static JsonElement Decode(string header) =>
        JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(header))).RootElement.Clone();
}
