using System.Numerics;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using P402.Core.Chain.Ethereum;

namespace P402.Tests.Infrastructure;

/// <summary>
/// Builds facilitator requests the way x402 clients do: an EIP-3009 authorization signed in C# with a
/// payer's key, wrapped in the v1 or v2 envelope. Every field can be bent for a negative test.
/// </summary>
public sealed record TestPayment
{
    public static readonly EthAddress BaseUsdc = EthAddress.Parse("0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913");

    public required EthKey Payer { get; init; }

    public required EthAddress PayTo { get; init; }

    public BigInteger Value { get; init; } = 10_000;

    public BigInteger? RequiredAmount { get; init; }

    public BigInteger ValidAfter { get; init; } = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 600;

    public BigInteger ValidBefore { get; init; } = DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 600;

    public byte[] Nonce { get; init; } = RandomNumberGenerator.GetBytes(32);

    public EthAddress Asset { get; init; } = BaseUsdc;

    public string TokenName { get; init; } = "USD Coin";

    public long ChainId { get; init; } = 8453;

    public string Scheme { get; init; } = "exact";

    public string? PayloadNetwork { get; init; }

    public string? RequirementsNetwork { get; init; }

    public string Resource { get; init; } = "https://api.example.com/weather";

    public Func<byte[], byte[]>? BendSignature { get; init; }

    /// <summary>Who signs the authorization; null means the payer (a different key makes a wrong-signer payment).</summary>
    public EthKey? Signer { get; init; }

    /// <summary>x402's payment-identifier id to send in <c>paymentPayload.extensions</c>; none when null.</summary>
    public string? PaymentId { get; init; }

    /// <summary>The authorization's <c>from</c> when it is not the payer key's address (a smart wallet's).</summary>
    public EthAddress? From { get; init; }

    /// <summary>Signs instead of the key: (app domain separator, struct hash) → signature bytes, e.g. a smart wallet's.</summary>
    public Func<byte[], byte[], byte[]>? SignWith { get; init; }

    public EthAddress PayerAddress => From ?? Payer.Address;

    public TransferAuthorization Authorization => new(PayerAddress, PayTo, Value, ValidAfter, ValidBefore, Nonce);

    public string SignatureHex()
    {
        var domain = Eip712.DomainSeparator(TokenName, "2", ChainId, Asset);
        var structHash = Eip712.TransferWithAuthorizationStructHash(Authorization);
        var signature = SignWith?.Invoke(domain, structHash) ?? (Signer ?? Payer).Sign(Eip712.Digest(domain, structHash)).ToBytes65();
        return Hex.Encode(BendSignature?.Invoke(signature) ?? signature);
    }

    public JsonObject V2(JsonObject? extra = null)
    {
        var requirements = new JsonObject
        {
            ["scheme"] = Scheme,
            ["network"] = RequirementsNetwork ?? "eip155:8453",
            ["amount"] = (RequiredAmount ?? Value).ToString(),
            ["asset"] = Asset.ToString(),
            ["payTo"] = PayTo.ToString(),
            ["maxTimeoutSeconds"] = 60,
            ["extra"] = new JsonObject { ["name"] = "USD Coin", ["version"] = "2" },
        };
        var accepted = requirements.DeepClone().AsObject();
        accepted["network"] = PayloadNetwork ?? "eip155:8453";
        var body = new JsonObject
        {
            ["x402Version"] = 2,
            ["paymentPayload"] = new JsonObject
            {
                ["x402Version"] = 2,
                ["resource"] = new JsonObject { ["url"] = Resource, ["description"] = "Weather", ["mimeType"] = "application/json" },
                ["accepted"] = accepted,
                ["payload"] = Payload(),
            },
            ["paymentRequirements"] = requirements,
        };
        foreach (var (key, value) in extra ?? [])
        {
            body[key] = value?.DeepClone();
        }
        return WithPaymentId(body);
    }

    public JsonObject V1() => WithPaymentId(new()
    {
        ["x402Version"] = 1,
        ["paymentPayload"] = new JsonObject
        {
            ["x402Version"] = 1,
            ["scheme"] = Scheme,
            ["network"] = PayloadNetwork ?? "base",
            ["payload"] = Payload(),
        },
        ["paymentRequirements"] = new JsonObject
        {
            ["scheme"] = Scheme,
            ["network"] = RequirementsNetwork ?? "base",
            ["maxAmountRequired"] = (RequiredAmount ?? Value).ToString(),
            ["resource"] = Resource,
            ["description"] = "Weather",
            ["mimeType"] = "application/json",
            ["payTo"] = PayTo.ToString(),
            ["maxTimeoutSeconds"] = 60,
            ["asset"] = Asset.ToString(),
            ["extra"] = new JsonObject { ["name"] = "USD Coin", ["version"] = "2" },
        },
    });

    /// <summary>The payment payload as a client sends it in its header: <c>paymentPayload</c> of <see cref="V2"/>, base64 JSON.</summary>
    public string HeaderV2() => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(V2()["paymentPayload"]!.ToJsonString()));

    private JsonObject WithPaymentId(JsonObject body)
    {
        if (PaymentId is { } id)
        {
            body["paymentPayload"]!["extensions"] = PaymentIds.Extension(id);
        }
        return body;
    }

    private JsonObject Payload() => new()
    {
        ["signature"] = SignatureHex(),
        ["authorization"] = new JsonObject
        {
            ["from"] = PayerAddress.ToString(),
            ["to"] = PayTo.ToString(),
            ["value"] = Value.ToString(),
            ["validAfter"] = ValidAfter.ToString(),
            ["validBefore"] = ValidBefore.ToString(),
            ["nonce"] = Hex.Encode(Nonce),
        },
    };
}
