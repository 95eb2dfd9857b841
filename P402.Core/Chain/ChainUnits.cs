using System.Numerics;

namespace P402.Core.Chain;

/// <summary>ETH ↔ wei, exactly (decimal keeps 28 digits; 18 of them are wei).</summary>
internal static class ChainUnits
{
    private static readonly BigInteger WeiPerEth = BigInteger.Pow(10, 18);

    public static BigInteger EthToWei(decimal eth) => new BigInteger(eth * 1_000_000_000m) * 1_000_000_000;

    public static decimal WeiToEth(BigInteger wei) =>
        (decimal)(wei / WeiPerEth) + ((decimal)(wei % WeiPerEth) / 1_000_000_000_000_000_000m);
}
