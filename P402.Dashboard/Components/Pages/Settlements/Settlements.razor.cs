using Microsoft.AspNetCore.Components;
using MudBlazor;
using P402.Core.Common;
using P402.Core.Payments;
using P402.Dashboard.Authorization;

namespace P402.Dashboard.Components.Pages.Settlements;

public sealed partial class Settlements
{
    private MudDataGrid<SettlementView>? grid;
    private SettlementFilter filter = new();
    private IReadOnlyDictionary<string, string> filterErrors = new Dictionary<string, string>();
    private string? error;
    private string merchantId = "";
    private IDisposable? subscription;

    [Inject] private SettlementQueries Queries { get; set; } = default!;
    [Inject] private CurrentMerchant Current { get; set; } = default!;
    [Inject] private MerchantEvents Events { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "status")] private string? StatusQuery { get; set; }
    [SupplyParameterFromQuery(Name = "payer")] private string? PayerQuery { get; set; }
    [SupplyParameterFromQuery(Name = "from")] private string? FromQuery { get; set; }
    [SupplyParameterFromQuery(Name = "to")] private string? ToQuery { get; set; }
    [SupplyParameterFromQuery(Name = "search")] private string? SearchQuery { get; set; }

    protected override async Task OnInitializedAsync()
    {
        merchantId = (await Current.GetRequiredAsync()).MerchantId;
        subscription = Events.Subscribe(merchantId, OnMerchantEventAsync);
    }

    /// <summary>The filter lives in the URL: a bookmark or the back button brings it back.</summary>
    protected override async Task OnParametersSetAsync()
    {
        var next = SettlementFilterQuery.Parse(StatusQuery, PayerQuery, FromQuery, ToQuery, SearchQuery);
        if (next != filter)
        {
            filter = next;
            filterErrors = SettlementFilterRules.Validate(filter);
            await ReloadAsync();
        }
    }

    /// <summary>The grid's server query: paging and sorting from the grid, filters from the bar.</summary>
    private async Task<GridData<SettlementView>> LoadAsync(GridState<SettlementView> state, CancellationToken cancellationToken)
    {
        error = null;
        if (filterErrors.Count > 0)
        {
            return new GridData<SettlementView> { Items = [], TotalItems = 0 };
        }
        var sort = state.SortDefinitions.FirstOrDefault();
        var query = filter with
        {
            Sort = sort?.SortBy switch
            {
                nameof(SettlementView.Value) => SettlementSort.Value,
                nameof(SettlementView.Status) => SettlementSort.Status,
                nameof(SettlementView.Payer) => SettlementSort.Payer,
                _ => SettlementSort.CreatedAt,
            },
            Descending = sort?.Descending ?? true,
        };
        try
        {
            var page = await Queries.ListAsync(merchantId, query, new PageRequest(state.Page + 1, state.PageSize), cancellationToken);
            return new GridData<SettlementView> { Items = page.Items, TotalItems = page.Total };
        }
        catch (OperationCanceledException)
        {
            throw;
        }
#pragma warning disable CA1031 // The page shows the failure and offers a retry.
        catch (Exception)
#pragma warning restore CA1031
        {
            error = "The settlements could not be loaded.";
            return new GridData<SettlementView> { Items = [], TotalItems = 0 };
        }
    }

    private void OnFilterChanged(SettlementFilter value) => Navigation.NavigateTo(SettlementFilterQuery.PageUrl(value));

    private Task ReloadAsync() => grid?.ReloadServerData() ?? Task.CompletedTask;

    private void OpenDetail(DataGridRowClickEventArgs<SettlementView> row) => Navigation.NavigateTo($"settlements/{row.Item.Id}");

    private Task OnMerchantEventAsync(MerchantEvent change) =>
        change.Kind == MerchantEventKind.SettlementChanged ? InvokeAsync(ReloadAsync) : Task.CompletedTask;

    private static string ResourcePath(string? resource) =>
        Uri.TryCreate(resource, UriKind.Absolute, out var uri) ? uri.PathAndQuery : resource ?? "—";

    public void Dispose() => subscription?.Dispose();
}
