using Microsoft.Extensions.Logging;
using P402.Core.Chain;
using P402.Core.Chain.Ethereum;
using P402.Core.Chain.Rpc;
using P402.Core.Chain.Signers;
using P402.Core.Payments.Sending;

namespace P402.Core.Payments;

/// <summary>
/// What a holder does first each time it takes a signer key's lease anew: an earlier holder (another instance that died
/// or stalled, or this one before a restart) may have stored signed transactions (Submitted) that the node never got
/// or has since forgotten. Those at or above the node's pending nonce go out again as signed, lowest nonce first,
/// before the new holder restarts the key's sequence from the pending nonce: so its own transactions follow them
/// instead of taking their nonces. One node call and one query when there is nothing to send. The watchers finish them.
/// </summary>
internal static class SignerTakeover
{
    public static Func<CancellationToken, Task> For(PaymentNetwork network, SignerAccount signer, SettlementStore store, ILogger logger) =>
        For(network, signer.Address, store, logger);

    public static Func<CancellationToken, Task> For(PaymentNetwork network, EthAddress signer, SettlementStore store, ILogger logger) =>
        cancellationToken => RebroadcastForgottenAsync(network, signer, store, logger, cancellationToken);

    public static async Task RebroadcastForgottenAsync(PaymentNetwork network, EthAddress signer, SettlementStore store, ILogger logger,
        CancellationToken cancellationToken)
    {
        var address = signer.ToLowerHex();
        var pending = await network.Rpc.GetTransactionCountAsync(signer, BlockTag.Pending, cancellationToken);
        var stored = (await store.ListSubmittedAsync(network.Network, cancellationToken))
            .Where(s => s.SignerAddress == address && s.SignerNonce >= pending && s.RawTransaction is not null)
            .OrderBy(s => s.SignerNonce)
            .ToList();
        var sent = 0;
        foreach (var settlement in stored)
        {
            try
            {
                await network.Rpc.SendRawTransactionAsync(Hex.Decode(settlement.RawTransaction!), cancellationToken);
                sent++;
            }
            catch (JsonRpcException refused) when (BroadcastAnswers.IsAlreadyKnown(refused) || BroadcastAnswers.IsNonceTooLow(refused))
            {
                // Known after all (queued behind a gap), or its nonce is spent: the watcher finds its receipt or fails it.
            }
        }
        if (sent > 0)
        {
            SignerLeaseLog.TakeoverRebroadcast(logger, address, sent);
        }
    }
}
