namespace P402.Merchant;

/// <summary>
/// A validated, immutable snapshot of one endpoint's <see cref="P402PaymentOptions"/>, and the x402 documents
/// built from it: the v2 and v1 requirements for a resource URL and the 402 signal in both versions.
/// </summary>
internal sealed class PaymentTerms
{
    private readonly PaymentRequirements _v2;
    private readonly PaymentRequirements _v1;

    private PaymentTerms(P402PaymentOptions o, string networkV1)
    {
        Amount = o.Amount!;
        Description = o.Description;
        MimeType = o.MimeType;
        var extra = new PaymentExtra(o.AssetName, o.AssetVersion);
        _v2 = new PaymentRequirements
        {
            Scheme = "exact", Network = o.Network, Amount = Amount, PayTo = o.PayTo!,
            MaxTimeoutSeconds = o.MaxTimeoutSeconds, Asset = o.Asset, Extra = extra,
        };
        _v1 = _v2 with { Network = networkV1, Amount = null, MaxAmountRequired = Amount, Description = o.Description, MimeType = o.MimeType };
        Receipt = o.IssueReceipts || o.ReceiptTtl is not null
            ? new ReceiptRequest(o.ReceiptTtl is { } ttl ? (int)Math.Ceiling(ttl.TotalSeconds) : null)
            : null;
        AcceptReceipts = o.AcceptReceipts;
        _payToFor = o.PayToFor;
    }

    private readonly Func<Microsoft.AspNetCore.Http.HttpContext, string?>? _payToFor;

    public string Amount { get; }

    public string Description { get; }

    public string MimeType { get; }

    /// <summary>What to ask <c>/settle</c> for; null when no receipt is wanted.</summary>
    public ReceiptRequest? Receipt { get; }

    public bool AcceptReceipts { get; }

    /// <summary>The terms of one request: these, or a copy with the payTo that <see cref="P402PaymentOptions.PayToFor"/> chose for it.</summary>
    public PaymentTerms For(Microsoft.AspNetCore.Http.HttpContext http)
    {
        if (_payToFor?.Invoke(http) is not { } payTo || string.Equals(payTo, _v2.PayTo, StringComparison.OrdinalIgnoreCase))
        {
            return this;
        }
        return IsAddress(payTo)
            ? new PaymentTerms(this, payTo)
            : throw new InvalidOperationException("PayToFor answered something that is not an address (0x followed by 40 hex digits).");
    }

    private PaymentTerms(PaymentTerms template, string payTo)
    {
        Amount = template.Amount;
        Description = template.Description;
        MimeType = template.MimeType;
        Receipt = template.Receipt;
        AcceptReceipts = template.AcceptReceipts;
        _v2 = template._v2 with { PayTo = payTo };
        _v1 = template._v1 with { PayTo = payTo };
    }

    public PaymentRequirements Requirements(int x402Version, Uri resource) =>
        x402Version == 1 ? _v1 with { Resource = resource.AbsoluteUri } : _v2;

    public PaymentResource Resource(Uri resource) =>
        new() { Url = resource.AbsoluteUri, Description = Description, MimeType = MimeType };

    public PaymentRequired RequiredV2(Uri resource, string error) =>
        new() { X402Version = 2, Error = error, Resource = Resource(resource), Accepts = [_v2] };

    public PaymentRequired RequiredV1(Uri resource, string error) =>
        new() { X402Version = 1, Error = error, Accepts = [Requirements(1, resource)] };

    /// <summary>Validates <paramref name="options"/>; throws <see cref="InvalidOperationException"/> listing every problem.</summary>
    public static PaymentTerms From(P402PaymentOptions options, string endpoint)
    {
        var problems = new List<string>();
        if (!IsPositiveInteger(options.Amount))
        {
            problems.Add("Amount must be a positive integer of atomic units as a string, e.g. \"10000\" ($0.01 in USDC).");
        }
        if (!IsAddress(options.PayTo))
        {
            problems.Add("PayTo must be an address, 0x followed by 40 hex digits.");
        }
        if (!IsAddress(options.Asset))
        {
            problems.Add("Asset must be a token address, 0x followed by 40 hex digits.");
        }
        if (string.IsNullOrWhiteSpace(options.Network) || !options.Network.Contains(':', StringComparison.Ordinal))
        {
            problems.Add("Network must be a CAIP-2 id such as eip155:8453.");
        }
        var networkV1 = options.NetworkV1 ?? options.Network switch
        {
            P402PaymentOptions.BaseMainnet => "base",
            P402PaymentOptions.BaseSepolia => "base-sepolia",
            _ => null,
        };
        if (string.IsNullOrWhiteSpace(networkV1))
        {
            problems.Add("NetworkV1 must be set for a network other than Base or Base Sepolia.");
        }
        if (string.IsNullOrWhiteSpace(options.AssetName) || string.IsNullOrWhiteSpace(options.AssetVersion))
        {
            problems.Add("AssetName and AssetVersion (the token's EIP-712 domain) are required.");
        }
        if (options.MaxTimeoutSeconds <= 0)
        {
            problems.Add("MaxTimeoutSeconds must be positive.");
        }
        if (options.ReceiptTtl is { } ttl && (ttl < TimeSpan.FromSeconds(1) || ttl.TotalSeconds > int.MaxValue))
        {
            problems.Add("ReceiptTtl must be at least one second.");
        }
        if (options.Description is null || options.MimeType is null)
        {
            problems.Add("Description and MimeType may be empty but not null.");
        }
        return problems.Count == 0
            ? new PaymentTerms(options, networkV1!)
            : throw new InvalidOperationException($"RequireP402Payment on '{endpoint}' is misconfigured: " + string.Join(" ", problems));
    }

    // Digits without a leading zero: P402 compares amounts as canonical decimal strings.
    private static bool IsPositiveInteger(string? value) =>
        value is { Length: > 0 and <= 78 } && value[0] != '0' && value.All(char.IsAsciiDigit);

    private static bool IsAddress(string? value) =>
        value is { Length: 42 } && value.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && value.AsSpan(2).ContainsAnyExcept(HexDigits) is false;

    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");
}
