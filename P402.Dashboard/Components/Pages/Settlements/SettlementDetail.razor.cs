using Microsoft.AspNetCore.Components;
using MudBlazor;
using P402.Core.ApiKeys;
using P402.Core.Chain;
using P402.Core.Payments;
using P402.Core.Receipts;
using P402.Dashboard.Authorization;
using P402.Dashboard.Components.Shared;

namespace P402.Dashboard.Components.Pages.Settlements;

public sealed partial class SettlementDetail
{
    private readonly List<BreadcrumbItem> breadcrumbs = [new("Settlements", href: "settlements")];
    private SettlementView? settlement;
    private string? explorerUrl;
    private ReceiptView? receipt;
    private string? keyName;
    private bool loading = true;

    [Parameter] public string Id { get; set; } = "";

    [Inject] private SettlementQueries Queries { get; set; } = default!;
    [Inject] private PaymentNetworks Networks { get; set; } = default!;
    [Inject] private CurrentMerchant Current { get; set; } = default!;
    [Inject] private ChainRuntime Chain { get; set; } = default!;
    [Inject] private ReceiptService Receipts { get; set; } = default!;
    [Inject] private ApiKeyService Keys { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        loading = true;
        var user = await Current.GetRequiredAsync();
        settlement = await Queries.GetAsync(user.MerchantId, Id, CancellationToken.None);
        explorerUrl = ExplorerTxUrl(Networks, settlement);
        receipt = settlement is null ? null : await Receipts.GetForSettlementAsync(user.MerchantId, settlement.Id, CancellationToken.None);
        keyName = settlement?.ApiKeyId is { } keyId
            ? (await Keys.ListAsync(user.MerchantId, CancellationToken.None)).FirstOrDefault(k => k.Id == keyId)?.Name
            : null;
        breadcrumbs.RemoveRange(1, breadcrumbs.Count - 1);
        breadcrumbs.Add(new BreadcrumbItem(Id, href: null, disabled: true));
        loading = false;
    }

    /// <summary>The network's explorer link (basescan for eip155:8453); none on the dev chain, which has no explorer.</summary>
    internal static string? ExplorerTxUrl(PaymentNetworks networks, SettlementView? settlement) =>
        settlement?.TxHash is { Length: > 0 } hash && networks.Find(settlement.Network)?.Options.ExplorerTxUrl is { Length: > 0 } format
            ? string.Format(System.Globalization.CultureInfo.InvariantCulture, format, hash)
            : null;

    /// <summary>Why there is no "View on explorer" button, so that its absence is not a mystery.</summary>
    private string NoExplorerReason(SettlementView s) => Chain.DevChain is not null
        ? "No block explorer link: this transaction is on the local development chain (anvil), which no public explorer indexes. Its hash, block and gas are below."
        : $"No block explorer link: no explorer is configured for {s.Network} (Chain:Networks:N:ExplorerTxUrl).";

    internal static string PayerKindLabel(Core.Payments.Signatures.PayerKind kind) => kind switch
    {
        Core.Payments.Signatures.PayerKind.Eoa => "EOA (a plain key)",
        Core.Payments.Signatures.PayerKind.ContractWallet => "Contract wallet (EIP-1271)",
        Core.Payments.Signatures.PayerKind.DeployedBySettlement => "Contract wallet deployed by this settlement (ERC-6492)",
    };

    /// <summary>The key's name as the merchant gave it (its prefix-less id only if the key is gone).</summary>
    private static string KeyLabel(SettlementView s, string? name) => (s.ApiKeyId, name) switch
    {
        (null, _) => "—",
        (_, { } known) => known,
        ({ } id, null) => id,
    };

    private IEnumerable<(string Label, string Value, bool Mono)> Fields(SettlementView s) =>
    [
        ("Settlement id", s.Id, true),
        ("Status", s.Status.ToString(), false),
        ("Amount", $"{Format.Usdc(s.Value)} USDC ({Format.Number(s.Value)} units)", false),
        ("Payer", s.Payer, true),
        ("Payer kind", PayerKindLabel(s.PayerKind), false),
        ("Paid to", s.PayTo, true),
        ("Network", s.Network, true),
        ("Asset", s.Asset, true),
        ("Resource", s.Resource ?? "—", true),
        ("Transaction", s.TxHash ?? "—", true),
        ("Block", s.BlockNumber is { } block ? Format.Number(block) : "—", false),
        ("Gas used", s.GasUsed is { } gas ? Format.Number(gas) : "—", false),
        ("Gas price", s.EffectiveGasPriceWei is { } price ? Format.Gwei(price) : "—", false),
        ("Deployment gas", s.DeploymentGas is { } deployment ? $"{Format.Number(deployment)} (included in gas used)" : "—", false),
        ("Gas cost", s.GasUsed is { } used && s.EffectiveGasPriceWei is { } wei ? Format.EthFromWei((decimal)used * wei) : "—", false),
        ("Authorization nonce", s.Nonce, true),
        ("Request id", s.RequestId, true),
        ("API key", KeyLabel(s, keyName), keyName is null),
        ("Created", Format.TimeWithSeconds(s.CreatedAt), false),
        ("Confirmed", Format.TimeWithSeconds(s.ConfirmedAt), false),
        ("Error", s.ErrorReason is null ? "—" : $"{s.ErrorReason}: {s.ErrorMessage}", false),
    ];
}
