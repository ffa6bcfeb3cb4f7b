namespace ElearningRollout.Application.Tests.Infrastructure;

internal static class Outcome
{
    /// <summary>What an act threw, or null when it succeeded: for tests that compare outcomes across people or parties.</summary>
    public static async Task<Exception?> OfAsync(Func<Task> act)
    {
        try
        {
            await act();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
