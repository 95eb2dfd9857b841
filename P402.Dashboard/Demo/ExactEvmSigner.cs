using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using P402.Core.Chain.Ethereum;
using P402.Merchant;
using CoreAuthorization = P402.Core.Chain.Ethereum.TransferAuthorization;
using WireAuthorization = P402.Merchant.TransferAuthorization;

namespace P402.Dashboard.Demo;

/// <summary>
/// What an x402 wallet does with an <c>exact</c> EVM requirement: an EIP-3009 <c>TransferWithAuthorization</c>
/// for exactly the asked amount to <c>payTo</c>, signed as EIP-712 typed data over the token's domain
/// (<c>extra.name</c>/<c>extra.version</c>, the CAIP-2 chain id, the asset), valid at once until
/// <c>maxTimeoutSeconds</c> from now, with a fresh random nonce. Like the SDK, <c>validAfter</c> is ten minutes
/// back, for a payer whose clock runs ahead of the chain's.
/// </summary>
internal static class ExactEvmSigner
{
    private const string Caip2Prefix = "eip155:";
    private const long ValidAfterMarginSeconds = 600;

    /// <summary>Only what this signer understands: scheme <c>exact</c> on an <c>eip155:</c> network with a v2 amount.</summary>
    public static bool CanSign(PaymentRequirements requirements) =>
        requirements.Scheme == "exact" && ChainId(requirements.Network) is not null && requirements.Amount is not null
        && requirements.Extra is { Name: not null, Version: not null };

    public static ExactEvmPayload Sign(PaymentRequirements requirements, EthKey payer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(requirements);
        ArgumentNullException.ThrowIfNull(payer);
        if (!CanSign(requirements))
        {
            throw new ArgumentException("Only exact EVM requirements with an amount and an EIP-712 domain can be signed.", nameof(requirements));
        }
        var seconds = now.ToUnixTimeSeconds();
        var authorization = new CoreAuthorization(
            payer.Address,
            EthAddress.Parse(requirements.PayTo),
            BigInteger.Parse(requirements.Amount!, NumberStyles.None, CultureInfo.InvariantCulture),
            Math.Max(seconds - ValidAfterMarginSeconds, 0),
            seconds + Math.Max(requirements.MaxTimeoutSeconds, 60),
            RandomNumberGenerator.GetBytes(32));
        var asset = EthAddress.Parse(requirements.Asset);
        var domain = Eip712.DomainSeparator(requirements.Extra!.Name!, requirements.Extra.Version!, ChainId(requirements.Network)!.Value, asset);
        var signature = payer.Sign(Eip712.TransferWithAuthorizationDigest(domain, authorization));
        return new ExactEvmPayload
        {
            Signature = Hex.Encode(signature.ToBytes65()),
            Authorization = new WireAuthorization
            {
                From = authorization.From.ToString(),
                To = authorization.To.ToString(),
                Value = authorization.Value.ToString(CultureInfo.InvariantCulture),
                ValidAfter = authorization.ValidAfter.ToString(CultureInfo.InvariantCulture),
                ValidBefore = authorization.ValidBefore.ToString(CultureInfo.InvariantCulture),
                Nonce = Hex.Encode(authorization.Nonce),
            },
        };
    }

    private static long? ChainId(string network) =>
        network.StartsWith(Caip2Prefix, StringComparison.Ordinal)
        && long.TryParse(network.AsSpan(Caip2Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;
}
