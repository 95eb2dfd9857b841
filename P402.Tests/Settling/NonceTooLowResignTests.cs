using P402.Core.Chain.Rpc;
using P402.Core.Payments.Sending;
using P402.Tests.Infrastructure;
using static P402.Tests.Facilitator.FacilitatorHttp;

namespace P402.Tests.Settling;

/// <summary>
/// The key's nonce is spent behind P402's back just before its broadcast reaches the node, twice in a row (another sender of
/// the key, as an instance whose lease lapsed mid-send would be): the node calls each "nonce too low" and does not have the
/// transaction, so P402 signs again with a resynced nonce, each attempt recorded, and the payment settles once.
/// </summary>
public sealed class NonceTooLowResignTests(AnvilChainFixture chain) : IClassFixture<AnvilChainFixture>
{
    [Fact]
    public async Task Settle_NonceSpentElsewhereBeforeTwoBroadcasts_SignedAgainTwiceAndSettlesOnce()
    {
        await using var proxy = await JsonRpcFaultProxy.StartAsync(chain.RpcUrl);
        await using var app = new P402AppFactory(chain, settings: new Dictionary<string, string?> { ["Chain:Networks:0:RpcUrl"] = proxy.Url.ToString() });
        var client = app.ClientFor(await app.CreateMerchantAsync());
        var facilitator = chain.Chain.Facilitator.Address;
        var spent = 0;
        proxy.BeforeSendRawTransaction = async () =>
        {
            if (Interlocked.Increment(ref spent) <= 2)
            {
                await chain.SendSignedAsync(chain.FacilitatorKey, facilitator, []); // mined: the nonce P402 signed with is spent
            }
        };
        var nonceBefore = await chain.TransactionCountAsync(facilitator, BlockTag.Pending);
        var payment = NewPayment(chain, payer: 0);

        var transaction = AssertSettled(await SettleAsync(client, payment.V2()));

        var settlement = await app.SettlementOfAsync(payment);
        var attempts = await Eventually.UntilAsync(() => app.AttemptsOfAsync(settlement.Id), a => a.Any(x => x.Outcome == AttemptOutcome.Mined),
            what: "the third attempt mined");
        Assert.Equal(3, attempts.Count);
        Assert.Equal([AttemptOutcome.Dropped, AttemptOutcome.Dropped, AttemptOutcome.Mined], attempts.OrderBy(a => a.Number).Select(a => a.Outcome));
        Assert.Equal(transaction, attempts.Single(a => a.Outcome == AttemptOutcome.Mined).TxHash);
        Assert.Equal(3, attempts.Select(a => a.Nonce).Distinct().Count());
        Assert.Equal(payment.Value, await chain.BalanceOfUsdcAsync(payment.PayTo));
        Assert.Equal(nonceBefore + 3, await chain.TransactionCountAsync(facilitator, BlockTag.Pending)); // two spent elsewhere, one settlement
    }
}
