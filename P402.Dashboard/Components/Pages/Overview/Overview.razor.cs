using Microsoft.AspNetCore.Components;
using P402.Core.Chain;
using P402.Core.Common;
using P402.Core.Merchants;
using P402.Core.Overview;
using P402.Dashboard.Authorization;

namespace P402.Dashboard.Components.Pages.Overview;

public sealed partial class Overview
{
    private OverviewStats? stats;
    private ChainSnapshot? chain;
    private string? chainError;
    private long gasPriceLimitWei;
    private OverviewRange range = OverviewRange.Last7Days;
    private string? error;
    private string merchantId = "";
    private IDisposable? subscription;

    [Inject] private OverviewService OverviewStats { get; set; } = default!;
    [Inject] private CurrentMerchant Current { get; set; } = default!;
    [Inject] private MerchantEvents Events { get; set; } = default!;
    [Inject] private ChainStatusService ChainStatus { get; set; } = default!;
    [Inject] private MerchantService Merchants { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        merchantId = (await Current.GetRequiredAsync()).MerchantId;
        subscription = Events.Subscribe(merchantId, OnMerchantEventAsync);
        await Task.WhenAll(LoadAsync(), LoadChainAsync());
    }

    /// <summary>The chain card loads apart from the stats: an unreachable node must not hide the merchant's numbers.</summary>
    private async Task LoadChainAsync()
    {
        try
        {
            gasPriceLimitWei = (await Merchants.GetSettingsAsync(merchantId, CancellationToken.None)).GasPriceLimitWei;
            chain = await ChainStatus.GetAsync(CancellationToken.None);
            chainError = null;
        }
#pragma warning disable CA1031 // Shown in the card; the rest of the page stays usable.
        catch (Exception)
#pragma warning restore CA1031
        {
            chainError = "The chain node is not reachable right now.";
        }
    }

    private async Task LoadAsync()
    {
        error = null;
        try
        {
            stats = await OverviewStats.GetAsync(merchantId, range, CancellationToken.None);
        }
#pragma warning disable CA1031 // The page shows the failure and offers a retry.
        catch (Exception)
#pragma warning restore CA1031
        {
            error = "The overview could not be loaded.";
        }
    }

    private async Task ChangeRangeAsync(OverviewRange value)
    {
        range = value;
        await LoadAsync();
    }

    private Task OnMerchantEventAsync(MerchantEvent change) => change.Kind switch
    {
        MerchantEventKind.ApiKeysChanged or MerchantEventKind.PaymentLogged => Task.CompletedTask,
        MerchantEventKind.SettingsChanged => InvokeAsync(async () => { await LoadChainAsync(); StateHasChanged(); }),
        MerchantEventKind.SettlementChanged => InvokeAsync(async () => { await Task.WhenAll(LoadAsync(), LoadChainAsync()); StateHasChanged(); }),
        _ => InvokeAsync(async () => { await LoadAsync(); StateHasChanged(); }),
    };

    public void Dispose() => subscription?.Dispose();
}
