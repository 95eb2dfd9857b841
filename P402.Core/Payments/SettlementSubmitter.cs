using System.Numerics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using P402.Core.Chain;
using P402.Core.Chain.Ethereum;
using P402.Core.Chain.Rpc;
using P402.Core.Merchants;
using P402.Core.Payments.Gas;
using P402.Core.Payments.Sending;
using P402.Core.Payments.Watcher;
using P402.Core.Payments.Signatures;

namespace P402.Core.Payments;

/// <summary>
/// Builds, signs, records and broadcasts the <c>transferWithAuthorization</c> transaction of a
/// reserved settlement. The signed transaction is stored (Submitted) before it is broadcast, so a
/// crash in between leaves something the reconciler can finish.
/// </summary>
public sealed class SettlementSubmitter(SettlementStore store, MerchantService merchants, SettlementWaiters waiters, IOptions<ChainOptions> options,
    ILogger<SettlementSubmitter> logger)
{
    public Task<SettleOutcome> SubmitAsync(PaymentNetwork network, Settlement settlement, ParsedPayment payment, CancellationToken cancellationToken) =>
        SubmitAsync(network, settlement, payment, SettlementPlan.Eoa, cancellationToken);

    internal async Task<SettleOutcome> SubmitAsync(PaymentNetwork network, Settlement settlement, ParsedPayment payment, SettlementPlan plan, CancellationToken cancellationToken)
    {
        try
        {
            return await SubmitReservedAsync(network, settlement, payment, plan, cancellationToken);
        }
        catch (SettlementReleasedException released)
        {
            // Another instance took this one for dead and released the reservation (or a retry has it now): nothing was sent, nothing is recorded.
            PaymentLog.Released(logger, settlement.Id);
            return SettleOutcome.Failed(PaymentCode.SettlementFailed, released.Message, payment.Authorization.From.ToString(), network.Network, settlement);
        }
    }

    private async Task<SettleOutcome> SubmitReservedAsync(PaymentNetwork network, Settlement settlement, ParsedPayment payment, SettlementPlan plan,
        CancellationToken cancellationToken)
    {
        var payer = payment.Authorization.From.ToString();
        try
        {
            var started = SettlementStages.Now();
            var settings = await merchants.GetSettingsAsync(settlement.MerchantId, cancellationToken);
            var signer = await network.Signers.ChooseAsync(cancellationToken);
            var call = await SettlementCalls.BuildAsync(network, payment, plan, cancellationToken);
            var feeQuote = ChooseFeesAsync(network, settings, options.Value, cancellationToken);
            // A counterfactual wallet's deployment is the facilitator's cost on top of the merchant's cap for the transfer.
            var gasCap = settings.MaxGasPerSettlement + (call.DeploymentGas ?? 0);
            // An EOA's verify simulated the transfer with eth_estimateGas: its estimate is the settlement's (no second call).
            var gasQuote = plan.GasEstimate is { } simulated
                ? Task.FromResult(GasLimit.From(simulated, gasCap, options.Value.GasHeadroomPercent))
                : SettlementGas.EstimateAsync(network, call.To, call.Data, signer.Address, gasCap, options.Value.GasHeadroomPercent, cancellationToken);
            await Task.WhenAll(feeQuote, gasQuote);
            var (fees, gas) = (await feeQuote, await gasQuote);
            SettlementStages.Record("prepare", started);
            if (gas.ExceedsCap)
            {
                return await RefuseAsync(settlement, PaymentCode.GasLimitExceeded, SettlementGas.ExceedsCapMessage(gas, gasCap), payer, network);
            }
            // Refused as priced below the base fee (it rose since the quote): priced again from the pending block, within the same caps.
            async Task<bool> RepriceAsync(CancellationToken token)
            {
                var quote = await network.FreshFeeQuoteAsync(token);
                var fresh = Fees(quote, settings, options.Value);
                if (fresh.Max <= fees.Max || fresh.Max < quote.BaseFee)
                {
                    return false; // the base fee did not move, or the caps keep the max fee below it: the refusal stands
                }
                fees = fresh;
                return true;
            }
            await SettlementSender.SendAsync(network, signer, settlement, nonce => new Eip1559Transaction(network.Options.ChainId, nonce,
                fees.Priority, fees.Max, gas.Limit, call.To, BigInteger.Zero, call.Data), store, logger, cancellationToken, call.PayerKind, call.DeploymentGas,
                RepriceAsync);
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
            await store.MarkFailedAsync(settlement, PaymentCode.SettlementFailed, refused.Message, CancellationToken.None,
                liveAttemptsBecome: AttemptOutcome.Refused);
            waiters.Finished(settlement);
            return SettleOutcome.Failed(PaymentCode.SettlementFailed, $"The node refused the transaction: {refused.Message}", payer, network.Network, settlement);
        }
        catch (Chain.Signers.SignerLeaseUnavailableException busy)
        {
            // Other instances held every key for longer than the wait: nothing was signed, the payment may be settled again.
            await store.MarkFailedAsync(settlement, PaymentCode.RpcUnavailable, busy.Message, CancellationToken.None);
            waiters.Finished(settlement);
            return SettleOutcome.Failed(PaymentCode.RpcUnavailable, busy.Message, payer, network.Network, settlement);
        }
        catch (RpcUnavailableException) when (settlement.Status == SettlementStatus.Submitted)
        {
            // Maybe sent, maybe not: the network's watcher finds out (receipt, or re-broadcast of the stored transaction).
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

    /// <summary>
    /// EIP-1559 fees from the network's fee quote (one fetch per block, not per settlement), capped by the merchant's gas price
    /// limit and the operator's <see cref="ChainOptions.MaxFeePerGasGwei"/>.
    /// </summary>
    private static async Task<(BigInteger Priority, BigInteger Max)> ChooseFeesAsync(PaymentNetwork network, MerchantSettings settings, ChainOptions chain,
        CancellationToken cancellationToken)
    {
        return Fees(await network.FeeQuoteAsync(cancellationToken), settings, chain);
    }

    private static (BigInteger Priority, BigInteger Max) Fees((BigInteger BaseFee, BigInteger Tip) quote, MerchantSettings settings, ChainOptions chain)
    {
        var (baseFee, tip) = quote;
        var limit = BigInteger.Min(settings.GasPriceLimitWei, StuckTransactions.OperatorCapWei(chain));
        var max = BigInteger.Min(limit, (baseFee * 2) + tip);
        var priority = BigInteger.Min(tip, max);
        return (priority, max);
    }
}
