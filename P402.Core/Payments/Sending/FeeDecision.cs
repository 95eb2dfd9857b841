using System.Numerics;

namespace P402.Core.Payments.Sending;

/// <summary>A fee replacement's new fees, or why there is none (<see cref="HeldBecause"/>).</summary>
internal sealed record FeeDecision(BigInteger MaxFeePerGas, BigInteger MaxPriorityFeePerGas, string? HeldBecause)
{
    public static FeeDecision Replace(BigInteger maxFee, BigInteger priorityFee) => new(maxFee, priorityFee, null);

    public static FeeDecision Held(string reason) => new(BigInteger.Zero, BigInteger.Zero, reason);
}
