using Microsoft.Extensions.Logging;
using P402.Core.Chain;
using P402.Core.Common;

namespace P402.Core.Payments;

/// <summary>
/// Executes a payment on-chain at most once: re-verify, reserve the authorization (a unique row),
/// sign and broadcast with the facilitator key, then wait a bounded time for the receipt. Sending the
/// same payment again, concurrently or later, waits for the one settlement; its success is answered
/// once (<see cref="SettlementDelivery"/>), every other settle of it is REPLAY_DETECTED.
/// </summary>
public sealed class PaymentSettler(
    PaymentVerifier verifier,
    PaymentNetworks networks,
    SettlementStore store,
    SettlementSubmitter submitter,
    SettlementConfirmer confirmer,
    SettlementDelivery delivery,
    TimeProvider time,
    ILogger<PaymentSettler> logger)
{
    public async Task<SettleOutcome> SettleAsync(SettleCommand command, CancellationToken cancellationToken)
    {
        var outcome = await ExecuteAsync(command, cancellationToken);
        if (!outcome.Success)
        {
            return outcome;
        }
        var started = SettlementStages.Now();
        var delivered = await delivery.DeliverAsync(outcome, command, cancellationToken);
        SettlementStages.Record("deliver", started);
        return delivered;
    }

    private async Task<SettleOutcome> ExecuteAsync(SettleCommand command, CancellationToken cancellationToken)
    {
        var payment = command.Payment;
        var payer = payment.Authorization.From.ToString();
        Settlement? failedBefore = null;
        var stage = SettlementStages.Now();
        if (networks.TryResolve(payment.Network, payment.X402Version, out var network)
            && await store.FindByAuthorizationAsync(network!.Network, payment, cancellationToken) is { } existing)
        {
            if (!IsRetryableFailure(existing, command))
            {
                return await OutcomeOfExistingAsync(existing, command, payer, cancellationToken);
            }
            // A failed attempt spent nothing on-chain (refused, dropped or reverted): the same payment may be tried again.
            failedBefore = existing;
        }

        stage = SettlementStages.Record("lookup", stage);
        var verdict = await verifier.VerifyAsync(command.MerchantId, payment, cancellationToken, Simulation.EstimateGas);
        stage = SettlementStages.Record("verify", stage);
        if (!verdict.IsValid)
        {
            // A concurrent duplicate may have reserved (or already mined) this authorization since our
            // look-up: then the replay is our own settlement, and its outcome is ours.
            if (verdict.Code == PaymentCode.ReplayDetected
                && await store.FindByAuthorizationAsync(network!.Network, payment, cancellationToken) is { Status: not SettlementStatus.Failed } raced)
            {
                return await OutcomeOfExistingAsync(raced, command, payer, cancellationToken);
            }
            return SettleOutcome.Failed(verdict.Code!.Value, verdict.Message!, payer, network?.Network ?? payment.Network);
        }

        var settlement = failedBefore is null ? NewSettlement(command, network!) : await store.TryReclaimFailedAsync(failedBefore, command, cancellationToken);
        if (settlement is null || (failedBefore is null && !await store.TryReserveAsync(settlement, cancellationToken)))
        {
            // Another request reserved it between our look-up and our insert: its outcome is ours.
            var winner = await store.FindByAuthorizationAsync(network!.Network, payment, cancellationToken);
            return await OutcomeOfExistingAsync(winner!, command, payer, cancellationToken);
        }
        PaymentLog.Reserved(logger, settlement.Id, command.RequestId);
        stage = SettlementStages.Record("reserve", stage);

        var submitted = await submitter.SubmitAsync(network!, settlement, payment, verdict.Plan ?? Signatures.SettlementPlan.Eoa, cancellationToken);
        stage = SettlementStages.Record("submit", stage);
        if (!submitted.Success)
        {
            return submitted;
        }
        var confirmed = await confirmer.WaitAsync(network!, settlement, cancellationToken);
        SettlementStages.Record("wait", stage);
        return confirmed;
    }

    private async Task<SettleOutcome> OutcomeOfExistingAsync(Settlement existing, SettleCommand command, string payer, CancellationToken cancellationToken)
    {
        if (!string.Equals(existing.MerchantId, command.MerchantId, StringComparison.Ordinal))
        {
            return SettleOutcome.Failed(PaymentCode.ReplayDetected, "This authorization was already settled.", payer, existing.Network);
        }
        if (existing.Status is SettlementStatus.Confirmed or SettlementStatus.Failed)
        {
            return SettlementOutcomes.FromRow(existing, payer);
        }
        var network = networks.Find(existing.Network);
        return network is null
            ? SettlementOutcomes.FromRow(existing, payer)
            : await confirmer.WaitForExistingAsync(network, existing.Id, cancellationToken);
    }

    private static bool IsRetryableFailure(Settlement existing, SettleCommand command) =>
        existing.Status == SettlementStatus.Failed && string.Equals(existing.MerchantId, command.MerchantId, StringComparison.Ordinal);

    private Settlement NewSettlement(SettleCommand command, PaymentNetwork network)
    {
        var payment = command.Payment;
        var (asset, payer, nonce) = SettlementStore.Key(payment);
        var now = time.GetUtcNow().UtcDateTime;
        return new Settlement
        {
            Id = Ids.New(Settlement.IdPrefix, time),
            MerchantId = command.MerchantId,
            ApiKeyId = command.ApiKeyId,
            RequestId = command.RequestId,
            Network = network.Network,
            Asset = asset,
            Payer = payer,
            PayTo = payment.PayTo.ToLowerHex(),
            Value = (long)payment.Authorization.Value,
            Nonce = nonce,
            ValidAfter = PaymentNetwork.ToLong(payment.Authorization.ValidAfter),
            ValidBefore = PaymentNetwork.ToLong(payment.Authorization.ValidBefore),
            Resource = payment.Resource,
            X402Version = payment.X402Version,
            Status = SettlementStatus.Pending,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }
}
