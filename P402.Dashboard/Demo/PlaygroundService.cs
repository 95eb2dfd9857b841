using P402.Core.Chain;
using P402.Core.Chain.DevChain;
using P402.Core.Chain.Ethereum;
using P402.Core.Common;
using P402.Core.Payments;
using P402.Core.Receipts;

namespace P402.Dashboard.Demo;

/// <summary>
/// Everything the Playground page does, on the development chain only: the demo payers and their USDC,
/// paying and re-using receipts at the playground endpoint through <see cref="PlaygroundPayer"/>, charged as the
/// signed-in merchant (<see cref="PlaygroundMerchants"/>), and reading or revoking what that produced.
/// </summary>
internal sealed class PlaygroundService(
    ChainRuntime chain,
    PlaygroundPayer payer,
    SettlementQueries settlements,
    ReceiptService receipts,
    PlaygroundMerchants merchants,
    DemoConnection? demo = null)
{
    public const string DefaultCity = "Lisbon";

    /// <summary>True only when this app runs its own anvil chain: the playground's payers exist there alone.</summary>
    public bool IsDevChain => chain.DevChain is not null;

    /// <summary>Null when the demo endpoint can be paid; otherwise why not, for the page to say.</summary>
    public string? DemoUnavailableReason => demo switch
    {
        null or { Mode: DemoMode.Off } => "The demo endpoint is off (Demo:Enabled is false), so there is nothing to pay.",
        { Current: null } => "The demo endpoint is not ready yet. It starts a few seconds after the app; reload in a moment.",
        _ => null,
    };

    public static IReadOnlyList<DevAccount> Payers => DevAccounts.Payers;

    /// <summary>Each payer's USDC in atomic units (6 decimals), read from the dev chain.</summary>
    public async Task<IReadOnlyDictionary<int, long>> BalancesAsync(CancellationToken cancellationToken)
    {
        var devChain = chain.DevChain ?? throw new InvalidOperationException("The playground needs the development chain.");
        var balances = new Dictionary<int, long>();
        foreach (var account in Payers)
        {
            var result = await devChain.Rpc.CallAsync(devChain.UsdcAddress, TokenCalls.BalanceOf(account.Address), cancellationToken: cancellationToken);
            balances[account.Index] = PaymentNetwork.ToLong(Abi.DecodeUint256(result));
        }
        return balances;
    }

    /// <summary>The demo endpoint's URL for <paramref name="city"/>: the resource that is paid for and that a receipt is bound to.</summary>
    public Uri WeatherUrl(string city) =>
        new(Credentials.BaseUrl, PlaygroundEndpoints.WeatherPath.TrimStart('/') + "?city=" + Uri.EscapeDataString(city.Trim()));

    /// <summary>Pays as <paramref name="merchantId"/>: its Playground key, its address.</summary>
    public async Task<PlaygroundPayment> PayAsync(string merchantId, DevAccount account, Uri resource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var merchant = await merchants.EnsureAsync(merchantId, cancellationToken);
        return await payer.PayAsync(resource, EthKey.Parse(account.PrivateKey), merchant.Token, cancellationToken);
    }

    public async Task<PlaygroundReuse> ReuseAsync(string merchantId, Uri resource, string receiptId, CancellationToken cancellationToken)
    {
        var merchant = await merchants.EnsureAsync(merchantId, cancellationToken);
        return await payer.ReuseAsync(resource, receiptId, merchant.Token, cancellationToken);
    }

    public async Task<SettlementView?> FindSettlementAsync(string merchantId, string txHash, CancellationToken cancellationToken)
    {
        var page = await settlements.ListAsync(merchantId, new SettlementFilter(Search: txHash), new PageRequest(1, 1), cancellationToken);
        return page.Items.Count > 0 ? page.Items[0] : null;
    }

    public Task<ReceiptView?> GetReceiptAsync(string merchantId, string receiptId, CancellationToken cancellationToken) =>
        receipts.GetAsync(merchantId, receiptId, cancellationToken);

    /// <summary>Revokes at the merchant; <paramref name="actor"/> is the dashboard user (<c>user:&lt;id&gt;</c>).</summary>
    public Task<ReceiptView?> RevokeAsync(string merchantId, string receiptId, string actor, CancellationToken cancellationToken) =>
        receipts.RevokeAsync(merchantId, receiptId, actor, cancellationToken);

    private DemoCredentials Credentials =>
        demo?.Current ?? throw new InvalidOperationException(DemoUnavailableReason);
}
