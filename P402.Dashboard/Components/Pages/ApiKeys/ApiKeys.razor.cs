using Microsoft.AspNetCore.Components;
using MudBlazor;
using P402.Core.ApiKeys;
using P402.Core.Common;
using P402.Dashboard.Authorization;
using P402.Dashboard.Components.Pages.ApiKeys.Components;
using P402.Dashboard.Components.Shared;

namespace P402.Dashboard.Components.Pages.ApiKeys;

public sealed partial class ApiKeys
{
    private MerchantUser? user;
    private IReadOnlyList<ApiKeySummary>? keys;
    private string? error;
    private IDisposable? subscription;

    [Inject] private ApiKeyService Keys { get; set; } = default!;
    [Inject] private CurrentMerchant Current { get; set; } = default!;
    [Inject] private MerchantEvents Events { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        user = await Current.GetRequiredAsync();
        subscription = Events.Subscribe(user.MerchantId, OnMerchantEventAsync);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        error = null;
        try
        {
            keys = await Keys.ListAsync(user!.MerchantId, CancellationToken.None);
        }
#pragma warning disable CA1031 // The page shows the failure and offers a retry.
        catch (Exception)
#pragma warning restore CA1031
        {
            error = "The API keys could not be loaded.";
        }
    }

    private Task OnMerchantEventAsync(MerchantEvent change) =>
        change.Kind == MerchantEventKind.ApiKeysChanged
            ? InvokeAsync(async () => { await LoadAsync(); StateHasChanged(); })
            : Task.CompletedTask;

    private async Task OpenCreateDialogAsync()
    {
        var options = new DialogOptions { BackdropClick = false, CloseOnEscapeKey = false, MaxWidth = MaxWidth.Small, FullWidth = true };
        var dialog = await Dialogs.ShowAsync<CreateKeyDialog>("Create API key", options);
        var result = await dialog.Result;
        if (result is { Canceled: false })
        {
            await LoadAsync();
        }
    }

    /// <summary>Revokes after a confirmation; the policy is checked here, on the server, whatever the UI showed.</summary>
    internal async Task RevokeAsync(ApiKeySummary key)
    {
        var action = new DestructiveAction("Revoke API key",
            $"Revoke “{key.Name}” ({key.DisplayPrefix}…)? Requests that use it will be refused at once. This cannot be undone.",
            "Revoke key", P402Policies.CanManageKeys, "Only owners and developers can revoke keys.");
        if (!await action.ConfirmAndAuthorizeAsync(Dialogs, Current, Snackbar))
        {
            return;
        }
        await Keys.RevokeAsync(user!.MerchantId, key.Id, CancellationToken.None);
        Snackbar.Add($"“{key.Name}” was revoked.", Severity.Success);
        await LoadAsync();
    }

    public void Dispose() => subscription?.Dispose();
}
