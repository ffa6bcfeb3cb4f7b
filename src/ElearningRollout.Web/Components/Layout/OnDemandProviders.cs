using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;

namespace ElearningRollout.Web.Components.Layout;

// MudBlazor's dialog and snackbar providers sit in the layout of every screen of every circuit, and render their frames
// (the dialog provider two cascading values, components of their own; the snackbar provider its empty container) even
// while nothing is shown: render trees kept twice per component, about 12 KB per open tab (docs/performance.md,
// "Capacity"). These render MudBlazor's own markup while a dialog or a snackbar is shown, and nothing otherwise; what
// they hand to a dialog (the cascading provider and options) exists while it does. LayoutProvidersTests check both.

/// <summary>MudDialogProvider, rendering its cascading values and dialogs only while a dialog is open.</summary>
public sealed class DialogProvider : MudDialogProvider
{
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (AnyOpen())
        {
            base.BuildRenderTree(builder);
        }
    }

    // The same test as MudDialogProvider's own loop over its dialogs. A MudBlazor without the field renders as its own.
    private bool AnyOpen()
    {
        try
        {
            return Dialogs(this).Exists(dialog => !dialog.Result.IsCompleted);
        }
        catch (MissingFieldException)
        {
            return true;
        }
    }

    // MudDialogProvider's "private readonly List<IDialogReference> _dialogs" (MudBlazor 9).
    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_dialogs")]
    private static extern ref List<IDialogReference> Dialogs(MudDialogProvider provider);
}

/// <summary>MudSnackbarProvider, rendering its container only while a snackbar is shown.</summary>
public sealed class SnackbarProvider : MudSnackbarProvider
{
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (Snackbar.Any())
        {
            base.BuildRenderTree(builder);
        }
    }
}
