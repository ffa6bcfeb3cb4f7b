using FluentValidation;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ElearningRollout.Web.Components.Shared;

/// <summary>
/// The shape of a dialog that edits a form model: the same validator in the form as on the server, the server's
/// messages beside their fields, a refusal or conflict shown without losing what was typed, and closing only on success.
/// </summary>
public abstract class DraftDialogBase<TDraft> : ComponentBase
    where TDraft : class
{
    [CascadingParameter] protected IMudDialogInstance Dialog { get; set; } = null!;

    [Parameter, EditorRequired] public TDraft Draft { get; set; } = null!;

    [Parameter, EditorRequired] public string Title { get; set; } = "";

    /// <summary>Runs the command (through CommandRunner); the dialog closes only when it succeeded.</summary>
    [Parameter, EditorRequired] public Func<TDraft, Task<CommandOutcome>> Run { get; set; } = null!;

    /// <summary>Reloads the page's data after a conflict; the dialog keeps what was typed.</summary>
    [Parameter] public Func<Task>? Reload { get; set; }

    protected FluentValidationAdapter<TDraft> Adapter { get; private set; } = null!;

    protected MudForm? Form { get; set; }

    protected CommandOutcome? Outcome { get; private set; }

    protected bool Saving { get; private set; }

    protected abstract IValidator<TDraft> Validator { get; }

    protected override void OnInitialized() => Adapter = new FluentValidationAdapter<TDraft>(Validator);

    protected async Task SaveAsync()
    {
        if (Form is null)
        {
            return;
        }

        await Form.ValidateAsync();
        if (!Form.IsValid)
        {
            return;
        }

        Saving = true;
        Outcome = await Run(Draft);
        Saving = false;
        if (Outcome.Succeeded)
        {
            Dialog.Close(DialogResult.Ok(true));
        }
        else if (Outcome.Kind == CommandOutcomeKind.Invalid)
        {
            await Adapter.ShowServerMessagesAsync(Draft, Outcome.Errors);
            await Form.ValidateAsync();
        }
    }

    protected async Task ReloadAsync()
    {
        if (Reload is not null)
        {
            await Reload();
        }

        Outcome = null;
    }

    protected void Cancel() => Dialog.Cancel();
}
