using System.Text.Json;
using P402.Core.Chain.Rpc;
using P402.Tests.Infrastructure;
using static P402.Tests.Facilitator.FacilitatorHttp;

namespace P402.Tests.Facilitator;

/// <summary>
/// A settle whose transaction is not mined in time answers SETTLEMENT_PENDING with its hash and delivers
/// nothing; a retry or a restart finishes that same transaction and never sends a second one, and the
/// first settle to find it confirmed gets the one success. Automine is off while each test runs, so the
/// test decides when blocks happen.
/// </summary>
public sealed class SettleRestartTests(AnvilChainFixture chain) : IClassFixture<AnvilChainFixture>
{
    private static readonly Dictionary<string, string?> ShortWait = new() { ["Chain:ConfirmationTimeoutSeconds"] = "1" };

    [Fact]
    public async Task Settle_InterruptedAfterBroadcast_ConfirmedByTheReconcilerAfterRestart()
    {
        await WithAutomineOffAsync(async () =>
        {
            var payment = NewPayment(chain);
            var nonceBefore = await FacilitatorNonceAsync(BlockTag.Latest);
            string databasePath, settlementId, hash;
            TestMerchant merchant;
            await using (var first = new P402AppFactory(chain, settings: ShortWait))
            {
                databasePath = first.DatabasePath;
                merchant = await first.CreateMerchantAsync();
                var pending = await SettleAsync(first.ClientFor(merchant), payment.V2());
                (settlementId, hash) = AssertPending(pending);
                Assert.Equal("submitted", (await GetJsonAsync(first.ClientFor(merchant), $"/api/v1/settlements/{settlementId}")).GetProperty("status").GetString());
            }

            await chain.MineAsync();
            Assert.True((await chain.WaitForReceiptAsync(hash)).Succeeded);

            await using var second = new P402AppFactory(chain, databasePath, ShortWait);
            var client = second.ClientFor(merchant);
            var settlement = await GetJsonAsync(client, $"/api/v1/settlements/{settlementId}");
            Assert.Equal("confirmed", settlement.GetProperty("status").GetString());
            Assert.Equal(hash, settlement.GetProperty("txHash").GetString());
            Assert.Equal(JsonValueKind.Number, settlement.GetProperty("blockNumber").ValueKind);

            var retry = await SettleAsync(client, payment.V2());
            Assert.Equal(hash, AssertSettled(retry));
            Assert.Equal(settlementId, retry.GetProperty("settlementId").GetString());
            AssertReplayOf(await SettleAsync(client, payment.V2()), hash);

            Assert.Equal(nonceBefore + 1, await FacilitatorNonceAsync(BlockTag.Latest));
            Assert.Equal(nonceBefore + 1, await FacilitatorNonceAsync(BlockTag.Pending));
            Assert.Equal(payment.Value, await chain.BalanceOfUsdcAsync(payment.PayTo));
        });
    }

    [Fact]
    public async Task Settle_TransactionLostFromThePoolBeforeRestart_ReconcilerRebroadcastsTheSameTransaction()
    {
        await WithAutomineOffAsync(async () =>
        {
            var payment = NewPayment(chain, payer: 1);
            var nonceBefore = await FacilitatorNonceAsync(BlockTag.Latest);
            string databasePath, hash;
            TestMerchant merchant;
            await using (var first = new P402AppFactory(chain, settings: ShortWait))
            {
                databasePath = first.DatabasePath;
                merchant = await first.CreateMerchantAsync();
                (_, hash) = AssertPending(await SettleAsync(first.ClientFor(merchant), payment.V1()));
            }
            await chain.DropTransactionAsync(hash);
            Assert.Null(await chain.Rpc.GetTransactionByHashAsync(hash));

            await using var second = new P402AppFactory(chain, databasePath, ShortWait);
            var client = second.ClientFor(merchant);
            _ = await GetJsonAsync(client, "/api/v1/settlements");
            Assert.NotNull(await chain.Rpc.GetTransactionByHashAsync(hash));
            await chain.MineAsync();

            Assert.Equal(hash, AssertSettled(await SettleAsync(client, payment.V1())));
            Assert.Equal(nonceBefore + 1, await FacilitatorNonceAsync(BlockTag.Latest));
            Assert.Equal(payment.Value, await chain.BalanceOfUsdcAsync(payment.PayTo));
        });
    }

    [Fact]
    public async Task Settle_RetriedWhilePending_PendingThenSuccessOnceThenReplayAndNeverSendsAgain()
    {
        await WithAutomineOffAsync(async () =>
        {
            var payment = NewPayment(chain, payer: 2);
            var nonceBefore = await FacilitatorNonceAsync(BlockTag.Latest);
            await using var app = new P402AppFactory(chain, settings: ShortWait);
            var client = app.ClientFor(await app.CreateMerchantAsync());

            var (settlementId, hash) = AssertPending(await SettleAsync(client, payment.V2()));
            for (var retry = 0; retry < 3; retry++)
            {
                var again = AssertPending(await SettleAsync(client, payment.V2()));
                Assert.Equal((settlementId, hash), again);
            }
            Assert.Equal(nonceBefore + 1, await FacilitatorNonceAsync(BlockTag.Pending));
            AssertInvalid(await VerifyAsync(client, payment.V2()), "REPLAY_DETECTED", "invalid_exact_evm_nonce_already_used");

            await chain.MineAsync();
            var settled = await SettleAsync(client, payment.V2());
            Assert.Equal(hash, AssertSettled(settled));
            Assert.Equal(settlementId, settled.GetProperty("settlementId").GetString());
            var third = await SettleAsync(client, payment.V2());
            AssertReplayOf(third, hash);
            Assert.Equal(settlementId, third.GetProperty("settlementId").GetString());
            Assert.Equal(nonceBefore + 1, await FacilitatorNonceAsync(BlockTag.Latest));
            Assert.Equal(nonceBefore + 1, await FacilitatorNonceAsync(BlockTag.Pending));
            Assert.Equal(payment.Value, await chain.BalanceOfUsdcAsync(payment.PayTo));
        });
    }

    private static (string SettlementId, string Hash) AssertPending(JsonElement settle)
    {
        Assert.False(settle.GetProperty("success").GetBoolean(), settle.ToString());
        Assert.Equal("SETTLEMENT_PENDING", settle.GetProperty("reason").GetString());
        Assert.Equal("settlement_pending", settle.GetProperty("errorReason").GetString());
        var hash = settle.GetProperty("transaction").GetString()!;
        Assert.Matches("^0x[0-9a-f]{64}$", hash);
        Assert.Equal(hash, settle.GetProperty("txHash").GetString());
        return (settle.GetProperty("settlementId").GetString()!, hash);
    }

    private Task<long> FacilitatorNonceAsync(string blockTag) => chain.TransactionCountAsync(chain.Chain.Facilitator.Address, blockTag);

    private async Task WithAutomineOffAsync(Func<Task> test)
    {
        await chain.SetAutomineAsync(false);
        try
        {
            await test();
        }
        finally
        {
            await chain.SetAutomineAsync(true);
            await chain.MineAsync();
        }
    }
}
