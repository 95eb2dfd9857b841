using System.Numerics;
using Microsoft.Extensions.Logging;
using P402.Core.Chain;
using P402.Core.Chain.Ethereum;
using P402.Core.Chain.Rpc;
using P402.Core.Merchants;
using P402.Core.Payments.Signatures;

namespace P402.Core.Payments;

/// <summary>
/// Builds, signs, records and broadcasts the <c>transferWithAuthorization</c> transaction of a
/// reserved settlement. The signed transaction is stored (Submitted) before it is broadcast, so a
/// crash in between leaves something the reconciler can finish.
/// </summary>
public sealed class SettlementSubmitter(SettlementStore store, MerchantService merchants, ILogger<SettlementSubmitter> logger)
{
    public Task<SettleOutcome> SubmitAsync(PaymentNetwork network, Settlement settlement, ParsedPayment payment, CancellationToken cancellationToken) =>
        SubmitAsync(network, settlement, payment, SettlementPlan.Eoa, cancellationToken);

    internal async Task<SettleOutcome> SubmitAsync(PaymentNetwork network, Settlement settlement, ParsedPayment payment, SettlementPlan plan, CancellationToken cancellationToken)
    {
        var payer = payment.Authorization.From.ToString();
        try
        {
            var settings = await merchants.GetSettingsAsync(settlement.MerchantId, cancellationToken);
            var fees = await ChooseFeesAsync(network, settings, cancellationToken);
            var call = await SettlementCalls.BuildAsync(network, payment, plan, cancellationToken);
            await WithFreshNonceRetryAsync(() => network.Nonces.WithNextNonceAsync(async nonce =>
            {
                var transaction = new Eip1559Transaction(network.Options.ChainId, nonce, fees.Priority, fees.Max,
                    settings.MaxGasPerSettlement + (call.DeploymentGas ?? 0), call.To, BigInteger.Zero, call.Data);
                var signed = transaction.Sign(network.Signer);
                var hash = Hex.Encode(signed.Hash);
                await store.MarkSubmittedAsync(settlement, hash, Hex.Encode(signed.Raw), network.Signer.Address.ToLowerHex(), nonce, cancellationToken, call.PayerKind, call.DeploymentGas);
                await BroadcastAsync(network, signed, cancellationToken);
                PaymentLog.Broadcast(logger, settlement.Id, hash, nonce);
                return hash;
            }, cancellationToken));
            return SettleOutcome.Confirmed(settlement);
        }
        catch (JsonRpcException refused)
        {
            // The node refused the transaction: nothing is on the chain, the authorization is unspent.
            PaymentLog.BroadcastRefused(logger, settlement.Id, refused.Message);
            await store.MarkFailedAsync(settlement, PaymentCode.SettlementFailed, refused.Message, CancellationToken.None);
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
            return SettleOutcome.Failed(PaymentCode.RpcUnavailable, "The network's RPC node did not answer; nothing was sent.", payer, network.Network, settlement);
        }
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
