using System.Numerics;
using System.Text;

namespace P402.Core.Chain.Rpc;

/// <summary>
/// Decodes Solidity's <c>Error(string)</c> revert data (selector 0x08c379a0, then an ABI string).
/// Temporary: replaced by the ABI decoder of P402.Core.Chain.Ethereum once that lands.
/// </summary>
internal static class RevertReason
{
    private static ReadOnlySpan<byte> ErrorSelector => [0x08, 0xc3, 0x79, 0xa0];

    public static string? TryDecode(ReadOnlySpan<byte> revertData)
    {
        if (revertData.Length < 4 + 64 || !revertData.StartsWith(ErrorSelector))
        {
            return null;
        }
        var body = revertData[4..];
        var offset = new BigInteger(body[..32], isUnsigned: true, isBigEndian: true);
        if (offset > body.Length - 32)
        {
            return null;
        }
        var lengthAt = (int)offset;
        var length = new BigInteger(body.Slice(lengthAt, 32), isUnsigned: true, isBigEndian: true);
        if (length > body.Length - lengthAt - 32)
        {
            return null;
        }
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body.Slice(lengthAt + 32, (int)length));
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
