using System.Globalization;
using System.Numerics;
using System.Text.Json;
using P402.Core.Chain.Ethereum;
using P402.Core.Payments.X402;

namespace P402.Core.Payments;

/// <summary>
/// Turns a facilitator request into a <see cref="ParsedPayment"/>, or names the first malformed field.
/// A malformed request is the caller's bug (HTTP 400), not a payment outcome.
/// </summary>
public static class PaymentParser
{
    private static readonly BigInteger MaxUint256 = (BigInteger.One << 256) - 1;

    /// <summary>Room for an ERC-6492 wrapper around a wallet's factory call and its signature.</summary>
    public const int MaxSignatureBytes = 16 * 1024;

    public static PaymentParseResult Parse(FacilitatorRequestDto? request)
    {
        try
        {
            return PaymentParseResult.Ok(ParseOrThrow(request));
        }
        catch (PaymentFormatException e)
        {
            return PaymentParseResult.Fail(e.Message);
        }
        catch (EthereumFormatException e)
        {
            return PaymentParseResult.Fail(e.Message);
        }
    }

    private static ParsedPayment ParseOrThrow(FacilitatorRequestDto? request)
    {
        var payload = Require(request?.PaymentPayload, "paymentPayload");
        var requirements = Require(request!.PaymentRequirements, "paymentRequirements");
        var version = payload.X402Version ?? request.X402Version ?? throw new PaymentFormatException("x402Version is required.");
        if (version is not (1 or 2))
        {
            throw new PaymentFormatException($"x402Version {version} is not supported; use 1 or 2.");
        }
        if (request.X402Version is { } outer && outer != version)
        {
            throw new PaymentFormatException("x402Version of the request and of paymentPayload differ.");
        }
        var exact = Require(payload.Payload, "paymentPayload.payload");
        var authorization = Require(exact.Authorization, "paymentPayload.payload.authorization");
        var accepted = version == 2 ? Require(payload.Accepted, "paymentPayload.accepted") : null;
        var amountText = version == 2 ? requirements.Amount : requirements.MaxAmountRequired;

        return new ParsedPayment
        {
            X402Version = version,
            PayloadScheme = Require(version == 2 ? accepted!.Scheme : payload.Scheme, version == 2 ? "paymentPayload.accepted.scheme" : "paymentPayload.scheme"),
            PayloadNetwork = Require(version == 2 ? accepted!.Network : payload.Network, version == 2 ? "paymentPayload.accepted.network" : "paymentPayload.network"),
            Scheme = Require(requirements.Scheme, "paymentRequirements.scheme"),
            Network = Require(requirements.Network, "paymentRequirements.network"),
            Amount = Uint256(amountText, version == 2 ? "paymentRequirements.amount" : "paymentRequirements.maxAmountRequired"),
            Asset = Address(requirements.Asset, "paymentRequirements.asset"),
            PayTo = Address(requirements.PayTo, "paymentRequirements.payTo"),
            TokenName = requirements.Extra?.Name,
            TokenVersion = requirements.Extra?.Version,
            Resource = version == 2 ? payload.Resource?.Url ?? ResourceString(requirements.Resource) : ResourceString(requirements.Resource),
            Authorization = new TransferAuthorization(
                Address(authorization.From, "authorization.from"),
                Address(authorization.To, "authorization.to"),
                Uint256(authorization.Value, "authorization.value"),
                Uint256(authorization.ValidAfter, "authorization.validAfter"),
                Uint256(authorization.ValidBefore, "authorization.validBefore"),
                Bytes(authorization.Nonce, 32, "authorization.nonce")),
            Signature = SignatureBytes(exact.Signature),
            PaymentId = Identifiers.PaymentId.Read(payload.Extensions),
        };
    }

    private static T Require<T>(T? value, string field) where T : class =>
        value ?? throw new PaymentFormatException($"{field} is required.");

    private static string Require(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new PaymentFormatException($"{field} is required.") : value;

    private static EthAddress Address(string? value, string field) =>
        EthAddress.TryParse(value, out var address) ? address : throw new PaymentFormatException($"{field} must be a 0x-prefixed 20-byte address.");

    private static byte[] Bytes(string? value, int length, string field) =>
        value is not null && value.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && Hex.TryDecode(value, out var bytes) && bytes.Length == length
            ? bytes
            : throw new PaymentFormatException($"{field} must be 0x-prefixed hex of {length} bytes.");

    /// <summary>
    /// Any even-length hex up to <see cref="MaxSignatureBytes"/>: an EOA's 65 (or 64) bytes, a contract wallet's
    /// EIP-1271 bytes, an ERC-6492 wrapper. Whether the shape is acceptable is verify's INVALID_SIGNATURE, not a 400.
    /// </summary>
    private static byte[] SignatureBytes(string? value) =>
        value is not null && value.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && Hex.TryDecode(value, out var bytes)
            ? bytes.Length <= MaxSignatureBytes ? bytes : throw new PaymentFormatException($"payload.signature is longer than {MaxSignatureBytes} bytes.")
            : throw new PaymentFormatException("payload.signature must be 0x-prefixed hex of whole bytes.");

    private static BigInteger Uint256(string? value, string field)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 78 || !value.All(char.IsAsciiDigit))
        {
            throw new PaymentFormatException($"{field} must be a decimal string of an unsigned integer.");
        }
        var number = BigInteger.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
        return number <= MaxUint256 ? number : throw new PaymentFormatException($"{field} is above the uint256 range.");
    }

    private static string? ResourceString(JsonElement? resource) => resource switch
    {
        { ValueKind: JsonValueKind.String } element => element.GetString(),
        { ValueKind: JsonValueKind.Object } element when element.TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.String => url.GetString(),
        _ => null,
    };
}
