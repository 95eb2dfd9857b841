using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using P402.Core.Chain.DevChain;
using P402.Core.Chain.Ethereum;

namespace P402.Benchmarks.Load;

/// <summary>
/// Signs x402 v2 payments the way a payer's wallet does: a fresh EIP-3009 authorization (random
/// nonce) from one of anvil's demo payers, in USDC's domain on the dev chain (chain 8453).
/// </summary>
internal sealed class BenchPayments
{
    public const long Value = 10_000;

    /// <summary>anvil account 4: never a payer nor the facilitator, so transfers to it are plain.</summary>
    public static readonly EthAddress PayTo = EthAddress.Parse("0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65");

    private static readonly byte[] Domain = Eip712.DomainSeparator("USD Coin", "2", DevChain.BaseChainId, DevChain.BaseUsdcAddress);

    private readonly EthKey[] _payers;

    public BenchPayments(IReadOnlyList<int> payerAccounts)
    {
        _payers = [.. payerAccounts.Select(index => EthKey.Parse(DevAccounts.Payers.Single(p => p.Index == index).PrivateKey))];
        if (_payers.Length == 0)
        {
            throw new ArgumentException("Name at least one payer (1, 2 or 3).", nameof(payerAccounts));
        }
    }

    /// <summary>A new authorization of <see cref="Value"/> from payer <paramref name="slot"/> (mod the payer count).</summary>
    public (TransferAuthorization Authorization, EcdsaSignature Signature) Sign(int slot)
    {
        var payer = _payers[slot % _payers.Length];
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var authorization = new TransferAuthorization(payer.Address, PayTo, Value, now - 600, now + 3600, RandomNumberGenerator.GetBytes(32));
        var digest = Eip712.Digest(Domain, Eip712.TransferWithAuthorizationStructHash(authorization));
        return (authorization, payer.Sign(digest));
    }

    /// <summary>The facilitator body <c>{x402Version:2, paymentPayload, paymentRequirements[, receipt]}</c> as UTF-8 JSON.</summary>
    public byte[] Body(int slot, string resource, int? receiptTtlSeconds = null)
    {
        var (authorization, signature) = Sign(slot);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("x402Version", 2);
            json.WriteStartObject("paymentPayload");
            json.WriteNumber("x402Version", 2);
            json.WriteStartObject("resource");
            json.WriteString("url", resource);
            json.WriteEndObject();
            json.WritePropertyName("accepted");
            WriteRequirements(json);
            json.WriteStartObject("payload");
            json.WriteString("signature", signature.ToHex());
            json.WriteStartObject("authorization");
            json.WriteString("from", authorization.From.ToString());
            json.WriteString("to", authorization.To.ToString());
            json.WriteString("value", authorization.Value.ToString(CultureInfo.InvariantCulture));
            json.WriteString("validAfter", authorization.ValidAfter.ToString(CultureInfo.InvariantCulture));
            json.WriteString("validBefore", authorization.ValidBefore.ToString(CultureInfo.InvariantCulture));
            json.WriteString("nonce", Hex.Encode(authorization.Nonce));
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WritePropertyName("paymentRequirements");
            WriteRequirements(json);
            if (receiptTtlSeconds is { } ttl)
            {
                json.WriteStartObject("receipt");
                json.WriteNumber("ttlSeconds", ttl);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static void WriteRequirements(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("scheme", "exact");
        json.WriteString("network", "eip155:8453");
        json.WriteString("amount", Value.ToString(CultureInfo.InvariantCulture));
        json.WriteString("asset", DevChain.BaseUsdcAddress.ToString());
        json.WriteString("payTo", PayTo.ToString());
        json.WriteNumber("maxTimeoutSeconds", 60);
        json.WriteStartObject("extra");
        json.WriteString("name", "USD Coin");
        json.WriteString("version", "2");
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
