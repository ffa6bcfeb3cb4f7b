using MudBlazor;

namespace ElearningRollout.Web.Components.Shared;

/// <summary>
/// What <see cref="ActionDialog"/> asks before a command. <see cref="Run"/> receives the chosen value and the reason
/// and should go through <see cref="CommandRunner"/>; the dialog closes only when it succeeded.
/// </summary>
public sealed record ActionRequest(string Title, Func<string?, string?, Task<CommandOutcome>> Run)
{
    public string? Explanation { get; init; }

    public string ConfirmText { get; init; } = "Confirm";

    public Color ConfirmColor { get; init; } = Color.Primary;

    /// <summary>Value -> label; when given, one must be picked.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? Choices { get; init; }

    public string ChoiceLabel { get; init; } = "An option";

    public string? InitialChoice { get; init; }

    /// <summary>Null hides the reason box.</summary>
    public string? ReasonLabel { get; init; }

    public bool ReasonRequired { get; init; }

    /// <summary>Reloads the page's data after a conflict; the dialog keeps what was typed.</summary>
    public Func<Task>? Reload { get; init; }
}

public static class ActionDialogService
{
    /// <summary>Shows the dialog; true when the command ran and succeeded.</summary>
    public static async Task<bool> RunActionAsync(this IDialogService dialogs, ActionRequest request)
    {
        var parameters = new DialogParameters<ActionDialog> { { d => d.Request, request } };
        var options = new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };
        var dialog = await dialogs.ShowAsync<ActionDialog>(request.Title, parameters, options);
        var result = await dialog.Result;
        return result is { Canceled: false };
    }
}
