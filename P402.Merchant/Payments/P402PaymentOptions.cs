using System.Globalization;

namespace P402.Merchant;

/// <summary>
/// The price and terms of one paid endpoint. Defaults: USDC on Base (<c>eip155:8453</c> / v1 <c>base</c>),
/// 60 s authorization timeout, receipts accepted but not issued. App-wide defaults (typically
/// <see cref="PayTo"/>) can be set with <c>services.Configure&lt;P402PaymentOptions&gt;(…)</c>; each
/// endpoint's <c>RequireP402Payment(price =&gt; …)</c> starts from them.
/// </summary>
public sealed class P402PaymentOptions
{
    public const string BaseMainnet = "eip155:8453";
    public const string BaseSepolia = "eip155:84532";
    public const string BaseUsdc = "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913";
    public const string BaseSepoliaUsdc = "0x036CbD53842c5426634e7929541eC2318f3dCF7e";

    /// <summary>The price in the asset's atomic units as a decimal string (USDC: <c>"10000"</c> = $0.01).</summary>
    public string? Amount { get; set; }

    /// <summary>The merchant's receiving address (<c>0x</c> + 40 hex).</summary>
    public string? PayTo { get; set; }

    /// <summary>
    /// Optional: the receiving address for one request (a platform that charges on behalf of many sellers). Null, or a
    /// null answer, takes <see cref="PayTo"/>; an answer that is not an address fails the request with a 500 (a bug of the app).
    /// </summary>
    public Func<Microsoft.AspNetCore.Http.HttpContext, string?>? PayToFor { get; set; }

    /// <summary>CAIP-2 network for x402 v2.</summary>
    public string Network { get; set; } = BaseMainnet;

    /// <summary>The v1 network name; when null it follows <see cref="Network"/> (<c>base</c>, <c>base-sepolia</c>).</summary>
    public string? NetworkV1 { get; set; }

    /// <summary>The EIP-3009 token contract.</summary>
    public string Asset { get; set; } = BaseUsdc;

    /// <summary>The token's EIP-712 domain name (<c>extra.name</c>).</summary>
    public string AssetName { get; set; } = "USD Coin";

    /// <summary>The token's EIP-712 domain version (<c>extra.version</c>).</summary>
    public string AssetVersion { get; set; } = "2";

    public string Description { get; set; } = "";

    public string MimeType { get; set; } = "application/json";

    /// <summary>How long a payer's authorization may take to settle.</summary>
    public int MaxTimeoutSeconds { get; set; } = 60;

    /// <summary>Ask P402 for a receipt when settling, so the payer can come back without paying again.</summary>
    public bool IssueReceipts { get; set; }

    /// <summary>The receipt lifetime to ask for; null takes the merchant's default. Setting it implies <see cref="IssueReceipts"/>.</summary>
    public TimeSpan? ReceiptTtl { get; set; }

    /// <summary>Honour a presented <c>P402-Receipt</c> (verified by P402 for this URL) instead of asking for payment.</summary>
    public bool AcceptReceipts { get; set; } = true;

    /// <summary>Sets <see cref="Amount"/> from an integer of atomic units.</summary>
    public P402PaymentOptions SetAmount(long atomicUnits)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(atomicUnits);
        Amount = atomicUnits.ToString(CultureInfo.InvariantCulture);
        return this;
    }

    /// <summary>USDC on Base Sepolia (chain 84532): network, v1 name, asset and its EIP-712 name <c>USDC</c>.</summary>
    public P402PaymentOptions UseBaseSepolia()
    {
        Network = BaseSepolia;
        NetworkV1 = "base-sepolia";
        Asset = BaseSepoliaUsdc;
        AssetName = "USDC";
        AssetVersion = "2";
        return this;
    }
}
