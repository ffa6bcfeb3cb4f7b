using ElearningRollout.Domain.Common;

namespace ElearningRollout.Domain.Tests;

internal static class Refusal
{
    /// <summary>Asserts the action is refused and returns the message the user would read.</summary>
    public static string Of(Action action) => Assert.Throws<DomainException>(action).Message;
}
