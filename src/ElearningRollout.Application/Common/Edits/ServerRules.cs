using FluentValidation;

namespace ElearningRollout.Application.Common.Edits;

/// <summary>
/// The checks of a form that need the database (a name not taken, a department that exists, a reviewer who is an IT
/// lead). They are FluentValidation rules like the form's own, registered from the assembly beside them, but they run
/// on the server only, in the edit pipeline, against the operation's own context (<see cref="Edit"/>): the form shows
/// their messages beside the same fields when the save comes back.
/// </summary>
public abstract class ServerRules<TDraft> : AbstractValidator<TDraft>
{
    internal const string EditKey = "ElearningRollout.Edit";

    /// <summary>The operation in progress (its context, actor and, for a change, the aggregate).</summary>
    protected static EditContext Edit(ValidationContext<TDraft> context) =>
        context.RootContextData.TryGetValue(EditKey, out var edit) && edit is EditContext e
            ? e
            : throw new InvalidOperationException($"{typeof(TDraft).Name}'s server rules run only in the edit pipeline.");
}
