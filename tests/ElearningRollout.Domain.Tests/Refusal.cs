using ElearningRollout.Domain.Common;

namespace ElearningRollout.Domain.Tests;

internal static class Refusal
{
    /// <summary>Asserts the action is refused and returns the message the user would read.</summary>
    public static string Of(Action action) => Assert.Throws<DomainException>(action).Message;

    /// <summary>The message if the action is refused, null if it is allowed (for "the question says yes exactly when the action passes").</summary>
    public static string? OrNull(Action action)
    {
        try
        {
            action();
            return null;
        }
        catch (DomainException refused)
        {
            return refused.Message;
        }
    }
}
