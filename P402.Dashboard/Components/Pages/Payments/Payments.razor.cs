using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using MudBlazor;
using P402.Core.Common;
using P402.Core.PaymentLogs;
using P402.Dashboard.Authorization;

namespace P402.Dashboard.Components.Pages.Payments;

/// <summary>
/// The payment log: the answers of /verify and /settle for the merchant, newest first, with the same paged Core
/// query as <c>GET /api/v1/payments</c>. Filters come from and go to the URL (<c>?requestId=…&amp;payer=…&amp;resource=…</c>).
/// New answers show up live.
/// </summary>
public sealed partial class Payments : IDisposable
{
    private MudDataGrid<PaymentLogView>? grid;
    private PaymentLogFilter filter = new();
    private string? error;
    private string merchantId = "";
    private IDisposable? subscription;

    [SupplyParameterFromQuery(Name = "requestId")] public string? RequestIdQuery { get; set; }
    [SupplyParameterFromQuery(Name = "payer")] public string? PayerQuery { get; set; }
    [SupplyParameterFromQuery(Name = "resource")] public string? ResourceQuery { get; set; }

    [Inject] private PaymentLogQueries Queries { get; set; } = default!;
    [Inject] private CurrentMerchant Current { get; set; } = default!;
    [Inject] private MerchantEvents Events { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IOptions<PaymentLogOptions> Options { get; set; } = default!;

    private int RetentionDays => Options.Value.RetentionDays;

    protected override async Task OnInitializedAsync()
    {
        filter = new PaymentLogFilter(Blank(RequestIdQuery), Blank(PayerQuery), Blank(ResourceQuery));
        merchantId = (await Current.GetRequiredAsync()).MerchantId;
        subscription = Events.Subscribe(merchantId, OnMerchantEventAsync);
    }

    private async Task<GridData<PaymentLogView>> LoadAsync(GridState<PaymentLogView> state, CancellationToken cancellationToken)
    {
        error = null;
        if (PaymentLogFilterRules.Problem(filter) is not null)
        {
            // The filter bar shows what is wrong with the field; an unrunnable filter lists nothing.
            return new GridData<PaymentLogView> { Items = [], TotalItems = 0 };
        }
        try
        {
            var page = await Queries.ListAsync(merchantId, filter, new PageRequest(state.Page + 1, state.PageSize), cancellationToken);
            return new GridData<PaymentLogView> { Items = page.Items, TotalItems = page.Total };
        }
        catch (OperationCanceledException)
        {
            throw;
        }
#pragma warning disable CA1031 // The page shows the failure and offers a retry.
        catch (Exception)
#pragma warning restore CA1031
        {
            error = "The payment log could not be loaded.";
            return new GridData<PaymentLogView> { Items = [], TotalItems = 0 };
        }
    }

    private async Task OnFilterChangedAsync(PaymentLogFilter value)
    {
        filter = value;
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["requestId"] = filter.RequestId,
            ["payer"] = filter.Payer,
            ["resource"] = filter.Resource,
        }), replace: true);
        await ReloadAsync();
    }

    private Task ReloadAsync() => grid?.ReloadServerData() ?? Task.CompletedTask;

    private Task OnMerchantEventAsync(MerchantEvent change) =>
        change.Kind == MerchantEventKind.PaymentLogged ? InvokeAsync(ReloadAsync) : Task.CompletedTask;

    /// <summary>The path and query of an absolute URL (the host is in the tooltip); anything else as it is.</summary>
    private static string ResourcePath(string? resource) =>
        Uri.TryCreate(resource, UriKind.Absolute, out var uri) ? uri.PathAndQuery : resource ?? "—";

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public void Dispose() => subscription?.Dispose();
}
