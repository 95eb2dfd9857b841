using MudBlazor;
using P402.Dashboard.Authorization;

namespace P402.Dashboard.Components.Shared;

/// <summary>What a page asks before a destructive action, and whom it lets do it.</summary>
/// <param name="Title">The confirmation dialog's title.</param>
/// <param name="Message">What the action does, in the dialog.</param>
/// <param name="ConfirmText">The dialog's confirm button.</param>
/// <param name="Policy">One of <see cref="P402Policies"/>, checked on the server whatever the UI showed.</param>
/// <param name="Denied">The snackbar's words for a user without <paramref name="Policy"/>.</param>
internal sealed record DestructiveAction(string Title, string Message, string ConfirmText, string Policy, string Denied)
{
    /// <summary>True when the user confirmed and holds the policy; a refusal is said in the snackbar, a cancel is not.</summary>
    public async Task<bool> ConfirmAndAuthorizeAsync(IDialogService dialogs, CurrentMerchant current, ISnackbar snackbar)
    {
        if (!await dialogs.ConfirmAsync(Title, Message, ConfirmText))
        {
            return false;
        }
        if (!await current.AuthorizeAsync(Policy))
        {
            snackbar.Add(Denied, Severity.Error);
            return false;
        }
        return true;
    }
}
