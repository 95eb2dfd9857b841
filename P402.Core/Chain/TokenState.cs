using System.Numerics;

namespace P402.Core.Chain;

/// <summary>What the chain says about one authorization right now.</summary>
/// <param name="AuthorizationUsed">The token's <c>authorizationState(from, nonce)</c>.</param>
/// <param name="Balance">The payer's token balance; null when not read (the simulated transfer passed, so it covers the value).</param>
/// <param name="GasPriceWei">The network's gas price (cached for about a block).</param>
/// <param name="SimulationRevert">The revert reason of a simulated transfer, or null when it would succeed.</param>
/// <param name="GasEstimate">The passing simulation's gas (<c>eth_estimateGas</c>): the settlement's estimate; null when not simulated so.</param>
public sealed record TokenState(bool AuthorizationUsed, BigInteger? Balance, long GasPriceWei, string? SimulationRevert, long? GasEstimate = null);
