using Microsoft.AspNetCore.Components;
using MudBlazor;
using P402.Core.Common;
using P402.Core.Payments;
using P402.Core.Receipts;
using P402.Dashboard.Authorization;
using P402.Dashboard.Components.Shared;

namespace P402.Dashboard.Components.Pages.Receipts;

public sealed partial class Receipts
{
    private MudDataGrid<ReceiptView>? grid;
    private ReceiptFilter filter = new();
    private MerchantUser? user;
    private bool canRevoke;
    private string? error;
    private IDisposable? subscription;

    [Inject] private ReceiptService ReceiptService { get; set; } = default!;
    [Inject] private CurrentMerchant Current { get; set; } = default!;
    [Inject] private MerchantEvents Events { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "state")] private string? StateQuery { get; set; }
    [SupplyParameterFromQuery(Name = "resource")] private string? ResourceQuery { get; set; }
    [SupplyParameterFromQuery(Name = "payer")] private string? PayerQuery { get; set; }
    [SupplyParameterFromQuery(Name = "id")] private string? IdQuery { get; set; }

    protected override async Task OnInitializedAsync()
    {
        user = await Current.GetRequiredAsync();
        canRevoke = await Current.AuthorizeAsync(P402Policies.CanRevokeReceipts);
        subscription = Events.Subscribe(user.MerchantId, OnMerchantEventAsync);
    }

    /// <summary>The filter lives in the URL: a bookmark or the back button brings it back.</summary>
    protected override async Task OnParametersSetAsync()
    {
        var next = ReceiptFilterQuery.Parse(StateQuery, ResourceQuery, PayerQuery, IdQuery);
        if (next != filter)
        {
            filter = next;
            await ReloadAsync();
        }
    }

    private async Task<GridData<ReceiptView>> LoadAsync(GridState<ReceiptView> state, CancellationToken cancellationToken)
    {
        error = null;
        if (PayerAddress.Problem(filter.Payer) is not null)
        {
            return new GridData<ReceiptView> { Items = [], TotalItems = 0 };
        }
        try
        {
            var page = await ReceiptService.ListAsync(user!.MerchantId, filter, new PageRequest(state.Page + 1, state.PageSize), cancellationToken);
            return new GridData<ReceiptView> { Items = page.Items, TotalItems = page.Total };
        }
        catch (OperationCanceledException)
        {
            throw;
        }
#pragma warning disable CA1031 // The page shows the failure and offers a retry.
        catch (Exception)
#pragma warning restore CA1031
        {
            error = "The receipts could not be loaded.";
            return new GridData<ReceiptView> { Items = [], TotalItems = 0 };
        }
    }

    private void OnFilterChanged(ReceiptFilter value) => Navigation.NavigateTo(ReceiptFilterQuery.PageUrl(value));

    private void ShowAll() => Navigation.NavigateTo(ReceiptFilterQuery.PagePath);

    /// <summary>The receipt the page was opened on stands out.</summary>
    private string RowClass(ReceiptView receipt, int index) => receipt.Id == filter.Id ? "p402-row-focus" : "";

    private Task ReloadAsync() => grid?.ReloadServerData() ?? Task.CompletedTask;

    /// <summary>Revokes after a confirmation; the policy is checked here, on the server, whatever the UI showed.</summary>
    internal async Task RevokeAsync(ReceiptView receipt)
    {
        var action = new DestructiveAction("Revoke receipt",
            $"Revoke {receipt.Id}? The payer will have to pay again for {receipt.Resource}, starting with the next request.",
            "Revoke receipt", P402Policies.CanRevokeReceipts, "Only owners and developers can revoke receipts.");
        if (!await action.ConfirmAndAuthorizeAsync(Dialogs, Current, Snackbar))
        {
            return;
        }
        var revoked = await ReceiptService.RevokeAsync(user!.MerchantId, receipt.Id, user.Actor, CancellationToken.None);
        Snackbar.Add(revoked is null ? "That receipt no longer exists." : $"{receipt.Id} was revoked.", revoked is null ? Severity.Warning : Severity.Success);
        await ReloadAsync();
    }

    private Task OnMerchantEventAsync(MerchantEvent change) =>
        change.Kind is MerchantEventKind.ReceiptIssued or MerchantEventKind.ReceiptReused or MerchantEventKind.ReceiptRevoked
            ? InvokeAsync(ReloadAsync)
            : Task.CompletedTask;

    public void Dispose() => subscription?.Dispose();
}
