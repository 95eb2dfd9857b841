using Microsoft.Extensions.Logging;
using P402.Core.Chain;
using P402.Core.Chain.Ethereum;
using P402.Core.Chain.Rpc;
using P402.Core.Chain.Signers;

namespace P402.Core.Payments.Sending;

/// <summary>
/// Takes a nonce of the chosen key, signs, records the signed transaction (Submitted) and broadcasts it.
/// No lock is held across the broadcast round trip: the key's nonce sequence hands out the next nonce at
/// once. A nonce the node refused goes back to the sequence; a nonce the node calls too low was used
/// elsewhere, so the sequence catches up and the transaction is signed once more with a fresh nonce
/// (the first can never be mined: its nonce is spent), a bounded number of times. Nothing is stored or broadcast under a
/// lease that is not provably valid: the lease is entered again first. A first send refused as priced below the base fee never reached the
/// pool: with <c>reprice</c> it is Refused, re-priced from a fresh fee quote and signed once more.
/// </summary>
internal static class SettlementSender
{
    /// <summary>
    /// How many times a transaction the node calls "nonce too low" (and provably does not have: not found by its hash) is
    /// signed again with a resynced nonce before the payment fails. Each is recorded as an attempt; they share one
    /// authorization, so at most one can be mined.
    /// </summary>
    private const int NonceTooLowResigns = 4;

    public static async Task SendAsync(PaymentNetwork network, SignerAccount signer, Settlement settlement, Func<long, Eip1559Transaction> build,
        SettlementStore store, ILogger logger, CancellationToken cancellationToken, Signatures.PayerKind payerKind = Signatures.PayerKind.Eoa,
        long? deploymentGas = null, Func<CancellationToken, Task<bool>>? reprice = null)
    {
        // Under the key's lease (several instances on one database): its nonces are this instance's until the broadcast is done.
        var stage = SettlementStages.Now();
        var takeover = SignerTakeover.For(network, signer, store, logger);
        var lease = await network.Signers.EnterAsync(signer, takeover, cancellationToken);
        stage = SettlementStages.Record("lease", stage);
        signer.Began();
        try
        {
            var repriced = false;
            for (var resigns = 0; ; )
            {
                lease = await ValidAsync(network, signer, lease, takeover, settlement, logger, cancellationToken);
                var nonce = await signer.Nonces.TakeAsync(cancellationToken);
                stage = SettlementStages.Record("nonce", stage);
                var transaction = build(nonce);
                var signed = transaction.Sign(signer.Key);
                stage = SettlementStages.Record("sign", stage);
                var hash = signed.HashHex;
                try
                {
                    await store.MarkSubmittedAsync(settlement, AttemptDraft.Of(transaction, signed, signer.Address), cancellationToken, payerKind, deploymentGas);
                    stage = SettlementStages.Record("store", stage);
                }
                catch
                {
                    signer.Nonces.Return(nonce); // not stored, so never sent
                    throw;
                }
                try
                {
                    // The store outlived the lease: the broadcast waits for it again (a new holder may have sent the stored transaction).
                    lease = await ValidAsync(network, signer, lease, takeover, settlement, logger, cancellationToken);
                }
                catch (SignerLeaseUnavailableException)
                {
                    SendingLog.BroadcastLeftToWatcher(logger, settlement.Id, hash);
                    return; // stored, not sent by this call: the network's watcher re-broadcasts it under the lease, or finds its receipt
                }
                try
                {
                    await BroadcastAsync(network, signed, cancellationToken);
                    stage = SettlementStages.Record("broadcast", stage);
                    signer.Outcome(null);
                    PaymentLog.Broadcast(logger, settlement.Id, hash, nonce);
                    return;
                }
                catch (JsonRpcException refused)
                {
                    if (BroadcastAnswers.IsNonceTooLow(refused))
                    {
                        if (await network.Rpc.GetTransactionByHashAsync(hash, cancellationToken) is not null)
                        {
                            // An earlier attempt of this very broadcast reached the node (its answer was lost): mined or pooled.
                            signer.Outcome(null);
                            return;
                        }
                        if (resigns < NonceTooLowResigns)
                        {
                            // Definitive: its nonce is spent by another transaction, this one can never be mined. Signed again.
                            resigns++;
                            SendingLog.NonceTooLowResigned(logger, settlement.Id, hash, nonce, resigns);
                            await signer.Nonces.ResyncAsync(cancellationToken);
                            continue;
                        }
                    }
                    else
                    {
                        signer.Nonces.Return(nonce);
                        if (!repriced && reprice is not null && BroadcastAnswers.IsUnderpriced(refused))
                        {
                            repriced = true;
                            if (await reprice(cancellationToken))
                            {
                                SendingLog.Repriced(logger, settlement.Id, hash, refused.RpcMessage);
                                await store.MarkAttemptRefusedAsync(settlement, hash, $"Refused as underpriced ({refused.RpcMessage}); re-priced from a fresh fee quote.",
                                    cancellationToken);
                                continue;
                            }
                        }
                    }
                    if (refused.RpcMessage.Contains("insufficient funds", StringComparison.OrdinalIgnoreCase))
                    {
                        signer.SetBalance(0); // skipped until a balance read says otherwise
                    }
                    signer.Outcome(refused.RpcMessage);
                    throw;
                }
            }
        }
        finally
        {
            signer.Ended();
            lease.Dispose();
        }
    }

    /// <summary>
    /// <paramref name="lease"/> while it is provably unexpired; otherwise (renewals ran late: another instance may hold the key
    /// now) it is given up and the key's lease entered again, which in a new epoch restarts the key's nonces from the node.
    /// </summary>
    private static async Task<SignerLeaseUse> ValidAsync(PaymentNetwork network, SignerAccount signer, SignerLeaseUse lease,
        Func<CancellationToken, Task> takeover, Settlement settlement, ILogger logger, CancellationToken cancellationToken)
    {
        if (lease.IsValid)
        {
            return lease;
        }
        SendingLog.LeaseLapsed(logger, settlement.Id, lease.Epoch);
        lease.Dispose();
        return await network.Signers.EnterAsync(signer, takeover, cancellationToken);
    }

    private static async Task BroadcastAsync(PaymentNetwork network, SignedTransaction signed, CancellationToken cancellationToken)
    {
        try
        {
            await network.Rpc.SendRawTransactionAsync(signed.Raw, cancellationToken);
        }
        catch (JsonRpcException known) when (BroadcastAnswers.IsAlreadyKnown(known))
        {
            // A retry after a lost answer: the node has it.
        }
    }
}
