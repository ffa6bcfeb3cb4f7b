namespace ElearningRollout.Application.Common;

/// <summary>
/// Input broke a validation rule. <see cref="Errors"/> maps a field name (the property of the form model)
/// to its messages, so the UI can show each beside its field; nothing was written.
/// </summary>
public sealed class ValidationFailedException(IReadOnlyDictionary<string, string[]> errors)
    : Exception(string.Join(" ", errors.SelectMany(e => e.Value)))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}

/// <summary>
/// Somebody else saved the same thing first. Nothing of this person's change was written;
/// the message says who and when, and the UI keeps what they typed so they can apply it again.
/// Not sealed: a conflict that can say more (which checklist items, set by whom) derives from it, and every screen
/// still treats it as a conflict.
/// </summary>
public class ConcurrencyConflictException(string message) : Exception(message);

/// <summary>The thing asked for does not exist (or no longer does).</summary>
public sealed class NotFoundException(string message) : Exception(message);
