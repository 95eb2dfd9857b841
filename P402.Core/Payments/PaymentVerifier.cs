using P402.Core.Chain;
using P402.Core.Chain.Ethereum;
using P402.Core.Chain.Rpc;
using P402.Core.Chain.SmartWallets;
using P402.Core.Merchants;
using P402.Core.Payments.Signatures;

namespace P402.Core.Payments;

/// <summary>
/// Every check of DESIGN.md's verify table, in its order, then a simulation of the transfer.
/// Cheap local checks run first so that a bad payment costs no RPC call. A signature that is not an
/// EOA's (by shape, or because it does not recover to <c>from</c>) is the payer contract's to judge
/// (<see cref="WalletVerification"/>), in the same single batched round trip.
/// </summary>
public sealed class PaymentVerifier(PaymentNetworks networks, SettlementStore store, MerchantService merchants, TimeProvider time)
{
    /// <summary>validBefore must leave this much time to get the transaction mined.</summary>
    public static readonly TimeSpan ExpiryMargin = TimeSpan.FromSeconds(6);

    /// <summary>
    /// Simulates with <see cref="Simulation.Call"/> for <c>/verify</c>, and with <see cref="Simulation.EstimateGas"/> for a settlement, whose
    /// transaction then uses the simulation's gas.
    /// </summary>
    public async Task<VerifyOutcome> VerifyAsync(string merchantId, ParsedPayment payment, CancellationToken cancellationToken,
        Simulation simulation = Simulation.Call)
    {
        var payer = payment.Authorization.From.ToString();
        var local = CheckLocally(payment, out var network);
        if (local is not null)
        {
            return VerifyOutcome.Invalid(local.Value.Code, local.Value.Message, payer);
        }
        var signature = PaymentSignature.Classify(payment.Signature, out var malformed);
        if (signature is null)
        {
            return VerifyOutcome.Invalid(PaymentCode.InvalidSignature, malformed!, payer);
        }
        if (signature.Wrapper is { } wrapper && !WalletFactories.IsAllowed(network!.Options, wrapper.Factory))
        {
            return VerifyOutcome.Invalid(PaymentCode.WalletFactoryNotAllowed,
                $"The counterfactual wallet's factory {wrapper.Factory} is not on {network.Network}'s wallet factory allowlist (Chain:Networks:N:WalletFactories).", payer);
        }
        var eoa = signature.Ecdsa is { } ecdsa && SignatureMatches(network!, payment, ecdsa) ? ecdsa : (EcdsaSignature?)null;
        if (await store.IsAuthorizationTakenAsync(network!.Network, payment, cancellationToken))
        {
            return VerifyOutcome.Invalid(PaymentCode.ReplayDetected, "This authorization was already settled or is being settled.", payer);
        }
        var settings = await merchants.GetSettingsAsync(merchantId, cancellationToken);
        try
        {
            if (eoa is not { } key)
            {
                return await WalletVerification.VerifyAsync(network, payment, signature, settings, cancellationToken);
            }
            var state = await network.ReadTokenStateAsync(payment.Asset, payment.Authorization, key, simulation, cancellationToken);
            var chain = CheckChainState(payment, state, settings);
            return chain is null
                ? VerifyOutcome.Valid(payer) with { Plan = SettlementPlan.Eoa with { GasEstimate = state.GasEstimate } }
                : VerifyOutcome.Invalid(chain.Value.Code, chain.Value.Message, payer);
        }
        catch (RpcUnavailableException)
        {
            return VerifyOutcome.Invalid(PaymentCode.RpcUnavailable, "The network's RPC node did not answer; try again.", payer);
        }
        catch (JsonRpcException refused) when (!refused.IsExecutionReverted)
        {
            return VerifyOutcome.Invalid(PaymentCode.RpcUnavailable, $"The network's RPC node refused the request (JSON-RPC error {refused.Code}); try again.", payer);
        }
    }

    private (PaymentCode Code, string Message)? CheckLocally(ParsedPayment payment, out PaymentNetwork? network)
    {
        network = null;
        if (!IsExact(payment.Scheme) || !IsExact(payment.PayloadScheme))
        {
            return (PaymentCode.UnsupportedScheme, "Only the 'exact' scheme is supported.");
        }
        if (!string.Equals(payment.Network, payment.PayloadNetwork, StringComparison.OrdinalIgnoreCase)
            || !networks.TryResolve(payment.Network, payment.X402Version, out network))
        {
            return (PaymentCode.NetworkMismatch, $"Network '{payment.PayloadNetwork}' does not match a supported network of the requirements.");
        }
        if (!network!.SupportsAsset(payment.Asset))
        {
            return (PaymentCode.AssetNotSupported, $"Asset {payment.Asset} is not an EIP-3009 token P402 settles on {network.Network}.");
        }
        var authorization = payment.Authorization;
        if (authorization.To != payment.PayTo)
        {
            return (PaymentCode.RecipientMismatch, "The authorization pays someone other than payTo.");
        }
        if (authorization.Value != payment.Amount)
        {
            return (PaymentCode.AmountMismatch, $"The authorization's value {authorization.Value} differs from the required {payment.Amount}.");
        }
        if (payment.Amount > long.MaxValue)
        {
            return (PaymentCode.AmountMismatch, $"Amounts above {long.MaxValue} atomic units are not settled.");
        }
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        if (authorization.ValidBefore < now + (long)ExpiryMargin.TotalSeconds)
        {
            return (PaymentCode.AuthorizationExpired, "The authorization expires too soon to be settled.");
        }
        if (authorization.ValidAfter > now)
        {
            return (PaymentCode.AuthorizationNotYetValid, "The authorization is not valid yet.");
        }
        return null;
    }

    /// <summary>The EOA case: a low-s signature that recovers to <c>from</c>. Anything else is the payer's code's to judge.</summary>
    private static bool SignatureMatches(PaymentNetwork network, ParsedPayment payment, EcdsaSignature signature)
    {
        var digest = network.Digest(payment.Asset, payment.Authorization);
        return signature.IsLowS
            && Secp256k1Recovery.TryRecoverAddress(digest, signature, out var signer)
            && signer == payment.Authorization.From;
    }

    internal static (PaymentCode Code, string Message)? CheckChainState(ParsedPayment payment, TokenState state, MerchantSettings settings)
    {
        if (state.AuthorizationUsed)
        {
            return (PaymentCode.ReplayDetected, "The token reports this authorization's nonce as used or canceled.");
        }
        if (state.Balance is { } balance && balance < payment.Authorization.Value)
        {
            return (PaymentCode.InsufficientFunds, "The payer's balance is below the authorized value.");
        }
        if (state.GasPriceWei > settings.GasPriceLimitWei)
        {
            return (PaymentCode.GasPriceTooHigh, $"Network gas price {state.GasPriceWei} wei is above the merchant's limit of {settings.GasPriceLimitWei} wei.");
        }
        return state.SimulationRevert is { } revert ? (SimulationFailures.Classify(revert), revert) : null;
    }

    private static bool IsExact(string scheme) => string.Equals(scheme, "exact", StringComparison.Ordinal);
}
