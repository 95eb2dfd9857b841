using Microsoft.AspNetCore.Components;
using P402.Core.Common;
using P402.Core.Overview;
using P402.Dashboard.Authorization;

namespace P402.Dashboard.Components.Pages.Overview;

public sealed partial class Overview
{
    private OverviewStats? stats;
    private OverviewRange range = OverviewRange.Last7Days;
    private string? error;
    private string merchantId = "";
    private IDisposable? subscription;

    [Inject] private OverviewService OverviewStats { get; set; } = default!;
    [Inject] private CurrentMerchant Current { get; set; } = default!;
    [Inject] private MerchantEvents Events { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        merchantId = (await Current.GetRequiredAsync()).MerchantId;
        subscription = Events.Subscribe(merchantId, OnMerchantEventAsync);
        await LoadAsync();
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

    private Task OnMerchantEventAsync(MerchantEvent change) =>
        change.Kind is MerchantEventKind.ApiKeysChanged or MerchantEventKind.SettingsChanged
            ? Task.CompletedTask
            : InvokeAsync(async () => { await LoadAsync(); StateHasChanged(); });

    public void Dispose() => subscription?.Dispose();
}
