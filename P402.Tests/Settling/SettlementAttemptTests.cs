using System.Net.Http.Json;
using System.Numerics;
using System.Security.Cryptography;
using System.Text.Json;
using P402.Core.Chain.Ethereum;
using P402.Core.Payments;
using P402.Core.Payments.Sending;
using P402.Tests.Infrastructure;
using static P402.Tests.Facilitator.FacilitatorHttp;

namespace P402.Tests.Settling;

/// <summary>Every broadcast of a settlement's transaction is an attempt on its record, with the fees it was sent with and what became of it.</summary>
public sealed class SettlementAttemptTests(BlockTimeChainFixture fixture) : IClassFixture<BlockTimeChainFixture>
{
    private AnvilChainFixture Chain => fixture.Chain;

    [Fact]
    public async Task Settle_OnAOneSecondChain_RecordsOneMinedAttemptWithTheTransactionsFeesAndGas()
    {
        await using var app = new P402AppFactory(Chain);
        var client = app.ClientFor(await app.CreateMerchantAsync());
        var payment = NewPayment(Chain, payer: 0);

        var hash = AssertSettled(await SettleAsync(client, payment.V2()));

        var settlement = await app.SettlementOfAsync(payment);
        var attempt = Assert.Single(await app.AttemptsOfAsync(settlement.Id));
        var transaction = (await Chain.Rpc.GetTransactionByHashAsync(hash))!;
        var receipt = (await Chain.Rpc.GetTransactionReceiptAsync(hash))!;
        Assert.Equal((1, hash, AttemptOutcome.Mined), (attempt.Number, attempt.TxHash, attempt.Outcome));
        Assert.Equal(settlement.TxHash, attempt.TxHash);
        Assert.Equal(transaction.Nonce, attempt.Nonce);
        Assert.Equal(Chain.Chain.Facilitator.Address.ToLowerHex(), attempt.Signer);
        Assert.Equal(transaction.MaxFeePerGas, attempt.MaxFeePerGasWei);
        Assert.Equal(transaction.MaxPriorityFeePerGas, attempt.MaxPriorityFeePerGasWei);
        Assert.Equal(transaction.Gas, attempt.GasLimit);
        Assert.Equal((receipt.BlockNumber, receipt.GasUsed, (long)receipt.EffectiveGasPrice), (attempt.BlockNumber!.Value, attempt.GasUsed!.Value, attempt.EffectiveGasPriceWei!.Value));
        Assert.Null(attempt.RawTransaction); // final: no longer kept
    }

    [Fact]
    public async Task Settle_NodeRefusesTheBroadcast_AttemptIsRefusedWithTheNodesReason()
    {
        var secret = Hex.Encode(RandomNumberGenerator.GetBytes(32));
        await Chain.SetEthBalanceAsync(EthKey.Parse(secret).Address, BigInteger.Zero); // no ETH for gas: the node refuses it
        await using var app = new P402AppFactory(Chain, settings: new Dictionary<string, string?> { ["Chain:FacilitatorPrivateKey"] = secret });
        var client = app.ClientFor(await app.CreateMerchantAsync());
        var payment = NewPayment(Chain, payer: 1);

        var response = await client.PostAsJsonAsync("/settle", payment.V2());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(body.GetProperty("success").GetBoolean(), body.ToString());

        var settlement = await app.SettlementOfAsync(payment);
        Assert.Equal(SettlementStatus.Failed, settlement.Status);
        var attempt = Assert.Single(await app.AttemptsOfAsync(settlement.Id));
        Assert.Equal(AttemptOutcome.Refused, attempt.Outcome);
        Assert.Contains("insufficient funds", attempt.Note, StringComparison.OrdinalIgnoreCase);
        Assert.Null(attempt.GasUsed);
        Assert.Null(await Chain.Rpc.GetTransactionByHashAsync(attempt.TxHash));
    }
}
