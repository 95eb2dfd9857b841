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
/// A transaction priced below a raised base fee (anvil_setNextBlockBaseFeePerGas) is replaced after
/// Chain:StuckAfterBlocks blocks: same nonce, fees bumped, within the merchant's and the operator's caps.
/// Each test signs with a fresh key, so a transaction it leaves stuck stalls no other test.
/// </summary>
public sealed class FeeReplacementTests(BlockTimeChainFixture fixture) : IClassFixture<BlockTimeChainFixture>
{
    private static readonly BigInteger TenEth = BigInteger.Pow(10, 19);

    private AnvilChainFixture Chain => fixture.Chain;

    [Fact]
    public async Task Watcher_TransactionBelowARaisedBaseFee_IsReplacedAndConfirmsWithTheReplacementsHash_LaterOnesOfTheKeyConfirmToo()
    {
        var (app, signer) = await AppWithFreshSignerAsync();
        await using var _ = app;
        var client = app.ClientFor(await app.CreateMerchantAsync());
        var stuck = NewPayment(Chain, payer: 0);
        var (original, maxFee) = await SendBelowNextBaseFeeAsync(client, stuck, baseFeeTimes: 10);

        // Sent after it by the same key once a block shows the raised base fee: the next nonces, priced for it, waiting behind it.
        await Eventually.UntilAsync(() => Chain.Rpc.GetLatestBaseFeeAsync(), fee => fee > maxFee, what: "A block with the raised base fee");
        var later = new[] { NewPayment(Chain, payer: 1), NewPayment(Chain, payer: 2) };
        await Task.WhenAll(later.Select(p => SettleAsync(client, p.V2())));

        var settlement = await ConfirmedAsync(app, stuck);
        Assert.NotEqual(original, settlement.TxHash);
        var replacement = (await Chain.Rpc.GetTransactionReceiptAsync(settlement.TxHash!))!;
        Assert.True(replacement.Succeeded);
        Assert.Null(await Chain.Rpc.GetTransactionReceiptAsync(original));
        var attempts = await app.AttemptsOfAsync(settlement.Id);
        Assert.Equal([(original, AttemptOutcome.Replaced), (settlement.TxHash!, AttemptOutcome.Mined)], attempts.Select(a => (a.TxHash, a.Outcome)));
        Assert.Equal(attempts[0].Nonce, attempts[1].Nonce);
        Assert.True(attempts[1].MaxFeePerGasWei * 100 >= maxFee * 110, "the max fee is raised by at least 10 %");
        Assert.True(attempts[1].MaxPriorityFeePerGasWei * 100 >= attempts[0].MaxPriorityFeePerGasWei * 110L, "the tip is raised by at least 10 %");
        Assert.Equal(stuck.Value, await Chain.BalanceOfUsdcAsync(stuck.PayTo));
        var api = await GetJsonAsync(client, $"/api/v1/settlements/{settlement.Id}");
        Assert.Equal(settlement.TxHash, api.GetProperty("txHash").GetString());
        Assert.Equal([("replaced", original), ("mined", settlement.TxHash!)], api.GetProperty("attempts").EnumerateArray()
            .Select(a => (a.GetProperty("outcome").GetString()!, a.GetProperty("txHash").GetString()!)));
        Assert.Equal(replacement.GasUsed, api.GetProperty("attempts")[1].GetProperty("gasUsed").GetInt64());
        Assert.Equal(attempts[1].MaxFeePerGasWei.ToString(System.Globalization.CultureInfo.InvariantCulture),
            api.GetProperty("attempts")[1].GetProperty("maxFeePerGas").GetString());

        foreach (var payment in later)
        {
            var done = await ConfirmedAsync(app, payment);
            Assert.Equal(payment.Value, await Chain.BalanceOfUsdcAsync(payment.PayTo));
            Assert.True(done.SignerNonce > attempts[0].Nonce);
        }
        Assert.Equal(3, await Chain.TransactionCountAsync(signer, BlockTag.Latest)); // three transactions, not one more
    }

    [Fact]
    public async Task Watcher_ReplacementWouldExceedTheOperatorsCap_TransactionStaysAndItsAttemptSaysWhy()
    {
        var (app, signer) = await AppWithFreshSignerAsync(new() { ["Chain:MaxFeePerGasGwei"] = "3" });
        await using var _ = app;
        var client = app.ClientFor(await app.CreateMerchantAsync());
        var payment = NewPayment(Chain, payer: 0);
        var (original, _) = await SendBelowNextBaseFeeAsync(client, payment, baseFeeTimes: 20);

        var settlement = await app.SettlementOfAsync(payment);
        var held = await Eventually.UntilAsync(() => app.AttemptsOfAsync(settlement.Id), a => a[^1].Note is not null, TimeSpan.FromSeconds(90),
            "A note on the stuck attempt");
        var attempt = Assert.Single(held);
        Assert.Equal((original, AttemptOutcome.Pending), (attempt.TxHash, attempt.Outcome));
        Assert.Contains("above the cap of 3 gwei", attempt.Note, StringComparison.Ordinal);
        Assert.Equal(SettlementStatus.Submitted, (await app.SettlementOfAsync(payment)).Status);
        Assert.All(held, a => Assert.True(a.MaxFeePerGasWei <= 3_000_000_000));

        // The base fee falls back block by block: the settlement still ends Confirmed, never above the cap.
        var confirmed = await ConfirmedAsync(app, payment);
        Assert.All(await app.AttemptsOfAsync(confirmed.Id), a => Assert.True(a.MaxFeePerGasWei <= 3_000_000_000));
        Assert.Equal(1, await Chain.TransactionCountAsync(signer, BlockTag.Latest));
    }

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
    /// With interval mining paused, settles <paramref name="payment"/> (its transaction waits in the pool, priced at today's base fee)
    /// and raises the next block's base fee well above its max fee; blocks then come every second without it.
    /// </summary>
    private async Task<(string Hash, long MaxFee)> SendBelowNextBaseFeeAsync(HttpClient client, TestPayment payment, int baseFeeTimes)
    {
        await Chain.SetIntervalMiningAsync(0);
        try
        {
            var pending = await SettleAsync(client, payment.V2());
            Assert.Equal("SETTLEMENT_PENDING", pending.GetProperty("reason").GetString());
            var hash = pending.GetProperty("transaction").GetString()!;
            var maxFee = (await Chain.Rpc.GetTransactionByHashAsync(hash))!.MaxFeePerGas!.Value;
            await Chain.SetNextBaseFeeAsync(maxFee * baseFeeTimes);
            return (hash, (long)maxFee);
        }
        finally
        {
            await Chain.SetIntervalMiningAsync(1);
        }
    }

    private static async Task<Settlement> ConfirmedAsync(P402AppFactory app, TestPayment payment)
    {
        var settlement = await Eventually.UntilAsync(() => app.SettlementOfAsync(payment), s => s.Status != SettlementStatus.Submitted,
            TimeSpan.FromSeconds(120), "The settlement leaving Submitted");
        Assert.True(settlement.Status == SettlementStatus.Confirmed, $"{settlement.Status}: {settlement.ErrorReason} {settlement.ErrorMessage}");
        return settlement;
    }
}
