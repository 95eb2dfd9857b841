using System.Numerics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using P402.Core.Chain;
using P402.Core.Chain.Ethereum;
using P402.Core.Chain.Rpc;
using P402.Core.Merchants;
using P402.Core.Payments.Gas;
using P402.Core.Payments.Watcher;

namespace P402.Core.Payments;

/// <summary>
/// Builds, signs, records and broadcasts the <c>transferWithAuthorization</c> transaction of a
/// reserved settlement. The signed transaction is stored (Submitted) before it is broadcast, so a
/// crash in between leaves something the reconciler can finish.
/// </summary>
public sealed class SettlementSubmitter(SettlementStore store, MerchantService merchants, SettlementWaiters waiters, IOptions<ChainOptions> options,
    ILogger<SettlementSubmitter> logger)
{
    public async Task<SettleOutcome> SubmitAsync(PaymentNetwork network, Settlement settlement, ParsedPayment payment, CancellationToken cancellationToken)
    {
        var payer = payment.Authorization.From.ToString();
        try
        {
            var settings = await merchants.GetSettingsAsync(settlement.MerchantId, cancellationToken);
            var callData = TokenCalls.TransferWithAuthorization(payment.Authorization, EcdsaSignature.FromBytes65(payment.Signature));
            var feeQuote = ChooseFeesAsync(network, settings, cancellationToken);
            var gasQuote = SettlementGas.EstimateAsync(network, payment.Asset, callData, network.Signer.Address, settings.MaxGasPerSettlement,
                options.Value.GasHeadroomPercent, cancellationToken);
            await Task.WhenAll(feeQuote, gasQuote);
            var (fees, gas) = (await feeQuote, await gasQuote);
            if (gas.ExceedsCap)
            {
                return await RefuseAsync(settlement, PaymentCode.GasLimitExceeded, SettlementGas.ExceedsCapMessage(gas, settings.MaxGasPerSettlement), payer, network);
            }
            await WithFreshNonceRetryAsync(() => network.Nonces.WithNextNonceAsync(async nonce =>
            {
                var transaction = new Eip1559Transaction(network.Options.ChainId, nonce, fees.Priority, fees.Max,
                    gas.Limit, payment.Asset, BigInteger.Zero, callData);
                var signed = transaction.Sign(network.Signer);
                var hash = Hex.Encode(signed.Hash);
                await store.MarkSubmittedAsync(settlement, hash, Hex.Encode(signed.Raw), network.Signer.Address.ToLowerHex(), nonce, cancellationToken);
                await BroadcastAsync(network, signed, cancellationToken);
                PaymentLog.Broadcast(logger, settlement.Id, hash, nonce);
                return hash;
            }, cancellationToken));
            return SettleOutcome.Confirmed(settlement);
        }
        catch (ContractRevertException revert) when (settlement.Status == SettlementStatus.Pending)
        {
            // The gas estimate ran the transfer and it reverted: it would revert on-chain too. Nothing was sent.
            var message = $"The transfer would revert ({revert.Reason ?? "no reason given"}); nothing was sent.";
            return await RefuseAsync(settlement, PaymentCode.SettlementFailed, message, payer, network);
        }
        catch (JsonRpcException refused)
        {
            // The node refused the transaction: nothing is on the chain, the authorization is unspent.
            PaymentLog.BroadcastRefused(logger, settlement.Id, refused.Message);
            await store.MarkFailedAsync(settlement, PaymentCode.SettlementFailed, refused.Message, CancellationToken.None);
            waiters.Finished(settlement);
            return SettleOutcome.Failed(PaymentCode.SettlementFailed, $"The node refused the transaction: {refused.Message}", payer, network.Network, settlement);
        }
        catch (RpcUnavailableException) when (settlement.Status == SettlementStatus.Submitted)
        {
            // Maybe sent, maybe not: the confirmer's wait and the reconciler find out.
            return SettleOutcome.Confirmed(settlement);
        }
        catch (RpcUnavailableException unavailable)
        {
            await store.MarkFailedAsync(settlement, PaymentCode.RpcUnavailable, unavailable.Message, CancellationToken.None);
            waiters.Finished(settlement);
            return SettleOutcome.Failed(PaymentCode.RpcUnavailable, "The network's RPC node did not answer; nothing was sent.", payer, network.Network, settlement);
        }
    }

    private async Task<SettleOutcome> RefuseAsync(Settlement settlement, PaymentCode code, string message, string payer, PaymentNetwork network)
    {
        PaymentLog.Refused(logger, settlement.Id, PaymentCodes.Name(code));
        await store.MarkFailedAsync(settlement, code, message, CancellationToken.None);
        waiters.Finished(settlement);
        return SettleOutcome.Failed(code, message, payer, network.Network, settlement);
    }

    private static async Task BroadcastAsync(PaymentNetwork network, SignedTransaction signed, CancellationToken cancellationToken)
    {
        try
        {
            await network.Rpc.SendRawTransactionAsync(signed.Raw, cancellationToken);
        }
        catch (JsonRpcException known) when (known.Message.Contains("already known", StringComparison.OrdinalIgnoreCase))
        {
            // A retry after a lost answer: the node has it.
        }
    }

    /// <summary>
    /// A nonce the node calls too low means another sender used the key (or a restart raced the pool):
    /// the nonce manager has resynchronised, so one more attempt signs with the right nonce.
    /// </summary>
    private static async Task WithFreshNonceRetryAsync(Func<Task<string>> submit)
    {
        try
        {
            await submit();
        }
        catch (JsonRpcException stale) when (stale.Message.Contains("nonce too low", StringComparison.OrdinalIgnoreCase))
        {
            await submit();
        }
    }

    /// <summary>EIP-1559 fees capped by the merchant's gas price limit.</summary>
    private static async Task<(BigInteger Priority, BigInteger Max)> ChooseFeesAsync(PaymentNetwork network, MerchantSettings settings, CancellationToken cancellationToken)
    {
        var baseFee = network.Rpc.GetLatestBaseFeeAsync(cancellationToken);
        var tip = network.Rpc.MaxPriorityFeePerGasAsync(cancellationToken);
        await Task.WhenAll(baseFee, tip);
        BigInteger limit = settings.GasPriceLimitWei;
        var max = BigInteger.Min(limit, (await baseFee * 2) + await tip);
        var priority = BigInteger.Min(await tip, max);
        return (priority, max);
    }
}
