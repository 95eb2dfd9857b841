using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;

namespace P402.Tests.Dashboard;

/// <summary>Renders a page below MudBlazor's popover, dialog and snackbar providers, as MainLayout does.</summary>
public sealed class PageHost<TPage> : ComponentBase where TPage : IComponent
{
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenComponent<MudPopoverProvider>(0);
        builder.CloseComponent();
        builder.OpenComponent<MudDialogProvider>(1);
        builder.CloseComponent();
        builder.OpenComponent<MudSnackbarProvider>(2);
        builder.CloseComponent();
        builder.OpenComponent<TPage>(3);
        builder.CloseComponent();
    }
}
