using System.Numerics;
using Microsoft.Extensions.DependencyInjection;
using P402.Core.Chain.Ethereum;
using P402.Core.Overview;
using P402.Core.Payments;
using P402.Core.Payments.Sending;
using P402.Tests.Infrastructure;
using static P402.Tests.Facilitator.FacilitatorHttp;

namespace P402.Tests.Settling;

/// <summary>The facilitator pays the gas of a reverted attempt: the overview's gas total keeps it, also after the payment is retried and confirmed.</summary>
public sealed class FailedAttemptGasTests(BlockTimeChainFixture fixture) : IClassFixture<BlockTimeChainFixture>
{
    private static readonly byte[] TransferSelector = Abi.Selector("transfer(address,uint256)");

    private AnvilChainFixture Chain => fixture.Chain;

    [Fact]
    public async Task Overview_RevertedAttemptThenRetriedAndConfirmed_GasTotalCountsBothTransactions()
    {
        await using var app = new P402AppFactory(Chain, settings: new Dictionary<string, string?> { ["Chain:ConfirmationTimeoutSeconds"] = "1" });
        var merchant = await app.CreateMerchantAsync();
        var client = app.ClientFor(merchant);
        var payment = NewPayment(Chain, payer: 2);
        var balance = await Chain.BalanceOfUsdcAsync(payment.Payer.Address);

        // In one block: the payer moves its whole balance away (higher tip, mined first), so the settlement's transfer reverts on-chain.
        await Chain.SetIntervalMiningAsync(0);
        string reverted;
        try
        {
            var pending = await SettleAsync(client, payment.V2());
            reverted = pending.GetProperty("transaction").GetString()!;
            await Chain.Rpc.SendRawTransactionAsync(await SignEmptyingAsync(payment.Payer, balance));
        }
        finally
        {
            await Chain.SetIntervalMiningAsync(1);
        }
        var failed = await Eventually.UntilAsync(() => app.SettlementOfAsync(payment), s => s.Status != SettlementStatus.Submitted,
            TimeSpan.FromSeconds(90), "The reverted settlement leaving Submitted");
        Assert.Equal(SettlementStatus.Failed, failed.Status);
        var revertReceipt = (await Chain.Rpc.GetTransactionReceiptAsync(reverted))!;
        Assert.False(revertReceipt.Succeeded);

        // Funded again, the same payment is retried: the row is reused, the reverted attempt stays on it.
        await Chain.MintUsdcAsync(payment.Payer.Address, payment.Value);
        // (Answered success, or pending when its 1 s wait ends before the next block: the watcher confirms it either way.)
        var retried = await SettleAsync(client, payment.V2());
        var confirmed = retried.GetProperty("transaction").GetString()!;
        var settlement = await Eventually.UntilAsync(() => app.SettlementOfAsync(payment), s => s.Status == SettlementStatus.Confirmed,
            TimeSpan.FromSeconds(90), "The retried settlement confirmed");
        Assert.Equal(confirmed, settlement.TxHash);
        var confirmReceipt = (await Chain.Rpc.GetTransactionReceiptAsync(confirmed))!;

        Assert.Equal(failed.Id, settlement.Id);
        var attempts = await app.AttemptsOfAsync(settlement.Id);
        Assert.Equal([(reverted, AttemptOutcome.Reverted), (confirmed, AttemptOutcome.Mined)], attempts.Select(a => (a.TxHash, a.Outcome)));
        Assert.Equal(revertReceipt.GasUsed, attempts[0].GasUsed);

        var stats = await app.Services.GetRequiredService<OverviewService>().GetAsync(merchant.MerchantId, OverviewRange.Last24Hours, CancellationToken.None);
        var expected = (revertReceipt.GasUsed * revertReceipt.EffectiveGasPrice) + (confirmReceipt.GasUsed * confirmReceipt.EffectiveGasPrice);
        Assert.Equal((decimal)(double)expected, stats.GasSpentWei);
        Assert.True(stats.GasSpentWei > (decimal)(double)(confirmReceipt.GasUsed * confirmReceipt.EffectiveGasPrice));
    }

    /// <summary>The payer's <c>transfer</c> of <paramref name="amount"/> to a fresh address, with a tip far above the facilitator's.</summary>
    private async Task<byte[]> SignEmptyingAsync(EthKey payer, BigInteger amount)
    {
        var data = Abi.EncodeCall(TransferSelector, AbiValue.Address(EthKey.Generate().Address), AbiValue.Uint256(amount));
        var nonce = await Chain.TransactionCountAsync(payer.Address, P402.Core.Chain.Rpc.BlockTag.Pending);
        var tip = new BigInteger(50_000_000_000);
        var maxFee = (await Chain.Rpc.GetLatestBaseFeeAsync() * 2) + tip;
        return new Eip1559Transaction(Chain.Chain.ChainId, nonce, tip, maxFee, 100_000, Chain.Usdc, BigInteger.Zero, data).Sign(payer).Raw;
    }
}
