using System.Numerics;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using P402.Core.Chain;
using P402.Core.Chain.Ethereum;
using P402.Core.Chain.Rpc;
using P402.Core.Overview;
using P402.Core.Payments;
using P402.Core.Payments.Sending;
using P402.Tests.Infrastructure;
using static P402.Tests.Facilitator.FacilitatorHttp;

namespace P402.Tests.Settling;

/// <summary>A nonce handed out and never used (as by a process that died between taking it and sending) does not stall the key's later settlements.</summary>
public sealed class NonceGapTests(BlockTimeChainFixture fixture) : IClassFixture<BlockTimeChainFixture>
{
    private AnvilChainFixture Chain => fixture.Chain;

    [Fact]
    public async Task Watcher_NonceTakenAndNeverSent_GapIsFilledWithASelfTransferAndTheLaterSettlementConfirms()
    {
        var secret = Hex.Encode(RandomNumberGenerator.GetBytes(32));
        var signer = EthKey.Parse(secret).Address;
        await Chain.SetEthBalanceAsync(signer, BigInteger.Pow(10, 19));
        await using var app = new P402AppFactory(Chain, settings: new Dictionary<string, string?>
        {
            ["Chain:FacilitatorPrivateKey"] = secret,
            ["Chain:ConfirmationTimeoutSeconds"] = "1",
        });
        var merchant = await app.CreateMerchantAsync();
        var client = app.ClientFor(merchant);
        var account = app.Services.GetRequiredService<PaymentNetworks>().Find("eip155:8453")!.Signers.Accounts.Single();
        // A first settlement: the key's first use syncs its nonces from the chain (which would close a gap made before it).
        var first = NewPayment(Chain, payer: 0);
        await SettleAsync(client, first.V2());
        await Eventually.UntilAsync(() => app.SettlementOfAsync(first), s => s.Status == SettlementStatus.Confirmed, TimeSpan.FromSeconds(60),
            "The first settlement confirmed");
        var gap = await account.Nonces.TakeAsync(CancellationToken.None); // taken, never signed, stored or sent
        var payment = NewPayment(Chain, payer: 0);

        var pending = await SettleAsync(client, payment.V2());
        Assert.Equal("SETTLEMENT_PENDING", pending.GetProperty("reason").GetString());
        var hash = pending.GetProperty("transaction").GetString()!;
        Assert.Equal(gap + 1, (await app.SettlementOfAsync(payment)).SignerNonce);

        // A real gap: a block comes and the transaction stays in the pool behind the missing nonce.
        var head = await Chain.Rpc.BlockNumberAsync();
        await Eventually.UntilAsync(() => Chain.Rpc.BlockNumberAsync(), n => n > head, what: "The next block");
        Assert.Null(await Chain.Rpc.GetTransactionReceiptAsync(hash));
        Assert.Equal(gap, await Chain.TransactionCountAsync(signer, BlockTag.Latest));

        var settlement = await Eventually.UntilAsync(() => app.SettlementOfAsync(payment), s => s.Status != SettlementStatus.Submitted,
            TimeSpan.FromSeconds(90), "The settlement leaving Submitted");
        Assert.True(settlement.Status == SettlementStatus.Confirmed, $"{settlement.Status}: {settlement.ErrorMessage}");
        Assert.Equal(hash, settlement.TxHash);
        Assert.Equal(payment.Value, await Chain.BalanceOfUsdcAsync(payment.PayTo));
        Assert.Equal(gap + 2, await Chain.TransactionCountAsync(signer, BlockTag.Latest));
        var filler = await FindTransactionAsync(signer, gap, head);
        Assert.Equal(signer.ToLowerHex(), filler.GetProperty("to").GetString());
        Assert.Equal("0x0", filler.GetProperty("value").GetString());

        // The filler is the facilitator's ETH, spent so that this settlement could be mined: an attempt of it, and in the gas total.
        var fillerHash = filler.GetProperty("hash").GetString()!;
        var fillerReceipt = (await Chain.Rpc.GetTransactionReceiptAsync(fillerHash))!;
        var attempts = await Eventually.UntilAsync(() => app.AttemptsOfAsync(settlement.Id), a => a.Any(x => x.GasUsed is not null && x.TxHash == fillerHash),
            TimeSpan.FromSeconds(60), "The filler's gas recorded");
        var fill = Assert.Single(attempts, a => a.Outcome == AttemptOutcome.GapFill);
        Assert.Equal((fillerHash, gap, fillerReceipt.GasUsed, (long)fillerReceipt.EffectiveGasPrice), (fill.TxHash, fill.Nonce, fill.GasUsed!.Value, fill.EffectiveGasPriceWei!.Value));
        Assert.Equal(21_000, fill.GasUsed);
        Assert.Equal((hash, AttemptOutcome.Mined), (attempts.Single(a => a.Outcome == AttemptOutcome.Mined).TxHash, AttemptOutcome.Mined));
        var firstReceipt = (await Chain.Rpc.GetTransactionReceiptAsync((await app.SettlementOfAsync(first)).TxHash!))!;
        var paymentReceipt = (await Chain.Rpc.GetTransactionReceiptAsync(hash))!;
        var stats = await app.Services.GetRequiredService<OverviewService>().GetAsync(merchant.MerchantId, OverviewRange.Last24Hours, CancellationToken.None);
        var expected = (firstReceipt.GasUsed * firstReceipt.EffectiveGasPrice) + (paymentReceipt.GasUsed * paymentReceipt.EffectiveGasPrice)
            + (fillerReceipt.GasUsed * fillerReceipt.EffectiveGasPrice);
        Assert.Equal((decimal)(double)expected, stats.GasSpentWei);
        var api = await GetJsonAsync(client, $"/api/v1/settlements/{settlement.Id}");
        Assert.Contains(api.GetProperty("attempts").EnumerateArray(), a => a.GetProperty("outcome").GetString() == "gapfill"
            && a.GetProperty("txHash").GetString() == fillerHash && a.GetProperty("gasUsed").GetInt64() == 21_000);
    }

    /// <summary>The mined transaction of <paramref name="from"/> with <paramref name="nonce"/>, searched from block <paramref name="fromBlock"/>.</summary>
    private async Task<JsonElement> FindTransactionAsync(EthAddress from, long nonce, long fromBlock)
    {
        var latest = await Chain.Rpc.BlockNumberAsync();
        for (var number = fromBlock; number <= latest; number++)
        {
            var block = await Chain.Client.CallAsync("eth_getBlockByNumber", [new BigInteger(number), true]);
            foreach (var transaction in block.GetProperty("transactions").EnumerateArray())
            {
                if (transaction.GetProperty("from").GetString() == from.ToLowerHex()
                    && HexQuantity.ParseInt64(transaction.GetProperty("nonce").GetString()) == nonce)
                {
                    return transaction.Clone();
                }
            }
        }
        throw new InvalidOperationException($"No mined transaction of {from} with nonce {nonce}.");
    }
}
