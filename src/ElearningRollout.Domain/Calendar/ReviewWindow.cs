namespace ElearningRollout.Domain.Calendar;

/// <summary>
/// The span a gate's review clock runs over: from the day the gate was first submitted, less the days it was back with
/// Training (a round rejected and not yet resubmitted). Half-time is counted on it, so a send-back neither moves the
/// reminders forward nor makes the reviewers' time run while Training works.
/// </summary>
/// <param name="StartedOn">The day of the first submission: the clock's first working day is the day after.</param>
/// <param name="Pauses">The days the gate was back with Training, oldest first; the last is open while it still is.</param>
public sealed record ReviewWindow(DateOnly StartedOn, IReadOnlyList<ClockPause> Pauses)
{
    /// <summary>The clock stands still today: the gate is back with Training.</summary>
    public bool IsPausedOn(DateOnly day) => Pauses.Any(p => p.Covers(day));
}
