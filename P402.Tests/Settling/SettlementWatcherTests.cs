using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using P402.Core.Chain.Rpc;
using P402.Core.Common;
using P402.Core.Payments;
using P402.Core.Payments.Watcher;
using P402.Tests.Infrastructure;
using static P402.Tests.Facilitator.FacilitatorHttp;

namespace P402.Tests.Settling;

/// <summary>
/// Each network's settlement watcher finishes what /settle started: a settle whose wait timed out ends
/// Confirmed with no retry and no restart; waiting requests are woken by it. Automine is off while a test
/// runs, so the test decides when the block comes.
/// </summary>
public sealed class SettlementWatcherTests(AnvilChainFixture chain) : IClassFixture<AnvilChainFixture>
{
    private static readonly Dictionary<string, string?> ShortWait = new() { ["Chain:ConfirmationTimeoutSeconds"] = "1" };

    [Fact]
    public async Task Waiter_SettlementFinishedByAnotherInstance_WokenByThatInstancesEvent()
    {
        await using var app = new P402AppFactory(chain);
        var merchant = await app.CreateMerchantAsync();
        var payment = NewPayment(chain, payer: 2);
        var settled = await SettleAsync(app.ClientFor(merchant), payment.V2());
        Assert.True(settled.GetProperty("success").GetBoolean(), settled.ToString());
        var id = settled.GetProperty("settlementId").GetString()!;

        // A request here waits on a settlement whose outcome another instance's watcher recorded (its event arrives by NOTIFY).
        var waiter = app.Services.GetRequiredService<SettlementWaiters>().Register(id);
        app.Services.GetRequiredService<MerchantEvents>().DeliverFromAnotherInstance(new MerchantEvent(merchant.MerchantId, MerchantEventKind.SettlementChanged, id));

        var woken = await waiter.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(id, woken.Id);
        Assert.Equal(SettlementStatus.Confirmed, woken.Status);
    }

    [Fact]
    public async Task Settle_WaitTimedOut_WatcherConfirmsItWithoutRetryOrRestart()
    {
        await using var app = new P402AppFactory(chain, settings: ShortWait);
        var client = app.ClientFor(await app.CreateMerchantAsync());
        var payment = NewPayment(chain, payer: 0);
        string settlementId, hash;
        await chain.SetAutomineAsync(false);
        try
        {
            var pending = await SettleAsync(client, payment.V2());
            Assert.Equal("SETTLEMENT_PENDING", pending.GetProperty("reason").GetString());
            settlementId = pending.GetProperty("settlementId").GetString()!;
            hash = pending.GetProperty("transaction").GetString()!;
            await chain.MineAsync();
        }
        finally
        {
            await chain.SetAutomineAsync(true);
        }

        var settlement = await Eventually.UntilAsync(() => GetJsonAsync(client, $"/api/v1/settlements/{settlementId}"),
            s => s.GetProperty("status").GetString() != "submitted", what: "The settlement leaving Submitted");
        Assert.Equal("confirmed", settlement.GetProperty("status").GetString());
        Assert.Equal(hash, settlement.GetProperty("txHash").GetString());
        Assert.Equal((await chain.Rpc.GetTransactionReceiptAsync(hash))!.BlockNumber, settlement.GetProperty("blockNumber").GetInt64());
        Assert.Equal(payment.Value, await chain.BalanceOfUsdcAsync(payment.PayTo));
    }

    [Fact]
    public async Task Watcher_TransactionDroppedFromThePool_RebroadcastsTheSameTransactionWhichConfirms()
    {
        await using var app = new P402AppFactory(chain, settings: ShortWait);
        var client = app.ClientFor(await app.CreateMerchantAsync());
        var payment = NewPayment(chain, payer: 1);
        var facilitator = chain.Chain.Facilitator.Address;
        var nonceBefore = await chain.TransactionCountAsync(facilitator, BlockTag.Latest);
        string settlementId, hash;
        await chain.SetAutomineAsync(false);
        try
        {
            var pending = await SettleAsync(client, payment.V2());
            Assert.Equal("SETTLEMENT_PENDING", pending.GetProperty("reason").GetString());
            (settlementId, hash) = (pending.GetProperty("settlementId").GetString()!, pending.GetProperty("transaction").GetString()!);
            await chain.DropTransactionAsync(hash);
            Assert.Null(await chain.Rpc.GetTransactionByHashAsync(hash));

            // Blocks go by without it: after Chain:StuckAfterBlocks (3) the watcher finds the node forgot it.
            await chain.MineAsync(3);
            await Eventually.UntilAsync(() => chain.Rpc.GetTransactionByHashAsync(hash), t => t is not null, what: "The transaction back in the pool");
            await chain.MineAsync();
        }
        finally
        {
            await chain.SetAutomineAsync(true);
        }

        var settlement = await Eventually.UntilAsync(() => GetJsonAsync(client, $"/api/v1/settlements/{settlementId}"),
            s => s.GetProperty("status").GetString() != "submitted", what: "The settlement leaving Submitted");
        Assert.Equal("confirmed", settlement.GetProperty("status").GetString());
        Assert.Equal(hash, settlement.GetProperty("txHash").GetString());
        Assert.Equal(nonceBefore + 1, await chain.TransactionCountAsync(facilitator, BlockTag.Latest));
        Assert.Equal(payment.Value, await chain.BalanceOfUsdcAsync(payment.PayTo));
    }

    [Fact]
    public async Task Settle_ManyWaitingForOneBlock_AllWokenByTheWatcherWithTheirOwnTransaction()
    {
        await using var app = new P402AppFactory(chain);
        var client = app.ClientFor(await app.CreateMerchantAsync());
        var payments = Enumerable.Range(0, 6).Select(i => NewPayment(chain, payer: i % 3)).ToList();
        var nonceBefore = await chain.TransactionCountAsync(chain.Chain.Facilitator.Address, BlockTag.Latest);
        JsonElement[] settled;
        await chain.SetAutomineAsync(false);
        try
        {
            var settling = payments.Select(p => SettleAsync(client, p.V2())).ToList();
            await Eventually.UntilAsync(() => chain.TransactionCountAsync(chain.Chain.Facilitator.Address, BlockTag.Pending),
                n => n == nonceBefore + payments.Count, what: "Every settlement's transaction in the pool");
            await chain.MineAsync();
            settled = await Task.WhenAll(settling);
        }
        finally
        {
            await chain.SetAutomineAsync(true);
        }

        var hashes = settled.Select(AssertSettled).ToList();
        Assert.Equal(payments.Count, hashes.Distinct().Count());
        var blocks = await Task.WhenAll(hashes.Select(async h => (await chain.Rpc.GetTransactionReceiptAsync(h))!.BlockNumber));
        Assert.Single(blocks.Distinct());
        foreach (var payment in payments)
        {
            Assert.Equal(payment.Value, await chain.BalanceOfUsdcAsync(payment.PayTo));
        }
    }
}
