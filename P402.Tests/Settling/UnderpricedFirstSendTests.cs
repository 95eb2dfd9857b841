using System.Numerics;
using System.Security.Cryptography;
using P402.Core.Chain.Ethereum;
using P402.Core.Chain.Rpc;
using P402.Core.Payments;
using P402.Core.Payments.Sending;
using P402.Tests.Infrastructure;
using static P402.Tests.Facilitator.FacilitatorHttp;

namespace P402.Tests.Settling;

/// <summary>
/// The base fee rose between the fee quote and the first send (anvil_setNextBlockBaseFeePerGas with mining paused): the node
/// refuses the transaction ("max fee per gas less than block base fee"), which never left it. The settlement is re-priced from
/// the pending block and sent again, within the merchant's and the operator's caps; above them the refusal stands and nothing is sent.
/// Each test signs with a fresh key, so a transaction it leaves stuck stalls no other test.
/// </summary>
public sealed class UnderpricedFirstSendTests(BlockTimeChainFixture fixture) : IClassFixture<BlockTimeChainFixture>
{
    private static readonly BigInteger TenEth = BigInteger.Pow(10, 19);

    private AnvilChainFixture Chain => fixture.Chain;

    [Fact]
    public async Task Settle_BaseFeeRoseSinceTheQuote_RefusedSendIsRepricedAndSentAgain_SettlementConfirms()
    {
        var (app, signer) = await AppWithFreshSignerAsync();
        await using var _ = app;
        var client = app.ClientFor(await app.CreateMerchantAsync());
        var payment = NewPayment(Chain, payer: 0);

        var (answer, raisedBaseFee) = await SettleAboveTheQuoteAsync(client, payment, baseFeeTimes: 3);

        Assert.Equal("SETTLEMENT_PENDING", answer.GetProperty("reason").GetString());
        var settlement = await Eventually.UntilAsync(() => app.SettlementOfAsync(payment), s => s.Status != SettlementStatus.Submitted,
            TimeSpan.FromSeconds(120), "The settlement leaving Submitted");
        Assert.True(settlement.Status == SettlementStatus.Confirmed, $"{settlement.Status}: {settlement.ErrorReason} {settlement.ErrorMessage}");
        var attempts = await app.AttemptsOfAsync(settlement.Id);
        Assert.Equal(2, attempts.Count);
        Assert.Equal(AttemptOutcome.Refused, attempts[0].Outcome);
        Assert.Contains("underpriced", attempts[0].Note, StringComparison.Ordinal);
        Assert.True(attempts[0].MaxFeePerGasWei < raisedBaseFee, "the first send was priced below the raised base fee");
        Assert.Null(await Chain.Rpc.GetTransactionByHashAsync(attempts[0].TxHash)); // it never reached the pool
        Assert.Equal((settlement.TxHash, AttemptOutcome.Mined), (attempts[1].TxHash, attempts[1].Outcome));
        Assert.True(attempts[1].MaxFeePerGasWei >= raisedBaseFee, "the second send is priced for the pending block");
        Assert.True(attempts[1].MaxFeePerGasWei <= MerchantDefaultLimitWei);
        Assert.Equal(attempts[0].Nonce, attempts[1].Nonce); // the refused nonce was used again: no gap
        Assert.Equal(payment.Value, await Chain.BalanceOfUsdcAsync(payment.PayTo));
        Assert.Equal(1, await Chain.TransactionCountAsync(signer, BlockTag.Latest));
    }

    [Fact]
    public async Task Settle_BaseFeeRoseAboveTheOperatorsCap_RefusalStands_PaymentFailsAndNothingIsSent()
    {
        var (app, signer) = await AppWithFreshSignerAsync(new() { ["Chain:MaxFeePerGasGwei"] = "3" });
        await using var _ = app;
        var client = app.ClientFor(await app.CreateMerchantAsync());
        var payment = NewPayment(Chain, payer: 0);

        var (answer, _) = await SettleAboveTheQuoteAsync(client, payment, baseFeeTimes: 8);

        Assert.False(answer.GetProperty("success").GetBoolean(), answer.ToString());
        Assert.Equal("SETTLEMENT_FAILED", answer.GetProperty("reason").GetString());
        Assert.Contains("base fee", answer.GetProperty("message").GetString(), StringComparison.Ordinal);
        var settlement = await app.SettlementOfAsync(payment);
        Assert.Equal(SettlementStatus.Failed, settlement.Status);
        var attempt = Assert.Single(await app.AttemptsOfAsync(settlement.Id));
        Assert.Equal(AttemptOutcome.Refused, attempt.Outcome);
        Assert.True(attempt.MaxFeePerGasWei <= 3_000_000_000);
        Assert.Equal(0, await Chain.TransactionCountAsync(signer, BlockTag.Pending));
    }

    private const long OneGwei = 1_000_000_000;
    private const long MerchantDefaultLimitWei = P402.Core.Merchants.MerchantSettings.StandardGasPriceLimitWei;

    private async Task<(P402AppFactory App, EthAddress Signer)> AppWithFreshSignerAsync(Dictionary<string, string?>? settings = null)
    {
        var secret = Hex.Encode(RandomNumberGenerator.GetBytes(32));
        var signer = EthKey.Parse(secret).Address;
        await Chain.SetEthBalanceAsync(signer, TenEth);
        var values = new Dictionary<string, string?>(settings ?? [])
        {
            ["Chain:FacilitatorPrivateKey"] = secret,
            ["Chain:ConfirmationTimeoutSeconds"] = "1",
        };
        return (new P402AppFactory(Chain, settings: values), signer);
    }

    /// <summary>
    /// Brings the base fee to 1 gwei (the chain is shared with other tests, which raise it), then with interval mining paused (so no
    /// block carries the raised base fee before the send) raises the next block's base fee to <paramref name="baseFeeTimes"/> times
    /// the largest max fee the latest block's quote gives, and settles.
    /// </summary>
    private async Task<(System.Text.Json.JsonElement Answer, BigInteger RaisedBaseFee)> SettleAboveTheQuoteAsync(HttpClient client, TestPayment payment,
        int baseFeeTimes)
    {
        await Chain.SetNextBaseFeeAsync(OneGwei);
        await Eventually.UntilAsync(() => Chain.Rpc.GetLatestBaseFeeAsync(), fee => fee == OneGwei, what: "A block with a base fee of 1 gwei");
        await Chain.SetIntervalMiningAsync(0);
        try
        {
            var quotedMax = (await Chain.Rpc.GetLatestBaseFeeAsync() * 2) + await Chain.Rpc.MaxPriorityFeePerGasAsync();
            var raised = quotedMax * baseFeeTimes;
            await Chain.SetNextBaseFeeAsync(raised);
            return (await SettleAsync(client, payment.V2()), raised);
        }
        finally
        {
            await Chain.SetIntervalMiningAsync(1);
        }
    }
}
