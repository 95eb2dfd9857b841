namespace P402.Core.Chain;

/// <summary>Section <c>Chain</c>: which networks P402 settles on and with which key.</summary>
public sealed class ChainOptions
{
    public const string SectionName = "Chain";

    /// <summary><c>Dev</c> starts a local anvil chain; <c>Rpc</c> uses each network's <see cref="NetworkOptions.RpcUrl"/>.</summary>
    public ChainMode Mode { get; set; } = ChainMode.Dev;

    /// <summary>Empty means Base mainnet with USDC.</summary>
    public List<NetworkOptions> Networks { get; set; } = [];

    /// <summary>
    /// The facilitator's signing key (hex). From the environment (<c>Chain__FacilitatorPrivateKey</c>) or
    /// user-secrets, never appsettings.json. In Dev mode it defaults to anvil's public account 0.
    /// </summary>
    public string? FacilitatorPrivateKey { get; set; }

    /// <summary>
    /// More signer keys (hex), each with its own nonce sequence, used concurrently: <c>Chain__FacilitatorPrivateKeys__0</c>,
    /// <c>__1</c>… in the environment. Together with <see cref="FacilitatorPrivateKey"/> they are the facilitator's signers.
    /// </summary>
    public List<string> FacilitatorPrivateKeys { get; set; } = [];

    /// <summary>How long /settle waits for the receipt before answering SETTLEMENT_PENDING.</summary>
    public double ConfirmationTimeoutSeconds { get; set; } = 30;

    /// <summary>How often each network's settlement watcher asks the node for its latest block (one call, however many settlements wait).</summary>
    public double BlockPollMilliseconds { get; set; } = 250;

    /// <summary>The watcher looks at its Submitted settlements at least this often, even when no block came.</summary>
    public double WatcherRecheckSeconds { get; set; } = 5;

    /// <summary>After this many blocks without a receipt, the watcher checks that the node still knows the transaction.</summary>
    public int StuckAfterBlocks { get; set; } = 3;

    /// <summary>
    /// The operator's cap on any settlement transaction's maxFeePerGas, in gwei (on top of each merchant's gas-price limit):
    /// a fee replacement never goes above it; a transaction that would need more stays as it is, and its attempt says why.
    /// </summary>
    public decimal MaxFeePerGasGwei { get; set; } = 200;

    /// <summary>
    /// A fee replacement raises both fees by at least this share over the transaction it replaces (geth and anvil refuse
    /// less than 10 %), and to at least twice the current base fee plus the node's suggested tip.
    /// </summary>
    public int FeeBumpPercent { get; set; } = 10;

    /// <summary>
    /// How many recent blocks the watcher keeps checking: a settlement confirmed in one of them whose block is no longer the chain's returns
    /// to Submitted and is finished again. Older ones are final, and their signed transactions are dropped.
    /// </summary>
    public int ReorgWindowBlocks { get; set; } = 64;

    /// <summary>How long a fetched gas price is reused (about one Base block).</summary>
    public double GasPriceCacheSeconds { get; set; } = 2;

    /// <summary>Each JSON-RPC call's time limit, all its attempts included.</summary>
    public double RpcTimeoutSeconds { get; set; } = 10;

    /// <summary>Attempts of one JSON-RPC call (each on the healthiest endpoint) before it counts as unavailable.</summary>
    public int RpcAttempts { get; set; } = 3;

    /// <summary>One attempt's time limit: an endpoint that does not answer within it is cooled and the next one asked.</summary>
    public double RpcAttemptTimeoutSeconds { get; set; } = 4;

    /// <summary>The gas limit of a settlement is the node's estimate plus this share (capped by the merchant's max gas).</summary>
    public int GasHeadroomPercent { get; set; } = 25;

    /// <summary>The overview warns below this facilitator ETH balance, and a signer key below it is not used while another has more.</summary>
    public decimal LowBalanceEth { get; set; } = 0.01m;

    /// <summary>How long a signer key's ETH balance is trusted before it is read again (a key below <see cref="LowBalanceEth"/> is skipped).</summary>
    public double SignerBalanceRefreshSeconds { get; set; } = 15;

    /// <summary>
    /// Several instances on one PostgreSQL database: how long a signer key's lease lasts unrenewed. An instance that
    /// dies holding it has its key (and its unfinished settlements' re-broadcasts) taken over after this long.
    /// </summary>
    public double SignerLeaseSeconds { get; set; } = 10;

    public IReadOnlyList<NetworkOptions> EffectiveNetworks => Networks.Count > 0 ? Networks : [NetworkOptions.BaseMainnet()];
}
