using System.Numerics;
using P402.Core.Chain.Ethereum;

namespace P402.Core.Payments;

/// <summary>
/// A facilitator request whose shape is sound: every field present, hex and numbers well formed.
/// Whether it is a good payment is the verifier's question.
/// </summary>
public sealed record ParsedPayment
{
    public required int X402Version { get; init; }

    /// <summary>The scheme and network the payer says it paid with (v1: the payload's; v2: <c>accepted</c>).</summary>
    public required string PayloadScheme { get; init; }

    public required string PayloadNetwork { get; init; }

    /// <summary>The merchant server's own requirements: authoritative.</summary>
    public required string Scheme { get; init; }

    public required string Network { get; init; }

    public required BigInteger Amount { get; init; }

    public required EthAddress Asset { get; init; }

    public required EthAddress PayTo { get; init; }

    public string? TokenName { get; init; }

    public string? TokenVersion { get; init; }

    /// <summary>The paid resource URL (v2: <c>paymentPayload.resource.url</c>; v1: <c>paymentRequirements.resource</c>).</summary>
    public string? Resource { get; init; }

    public required TransferAuthorization Authorization { get; init; }

    /// <summary>
    /// The signature bytes as sent: an EOA's r‖s‖v (65, or 64 in ERC-2098 form), a contract wallet's EIP-1271
    /// bytes, or an ERC-6492 wrapper. Which kind it is, and whether it is acceptable, verify decides.
    /// </summary>
    public required byte[] Signature { get; init; }

    /// <summary>x402's payment-identifier (<c>extensions["payment-identifier"].info.id</c>): verify and settle are idempotent per id.</summary>
    public string? PaymentId { get; init; }
}
