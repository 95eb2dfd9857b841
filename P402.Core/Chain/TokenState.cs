using System.Numerics;

namespace P402.Core.Chain;

/// <summary>What the chain says about one authorization right now.</summary>
/// <param name="AuthorizationUsed">The token's <c>authorizationState(from, nonce)</c>.</param>
/// <param name="Balance">The payer's token balance.</param>
/// <param name="GasPriceWei">The network's gas price (cached for about a block).</param>
/// <param name="SimulationRevert">The revert reason of a simulated transfer, or null when it would succeed.</param>
public sealed record TokenState(bool AuthorizationUsed, BigInteger Balance, long GasPriceWei, string? SimulationRevert);
