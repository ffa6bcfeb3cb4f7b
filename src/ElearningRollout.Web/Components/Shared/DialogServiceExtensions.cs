using MudBlazor;

namespace ElearningRollout.Web.Components.Shared;

public static class DraftDialogService
{
    /// <summary>Shows a form dialog built on <see cref="DraftDialogBase{TDraft}"/> (<paramref name="more"/>: its own parameters); true when its command ran and succeeded.</summary>
    public static async Task<bool> RunDraftAsync<TDialog, TDraft>(
        this IDialogService dialogs, string title, TDraft draft, Func<TDraft, Task<CommandOutcome>> run, Func<Task>? reload = null,
        MaxWidth width = MaxWidth.Small, IReadOnlyDictionary<string, object?>? more = null)
        where TDialog : DraftDialogBase<TDraft>
        where TDraft : class
    {
        var parameters = new DialogParameters
        {
            { nameof(DraftDialogBase<TDraft>.Draft), draft },
            { nameof(DraftDialogBase<TDraft>.Title), title },
            { nameof(DraftDialogBase<TDraft>.Run), run },
            { nameof(DraftDialogBase<TDraft>.Reload), reload },
        };
        foreach (var (name, value) in more ?? new Dictionary<string, object?>())
        {
            parameters.Add(name, value);
        }

        var dialog = await dialogs.ShowAsync<TDialog>(title, parameters, new DialogOptions { MaxWidth = width, FullWidth = true, CloseOnEscapeKey = true });
        return await dialog.Result is { Canceled: false };
    }
}
