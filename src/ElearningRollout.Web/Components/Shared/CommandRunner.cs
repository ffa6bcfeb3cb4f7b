using ElearningRollout.Application.Common;
using ElearningRollout.Domain.Common;

namespace ElearningRollout.Web.Components.Shared;

/// <summary>
/// The one way a page runs a command: every refusal the application layer can give comes back as a
/// <see cref="CommandOutcome"/> for <see cref="CommandProblem"/> to show, so no page breaks on a refusal
/// and nothing the person typed is thrown away.
/// </summary>
public static class CommandRunner
{
    public static async Task<CommandOutcome> RunAsync(Func<Task> command)
    {
        try
        {
            await command();
            return CommandOutcome.Success;
        }
        catch (ValidationFailedException e)
        {
            return new CommandOutcome(CommandOutcomeKind.Invalid, "Some of what you entered needs a change.", e.Errors);
        }
        catch (ConcurrencyConflictException e)
        {
            return new CommandOutcome(CommandOutcomeKind.Conflict, e.Message);
        }
        catch (Exception e) when (e is DomainException or AccessRefusedException or NotFoundException)
        {
            return new CommandOutcome(CommandOutcomeKind.Refused, e.Message);
        }
    }

    /// <summary>
    /// Call after clearing a form's messages and before checking or running its command again, so the page renders the
    /// cleared state first. MudBlazor's fields take a parent's <c>Error</c> only when it changes, and a field the person
    /// typed in clears its own error: without a render in between, the same message passed again after a second failed
    /// try would not show beside the field. A command over SQLite can complete without ever yielding, hence the yield.
    /// </summary>
    public static async Task ClearedMessagesShownAsync() => await Task.Yield();

    /// <summary>Runs a command that returns a value (e.g. the code of a new rollout).</summary>
    public static async Task<(CommandOutcome Outcome, TResult? Result)> RunAsync<TResult>(Func<Task<TResult>> command)
    {
        TResult? result = default;
        var outcome = await RunAsync(async () => { result = await command(); });
        return (outcome, result);
    }
}

public enum CommandOutcomeKind
{
    Succeeded,
    Invalid,
    Refused,
    Conflict,
}

/// <summary>What came of a command; <see cref="FieldErrors"/> maps form fields to messages when it was invalid.</summary>
public sealed record CommandOutcome(
    CommandOutcomeKind Kind, string? Message = null, IReadOnlyDictionary<string, string[]>? FieldErrors = null)
{
    public static readonly CommandOutcome Success = new(CommandOutcomeKind.Succeeded);

    public bool Succeeded => Kind == CommandOutcomeKind.Succeeded;

    public IReadOnlyDictionary<string, string[]> Errors => FieldErrors ?? new Dictionary<string, string[]>();

    /// <summary>Messages whose key names no field of the form, so they are shown in the alert instead.</summary>
    public IReadOnlyList<string> MessagesWithoutField(Func<string, bool> isField) =>
        Errors.Where(e => !isField(e.Key)).SelectMany(e => e.Value).ToList();
}
