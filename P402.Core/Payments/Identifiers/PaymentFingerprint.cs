using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using P402.Core.Chain.Ethereum;

namespace P402.Core.Payments.Identifiers;

/// <summary>
/// What makes a payment this payment, hashed: its terms (version, scheme, network, asset, amount, payTo,
/// resource) and the signed authorization with its signature. A payment id is bound to the first
/// fingerprint it is seen with; the same id on another payment is a conflict.
/// </summary>
internal static class PaymentFingerprint
{
    public const int Length = 64;

    public static string Of(ParsedPayment payment)
    {
        var a = payment.Authorization;
        var canonical = string.Join('\n',
            payment.X402Version.ToString(CultureInfo.InvariantCulture), payment.PayloadScheme, payment.PayloadNetwork,
            payment.Scheme, payment.Network, payment.Amount.ToString(CultureInfo.InvariantCulture),
            payment.Asset.ToLowerHex(), payment.PayTo.ToLowerHex(), payment.Resource ?? "",
            a.From.ToLowerHex(), a.To.ToLowerHex(), a.Value.ToString(CultureInfo.InvariantCulture),
            a.ValidAfter.ToString(CultureInfo.InvariantCulture), a.ValidBefore.ToString(CultureInfo.InvariantCulture),
            Hex.Encode(a.Nonce), Hex.Encode(payment.Signature));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
