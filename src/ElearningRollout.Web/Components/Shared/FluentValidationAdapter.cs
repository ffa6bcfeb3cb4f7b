using FluentValidation;

namespace ElearningRollout.Web.Components.Shared;

/// <summary>
/// Runs the application's FluentValidation rules inside a MudForm, one field at a time, and shows
/// the messages the server sent back beside the same fields.
/// </summary>
/// <remarks>
/// Give <see cref="Validation"/> to <c>MudForm.Validation</c> (with <c>Model</c> set and <c>For</c> on each field).
/// Inputs that cannot take <c>For</c> (date pickers over <see cref="DateOnly"/>, checkbox groups over flags)
/// use <see cref="ForMember{TValue}"/> or <see cref="MessagesForAsync"/>.
/// A server message stays beside its field until the person changes that field's value.
/// </remarks>
public sealed class FluentValidationAdapter<T>(IValidator<T> validator)
    where T : class
{
    private readonly Dictionary<string, ServerMessage> _serverMessages = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, IReadOnlyList<string>> _memberMessages = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The function MudForm calls with the model and the name of the field being validated.</summary>
    public Func<object, string, Task<IEnumerable<string>>> Validation => async (model, member) =>
        await MessagesForAsync((T)model, member);

    /// <summary>A field-level validation function for an input bound without <c>For</c>; it validates the model's member.</summary>
    public Func<TValue, Task<IEnumerable<string>>> ForMember<TValue>(T model, string member) =>
        async _ => await MessagesForAsync(model, member);

    /// <summary>The rules' messages for one member, then any message the server gave for its current value.</summary>
    public async Task<IReadOnlyList<string>> MessagesForAsync(T model, string member)
    {
        var result = await validator.ValidateAsync(
            ValidationContext<T>.CreateWithOptions(model, options => options.IncludeProperties(member)));
        var messages = result.Errors.Select(e => e.ErrorMessage).ToList();
        if (_serverMessages.TryGetValue(member, out var server))
        {
            // Once the person changes the value, the server's judgement of the old value no longer applies.
            if (Equals(server.Value, ValueOf(model, member)))
            {
                messages.AddRange(server.Messages.Except(messages));
            }
            else
            {
                _serverMessages.Remove(member);
            }
        }

        return messages;
    }

    /// <summary>
    /// Validates members that no MudForm field covers (e.g. a group of checkboxes over a flags enum) and keeps
    /// their messages for <see cref="MessagesOf"/>; true when none of them has a message.
    /// </summary>
    public async Task<bool> RefreshMembersAsync(T model, params IEnumerable<string> members)
    {
        var valid = true;
        foreach (var member in members)
        {
            var messages = await MessagesForAsync(model, member);
            _memberMessages[member] = messages;
            valid &= messages.Count == 0;
        }

        return valid;
    }

    /// <summary>The messages found by the last <see cref="RefreshMembersAsync"/> of that member.</summary>
    public IReadOnlyList<string> MessagesOf(string member) =>
        _memberMessages.TryGetValue(member, out var messages) ? messages : [];

    /// <summary>Remembers the server's messages against the values they were about.</summary>
    public async Task ShowServerMessagesAsync(T model, IReadOnlyDictionary<string, string[]> errors)
    {
        _serverMessages.Clear();
        foreach (var (member, messages) in errors)
        {
            _serverMessages[member] = new ServerMessage(ValueOf(model, member), messages);
        }

        await RefreshMembersAsync(model, errors.Keys.Where(IsMember));
    }

    /// <summary>Whether the model has a member of that name (a server key without one is shown in an alert instead).</summary>
    public bool IsMember(string member) => typeof(T).GetProperty(member) is not null;

    private static object? ValueOf(T model, string member) => typeof(T).GetProperty(member)?.GetValue(model);

    private sealed record ServerMessage(object? Value, string[] Messages);
}
