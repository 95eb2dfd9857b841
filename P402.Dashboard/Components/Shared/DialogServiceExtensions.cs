using MudBlazor;

namespace P402.Dashboard.Components.Shared;

internal static class DialogServiceExtensions
{
    /// <summary>Asks the user to confirm a (usually destructive) action; true only on an explicit yes.</summary>
    public static async Task<bool> ConfirmAsync(this IDialogService dialogs, string title, string message, string confirmText)
    {
        var parameters = new DialogParameters<ConfirmDialog>
        {
            { d => d.Title, title },
            { d => d.Message, message },
            { d => d.ConfirmText, confirmText },
        };
        var dialog = await dialogs.ShowAsync<ConfirmDialog>(title, parameters);
        var result = await dialog.Result;
        return result is { Canceled: false, Data: true };
    }
}
