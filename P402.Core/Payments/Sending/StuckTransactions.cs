using Microsoft.Extensions.Logging;
using P402.Core.Chain;
using P402.Core.Chain.Ethereum;
using P402.Core.Chain.Rpc;
using P402.Core.Merchants;
using P402.Core.Payments.Watcher;

namespace P402.Core.Payments.Sending;

/// <summary>
/// What the watcher does with a settlement whose transaction stayed unmined for
/// <see cref="ChainOptions.StuckAfterBlocks"/> blocks: priced below the current base fee (or refused as
/// underpriced) → replaced with the same nonce and higher fees (<see cref="FeeBump"/>), within the caps;
/// forgotten by the node → re-broadcast as signed (same hash: never a second payment).
/// </summary>
internal sealed class StuckTransactions(PaymentNetwork network, SettlementStore store, SettlementConfirmer confirmer, SettlementWaiters waiters,
    MerchantService merchants, ChainOptions options, ILogger logger)
{
    public async Task FollowAsync(Settlement settlement, IReadOnlyList<SettlementAttempt> live, CancellationToken cancellationToken)
    {
        var current = live.LastOrDefault(a => string.Equals(a.TxHash, settlement.TxHash, StringComparison.OrdinalIgnoreCase));
        var known = await network.Rpc.GetTransactionByHashAsync(settlement.TxHash!, cancellationToken);
        if (known is { IsPending: false } || settlement.RawTransaction is not { } raw)
        {
            return; // mined (the next pass reads its receipt), or nothing to send again
        }
        if (current is not null)
        {
            var baseFee = await network.Rpc.GetLatestBaseFeeAsync(cancellationToken);
            if (current.MaxFeePerGasWei < baseFee)
            {
                await ReplaceAsync(settlement, current, raw, baseFee, cancellationToken);
                return;
            }
        }
        if (known is null)
        {
            await RebroadcastAsync(settlement, current, raw, cancellationToken);
        }
    }

    private async Task RebroadcastAsync(Settlement settlement, SettlementAttempt? current, string raw, CancellationToken cancellationToken)
    {
        try
        {
            WatcherLog.Rebroadcast(logger, settlement.Id, settlement.TxHash!);
            await network.Rpc.SendRawTransactionAsync(Hex.Decode(raw), cancellationToken);
        }
        catch (JsonRpcException known) when (BroadcastAnswers.IsAlreadyKnown(known))
        {
        }
        catch (JsonRpcException underpriced) when (current is not null && BroadcastAnswers.IsUnderpriced(underpriced))
        {
            // The pool will not take it at its price: a replacement at today's fees will.
            await ReplaceAsync(settlement, current, raw, await network.Rpc.GetLatestBaseFeeAsync(cancellationToken), cancellationToken);
        }
        catch (JsonRpcException refused)
        {
            // Not mined, not in the pool and refused again (its nonce went to another transaction, say): it never will be.
            if (await network.Rpc.GetTransactionReceiptAsync(settlement.TxHash!, cancellationToken) is { } receipt)
            {
                // Recorded as mined (a revert as final); the watcher confirms it once its block is deep enough.
                await confirmer.FinalizeAsync(settlement, receipt, deep: false, cancellationToken);
                return;
            }
            WatcherLog.NeverMined(logger, settlement.Id, refused.RpcMessage);
            await store.MarkFailedAsync(settlement, PaymentCode.SettlementFailed, $"Not mined and refused on re-broadcast: {refused.RpcMessage}", cancellationToken);
            waiters.Finished(settlement);
        }
    }

    /// <summary>Signs the same transaction (nonce, call, gas) with higher fees, records it as the next attempt and broadcasts it.</summary>
    private async Task ReplaceAsync(Settlement settlement, SettlementAttempt current, string raw, System.Numerics.BigInteger baseFee,
        CancellationToken cancellationToken)
    {
        if (network.Signers.Find(EthAddress.Parse(current.Signer)) is not { } signer)
        {
            SendingLog.SignerGone(logger, settlement.Id, current.Signer, current.TxHash);
            await NoteAsync(settlement, current, $"Not replaced: signer {current.Signer} is no longer configured.", cancellationToken);
            return;
        }
        var settings = await merchants.GetSettingsAsync(settlement.MerchantId, cancellationToken);
        var tip = await network.Rpc.MaxPriorityFeePerGasAsync(cancellationToken);
        var cap = System.Numerics.BigInteger.Min(settings.GasPriceLimitWei, OperatorCapWei(options));
        var fees = FeeBump.Next(current.MaxFeePerGasWei, current.MaxPriorityFeePerGasWei, baseFee, tip, options.FeeBumpPercent, cap);
        if (fees.HeldBecause is { } reason)
        {
            await NoteAsync(settlement, current, reason, cancellationToken);
            return;
        }
        var replacement = Eip1559Transaction.Decode(Hex.Decode(raw)) with
        {
            MaxFeePerGas = fees.MaxFeePerGas,
            MaxPriorityFeePerGas = fees.MaxPriorityFeePerGas,
        };
        var signed = replacement.Sign(signer.Key);
        await store.MarkSubmittedAsync(settlement, AttemptDraft.Of(replacement, signed, signer.Address), cancellationToken, settlement.PayerKind,
            settlement.DeploymentGas);
        SendingLog.Replaced(logger, settlement.Id, current.TxHash, current.Nonce, signed.HashHex, FeeBump.Gwei(fees.MaxFeePerGas),
            FeeBump.Gwei(fees.MaxPriorityFeePerGas));
        try
        {
            await network.Rpc.SendRawTransactionAsync(signed.Raw, cancellationToken);
        }
        catch (JsonRpcException known) when (BroadcastAnswers.IsAlreadyKnown(known))
        {
        }
        catch (JsonRpcException refused)
        {
            // Nonce too low: one of the attempts was mined meanwhile, and the next pass reads its receipt. Otherwise the
            // earlier attempt is still the live one; the next check tries again.
            SendingLog.ReplacementRefused(logger, settlement.Id, signed.HashHex, refused.RpcMessage);
            await store.MarkAttemptRefusedAsync(settlement, signed.HashHex, $"The node refused the replacement: {refused.RpcMessage}", cancellationToken);
        }
    }

    private async Task NoteAsync(Settlement settlement, SettlementAttempt current, string reason, CancellationToken cancellationToken)
    {
        if (current.Note != reason)
        {
            SendingLog.ReplacementHeld(logger, settlement.Id, current.TxHash, reason);
            await store.NoteAttemptAsync(settlement.Id, current.Number, reason, cancellationToken);
        }
    }

    internal static System.Numerics.BigInteger OperatorCapWei(ChainOptions options) =>
        new(options.MaxFeePerGasGwei * 1_000_000_000m);
}
