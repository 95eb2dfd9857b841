using System.Numerics;

namespace P402.Core.Chain.SmartWallets;

/// <summary>What one batch told about a contract-wallet payment.</summary>
/// <param name="HasCode">The payer has code at the verify block (deployed, or an EIP-7702-delegated EOA).</param>
/// <param name="SignatureProblem">Why the wallet refused the signature, or null when it accepted it.</param>
/// <param name="AuthorizationUsed">The token's <c>authorizationState(from, nonce)</c>.</param>
/// <param name="Balance">The payer's token balance.</param>
/// <param name="SimulationRevert">The simulated transfer's revert reason (after the deployment, for ERC-6492), or null.</param>
internal sealed record WalletState(bool HasCode, string? SignatureProblem, bool AuthorizationUsed, BigInteger Balance, string? SimulationRevert);
