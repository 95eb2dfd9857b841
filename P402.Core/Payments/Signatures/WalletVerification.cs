using P402.Core.Chain;
using P402.Core.Chain.Rpc;
using P402.Core.Chain.SmartWallets;
using P402.Core.Merchants;

namespace P402.Core.Payments.Signatures;

/// <summary>
/// Verify for a payer whose signature is not an EOA's: the wallet contract decides (EIP-1271), through
/// ERC-6492's check when it is not deployed yet. One batched round trip, like an EOA's verify. There is
/// no ECDSA fallback: a payer with code is judged by its code alone.
/// </summary>
internal static class WalletVerification
{
    public static async Task<VerifyOutcome> VerifyAsync(PaymentNetwork network, ParsedPayment payment, PaymentSignature signature,
        MerchantSettings settings, CancellationToken cancellationToken)
    {
        var payer = payment.Authorization.From.ToString();
        if (network.Rpc is not EthereumRpc { Client: var client })
        {
            throw new InvalidOperationException("Contract-wallet payments need a JSON-RPC node.");
        }
        var gasPrice = network.GasPriceAsync(cancellationToken);
        var read = WalletStateBatch.ReadAsync(network, client, payment.Asset, payment.Authorization,
            network.Digest(payment.Asset, payment.Authorization), signature.Bytes, signature.Wrapper, cancellationToken);
        await Task.WhenAll(read, gasPrice);
        var state = await read;
        if (!state.HasCode && signature.Wrapper is null)
        {
            return VerifyOutcome.Invalid(PaymentCode.InvalidSignature, NoCodeMessage(signature), payer);
        }
        if (state.SignatureProblem is { } problem)
        {
            return VerifyOutcome.Invalid(PaymentCode.InvalidSignature, problem, payer);
        }
        var chain = PaymentVerifier.CheckChainState(payment, new TokenState(state.AuthorizationUsed, state.Balance, await gasPrice, state.SimulationRevert), settings);
        if (chain is { } refused)
        {
            return VerifyOutcome.Invalid(refused.Code, refused.Message, payer);
        }
        return VerifyOutcome.Valid(payer) with { Plan = PlanFor(signature, state.HasCode) };
    }

    /// <summary>A wrapped signature whose wallet is deployed by now (by anyone) settles like any contract wallet: nothing to deploy.</summary>
    private static SettlementPlan PlanFor(PaymentSignature signature, bool hasCode) => signature.Wrapper switch
    {
        null => new SettlementPlan(PayerKind.ContractWallet, signature.Bytes, null),
        { } wrapper when hasCode => new SettlementPlan(PayerKind.ContractWallet, wrapper.InnerSignature, null),
        { } wrapper => new SettlementPlan(PayerKind.DeployedBySettlement, wrapper.InnerSignature, wrapper),
    };

    private static string NoCodeMessage(PaymentSignature signature) => signature.Kind == SignatureKind.Ecdsa
        ? "The signature does not recover to the authorization's 'from' (with a low s and v 27/28), and 'from' has no contract code to check it with EIP-1271."
        : $"A {signature.Bytes.Length}-byte signature is not an EOA's (65 bytes, or 64 in ERC-2098 form), and 'from' has no contract code to check it with EIP-1271; a wallet that is not deployed yet must wrap its signature in ERC-6492.";
}
