namespace ElearningRollout.Domain.Calendar;

/// <summary>
/// Days on which a review's clock stands still, such as while the gate is back with Training: from
/// <paramref name="From"/> (included) until <paramref name="Until"/> (excluded: the day the clock runs again).
/// An open pause (<paramref name="Until"/> null) has not ended yet.
/// </summary>
public readonly record struct ClockPause(DateOnly From, DateOnly? Until)
{
    public bool Covers(DateOnly day) => day >= From && (Until is not { } until || day < until);
}
