using Microsoft.AspNetCore.Components;
using MudBlazor;
using P402.Core.Merchants;
using P402.Dashboard.Authorization;

namespace P402.Dashboard.Components.Pages.Settings;

public sealed partial class Settings
{
    private SettingsForm? form;
    private MudForm? mudForm;
    private IReadOnlyDictionary<string, string> errors = new Dictionary<string, string>();
    private string? loadError;
    private bool canEdit;
    private bool saving;

    [Inject] private MerchantService Merchants { get; set; } = default!;
    [Inject] private CurrentMerchant Current { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        canEdit = await Current.AuthorizeAsync(P402Policies.CanEditSettings);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        loadError = null;
        try
        {
            var user = await Current.GetRequiredAsync();
            form = SettingsForm.From(await Merchants.GetSettingsAsync(user.MerchantId, CancellationToken.None));
            errors = new Dictionary<string, string>();
        }
#pragma warning disable CA1031 // The page shows the failure and offers a retry.
        catch (Exception)
#pragma warning restore CA1031
        {
            loadError = "The settings could not be loaded.";
        }
    }

    /// <summary>Applies an edit, re-checks every rule (some span two fields) and lets each field show its message.</summary>
    private async Task ChangeAsync(Action apply)
    {
        apply();
        errors = form!.Read(out _);
        await ShowErrorsAsync();
    }

    private async Task ShowErrorsAsync()
    {
        if (mudForm is not null)
        {
            await mudForm.ValidateAsync();
        }
    }

    /// <summary>A MudBlazor field rule that answers with the Core rules' message for <paramref name="field"/>.</summary>
    private Func<string?, string?> Rule(string field) => _ => errors.GetValueOrDefault(field);

    /// <summary>Saves through the same Core method as the API; only owners pass the server-side check.</summary>
    internal async Task SaveAsync()
    {
        if (!await Current.AuthorizeAsync(P402Policies.CanEditSettings))
        {
            Snackbar.Add("Only owners can change settings.", Severity.Error);
            return;
        }
        errors = form!.Read(out var settings);
        if (errors.Count > 0)
        {
            await ShowErrorsAsync();
            Snackbar.Add("Nothing was saved: correct the highlighted fields first.", Severity.Warning);
            return;
        }
        saving = true;
        try
        {
            var user = await Current.GetRequiredAsync();
            errors = await Merchants.UpdateSettingsAsync(user.MerchantId, settings, CancellationToken.None);
            await ShowErrorsAsync();
            if (errors.Count == 0)
            {
                Snackbar.Add("Settings saved.", Severity.Success);
            }
        }
        finally
        {
            saving = false;
        }
    }
}
