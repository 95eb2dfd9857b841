using System.Numerics;
using P402.Core.Chain.Ethereum;

namespace P402.Core.Chain.DevChain;

/// <summary>
/// Calldata for the two DevUsdc functions the bootstrapper needs. Temporary: replaced by
/// P402.Core.Chain.Ethereum's ABI encoder once it lands.
/// </summary>
internal static class DevUsdcCalls
{
    public static byte[] BalanceOf(EthAddress owner)
    {
        var data = new byte[4 + 32];
        Selector(data, 0x70, 0xa0, 0x82, 0x31);
        owner.Bytes.CopyTo(data.AsSpan(4 + 12));
        return data;
    }

    public static byte[] Mint(EthAddress to, BigInteger amount)
    {
        var data = new byte[4 + 64];
        Selector(data, 0x40, 0xc1, 0x0f, 0x19);
        to.Bytes.CopyTo(data.AsSpan(4 + 12));
        var word = data.AsSpan(4 + 32, 32);
        var length = amount.GetByteCount(isUnsigned: true);
        amount.TryWriteBytes(word[(32 - length)..], out _, isUnsigned: true, isBigEndian: true);
        return data;
    }

    private static void Selector(byte[] data, byte a, byte b, byte c, byte d) => (data[0], data[1], data[2], data[3]) = (a, b, c, d);
}
