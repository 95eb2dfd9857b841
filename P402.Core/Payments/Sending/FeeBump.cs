using System.Globalization;
using System.Numerics;

namespace P402.Core.Payments.Sending;

/// <summary>
/// The fees of a replacement (same nonce) for a transaction priced below the current base fee: both fees
/// at least <c>bump</c> % above the old ones (the nodes' replacement rule: geth and anvil refuse less than
/// 10 %), the max fee at least twice the base fee plus the tip (as a first send is priced), and nothing
/// above <c>cap</c> (the lower of the merchant's gas-price limit and the operator's cap). When the cap
/// leaves no valid replacement that could be mined, the transaction stays as it is and the decision says why.
/// </summary>
internal static class FeeBump
{
    public static FeeDecision Next(long oldMaxFee, long oldPriorityFee, BigInteger baseFee, BigInteger tip, int bumpPercent, BigInteger cap)
    {
        var minMax = Bumped(oldMaxFee, bumpPercent);
        var minPriority = Bumped(oldPriorityFee, bumpPercent);
        if (minMax > cap || baseFee + minPriority > cap)
        {
            var needed = BigInteger.Max(minMax, baseFee + minPriority);
            return FeeDecision.Held(string.Create(CultureInfo.InvariantCulture,
                $"Priced below the base fee ({Gwei(baseFee)} gwei) but not replaced: a replacement needs at least {Gwei(needed)} gwei, above the cap of {Gwei(cap)} gwei (merchant's gas-price limit or Chain:MaxFeePerGasGwei)."));
        }
        var priority = BigInteger.Max(minPriority, tip);
        var max = BigInteger.Min(cap, BigInteger.Max(minMax, (baseFee * 2) + priority));
        return FeeDecision.Replace(max, BigInteger.Min(priority, max));
    }

    /// <summary>old × (100 + bump) / 100, rounded up, and at least one wei more than old.</summary>
    private static BigInteger Bumped(long old, int bumpPercent) =>
        BigInteger.Max(old + (BigInteger)1, ((BigInteger)old * (100 + bumpPercent) + 99) / 100);

    internal static string Gwei(BigInteger wei) => ((decimal)wei / 1_000_000_000m).ToString("0.#########", CultureInfo.InvariantCulture);
}
