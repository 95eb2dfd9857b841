using P402.Core.Chain.Ethereum;
using P402.Core.Chain.SmartWallets;

namespace P402.Core.Payments.Signatures;

/// <summary>
/// A payment's signature, classified by its shape: <see cref="Ecdsa"/> is set for the ECDSA shape,
/// <see cref="Wrapper"/> for ERC-6492. Whether the payer is an EOA or a contract is the chain's to say.
/// </summary>
internal sealed record PaymentSignature(SignatureKind Kind, byte[] Bytes, EcdsaSignature? Ecdsa, Erc6492Wrapper? Wrapper)
{
    /// <summary>ERC-2098: r ‖ (yParity ≪ 255 | s).</summary>
    public const int CompactLength = 64;

    /// <summary>The shape of <paramref name="bytes"/>, or null with the reason a shape is refused (INVALID_SIGNATURE).</summary>
    public static PaymentSignature? Classify(byte[] bytes, out string? problem)
    {
        problem = null;
        if (bytes.Length == 0)
        {
            problem = "The signature is empty.";
            return null;
        }
        if (Erc6492Wrapper.HasSuffix(bytes))
        {
            var wrapper = Erc6492Wrapper.TryDecode(bytes, out problem);
            return wrapper is null ? null : new PaymentSignature(SignatureKind.Erc6492, bytes, null, wrapper);
        }
        return TryReadEcdsa(bytes) is { } ecdsa
            ? new PaymentSignature(SignatureKind.Ecdsa, bytes, ecdsa, null)
            : new PaymentSignature(SignatureKind.Erc1271, bytes, null, null);
    }

    private static EcdsaSignature? TryReadEcdsa(byte[] bytes)
    {
        if (bytes.Length == EcdsaSignature.Length)
        {
            return bytes[64] is 0 or 1 or 27 or 28 ? EcdsaSignature.FromBytes65(bytes) : null;
        }
        if (bytes.Length != CompactLength)
        {
            return null;
        }
        var s = bytes[32..];
        var yParity = (byte)(s[0] >> 7);
        s[0] &= 0x7f;
        return new EcdsaSignature(bytes.AsSpan(0, 32), s, yParity);
    }
}
