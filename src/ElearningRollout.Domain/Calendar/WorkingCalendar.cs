namespace ElearningRollout.Domain.Calendar;

/// <summary>
/// The working-day clock review deadlines run on: Monday to Friday, except the administrators' holidays, and except
/// the days a clock is paused (a gate sent back to Training). Every due date, "days left" and "overdue" is counted
/// here, so the submission's default due date, the review queue and the workload page agree on what a working day is.
/// </summary>
public sealed class WorkingCalendar
{
    /// <summary>A calendar with no holidays: weekends only (what <c>WorkingDays.After</c> counted before holidays existed).</summary>
    public static readonly WorkingCalendar WeekendsOnly = new([]);

    private readonly HashSet<DateOnly> _holidays;

    public WorkingCalendar(IEnumerable<DateOnly> holidays) => _holidays = [.. holidays];

    public IReadOnlyCollection<DateOnly> Holidays => _holidays;

    public bool IsHoliday(DateOnly day) => _holidays.Contains(day);

    public bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(day);

    /// <summary>
    /// The day <paramref name="workingDays"/> working days after <paramref name="start"/> (the start day itself never
    /// counts: a review submitted today has its first day tomorrow), skipping days a pause covers. Null when an open
    /// pause stops the clock before the count is reached: the due date is not known until the clock runs again.
    /// </summary>
    public DateOnly? DueAfter(DateOnly start, int workingDays, IReadOnlyCollection<ClockPause>? pauses = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var day = start;
        for (var counted = 0; counted < workingDays;)
        {
            day = day.AddDays(1);
            if (pauses is not null && pauses.Any(p => p.Until is null && p.Covers(day)))
            {
                return null;
            }

            if (Counts(day, pauses))
            {
                counted++;
            }
        }

        return day;
    }

    /// <summary>The day <paramref name="workingDays"/> working days after <paramref name="start"/>, with no pause.</summary>
    public DateOnly After(DateOnly start, int workingDays) => DueAfter(start, workingDays)!.Value;

    /// <summary>
    /// The working days from <paramref name="from"/> to <paramref name="to"/>: those after <paramref name="from"/> up to
    /// and including <paramref name="to"/> that no pause covers; negative, the same count the other way, when
    /// <paramref name="to"/> is earlier. <c>WorkingDaysBetween(start, DueAfter(start, n)) == n</c>.
    /// </summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to, IReadOnlyCollection<ClockPause>? pauses = null)
    {
        if (to < from)
        {
            return -WorkingDaysBetween(to, from, pauses);
        }

        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (Counts(day, pauses))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// Where a review due on <paramref name="due"/> stands on <paramref name="today"/>: working days left (0 on the due
    /// day itself), or once the due day has passed, working days overdue.
    /// </summary>
    public ReviewClock Clock(DateOnly today, DateOnly due)
        => today <= due
            ? new ReviewClock(due, WorkingDaysBetween(today, due), 0)
            : new ReviewClock(due, 0, Math.Max(1, WorkingDaysBetween(due, today)));

    private bool Counts(DateOnly day, IReadOnlyCollection<ClockPause>? pauses)
        => IsWorkingDay(day) && (pauses is null || !pauses.Any(p => p.Covers(day)));
}

/// <summary>
/// A review's clock on one day: working days left before the due date (0 on the due day), or working days overdue.
/// Overdue is at least 1 once the due day has passed, even when only a weekend or holiday has gone by since: the
/// deadline was missed.
/// </summary>
public sealed record ReviewClock(DateOnly DueDate, int WorkingDaysLeft, int WorkingDaysOverdue)
{
    public bool IsOverdue => WorkingDaysOverdue > 0;

    public bool IsDueToday => !IsOverdue && WorkingDaysLeft == 0;

    /// <summary>How people read it: "3 working days left", "due today", "2 working days overdue".</summary>
    public string Text => IsOverdue
        ? $"{WorkingDaysOverdue} working day{(WorkingDaysOverdue == 1 ? "" : "s")} overdue"
        : IsDueToday ? "due today" : $"{WorkingDaysLeft} working day{(WorkingDaysLeft == 1 ? "" : "s")} left";
}
