namespace P402.Core.Chain;

/// <summary>One EVM network P402 settles on.</summary>
public sealed class NetworkOptions
{
    /// <summary>CAIP-2 id, x402 v2's name: <c>eip155:8453</c>.</summary>
    public string Network { get; set; } = "";

    /// <summary>x402 v1's name: <c>base</c>.</summary>
    public string V1Name { get; set; } = "";

    public long ChainId { get; set; }

    /// <summary>JSON-RPC endpoint; filled in by the dev chain in Dev mode.</summary>
    public string? RpcUrl { get; set; }

    /// <summary>More JSON-RPC endpoints of the same chain, tried in order after <see cref="RpcUrl"/> while it fails or rate-limits.</summary>
    public List<string> RpcUrls { get; set; } = [];

    /// <summary><see cref="RpcUrl"/> then <see cref="RpcUrls"/>, without blanks or repeats.</summary>
    public IReadOnlyList<string> AllRpcUrls =>
        [.. new[] { RpcUrl }.Concat(RpcUrls).Where(u => !string.IsNullOrWhiteSpace(u)).Select(u => u!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>
    /// How deep the block that holds a settlement's receipt must be before the settlement is Confirmed (and <c>/settle</c> answers
    /// success): 1 is that block itself, the Base default (a reorg of Base's sequencer chain is rare and shallow); 3 waits for two
    /// blocks on top. Whatever the depth, the block's hash must still be the chain's.
    /// </summary>
    public int ConfirmationDepth { get; set; } = 1;

    /// <summary>Block explorer link for a transaction, <c>{0}</c> is the hash.</summary>
    public string? ExplorerTxUrl { get; set; }

    public List<AssetOptions> Assets { get; set; } = [];

    /// <summary>
    /// The wallet factories P402 may call to deploy a counterfactual (ERC-6492) payer, e.g. Coinbase Smart
    /// Wallet's <c>0x0BA5ED0c6AA8c49038F819E587E2633c4A9F428a</c> on Base. Empty: counterfactual wallets are
    /// refused (WALLET_FACTORY_NOT_ALLOWED); deployed contract wallets are accepted either way.
    /// </summary>
    public List<string> WalletFactories { get; set; } = [];

    public static NetworkOptions BaseMainnet() => new()
    {
        Network = "eip155:8453",
        V1Name = "base",
        ChainId = 8453,
        ExplorerTxUrl = "https://basescan.org/tx/{0}",
        Assets = [new AssetOptions { Address = "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913", Name = "USD Coin", Version = "2" }],
    };
}
