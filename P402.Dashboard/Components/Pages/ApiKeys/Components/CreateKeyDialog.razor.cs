using Microsoft.AspNetCore.Components;
using MudBlazor;
using P402.Core.ApiKeys;
using P402.Dashboard.Authorization;

namespace P402.Dashboard.Components.Pages.ApiKeys.Components;

/// <summary>Creates a key and shows its secret once; the secret lives only in this dialog instance.</summary>
public sealed partial class CreateKeyDialog
{
    private readonly CreateKeyInput input = new();
    private CreatedApiKey? created;
    private string? error;
    private string? nameError;
    private bool busy;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    internal async Task CreateAsync()
    {
        error = null;
        nameError = ApiKeyName.Problem(input.Name);
        if (nameError is not null)
        {
            return;
        }
        var scopes = input.Scopes;
        if (scopes == ApiKeyScopes.None)
        {
            error = "Choose at least one scope.";
            return;
        }
        if (!await Current.AuthorizeAsync(P402Policies.CanManageKeys))
        {
            error = "Only owners and developers can create keys.";
            return;
        }
        busy = true;
        try
        {
            var user = await Current.GetRequiredAsync();
            created = await Keys.CreateAsync(user.MerchantId, input.Name, scopes, input.Mode, user.UserId, CancellationToken.None);
        }
        catch (ArgumentException ex)
        {
            error = ex.Message;
        }
        finally
        {
            busy = false;
        }
    }

    /// <summary>
    /// The name's rule is checked when the person leaves the field having changed it (a change event), and on
    /// Create: never while the dialog opens or when focus merely passes through.
    /// </summary>
    private void NameChanged(string? name)
    {
        input.Name = name ?? "";
        nameError = ApiKeyName.Problem(input.Name);
    }

    private void Cancel() => Dialog.Cancel();

    private void Done()
    {
        created = null; // drop the secret with the dialog
        Dialog.Close(DialogResult.Ok(true));
    }

    private sealed class CreateKeyInput
    {
        public string Name { get; set; } = "";
        public bool Facilitator { get; set; } = true;
        public bool Receipts { get; set; } = true;
        public bool Read { get; set; } = true;
        public ApiKeyMode Mode { get; set; } = ApiKeyMode.Live;

        public ApiKeyScopes Scopes =>
            (Facilitator ? ApiKeyScopes.Facilitator : ApiKeyScopes.None)
            | (Receipts ? ApiKeyScopes.Receipts : ApiKeyScopes.None)
            | (Read ? ApiKeyScopes.Read : ApiKeyScopes.None);
    }
}
