using ElearningRollout.Application.Calendar;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Calendar;

namespace ElearningRollout.Application.Gates;

/// <summary>
/// Due dates counted in working days, as review turnaround is agreed: Monday to Friday except the administrators'
/// holidays (<see cref="WorkingCalendar"/>). Use cases read the calendar once (<see cref="CalendarAsync"/>) and count
/// with it; the two-argument <see cref="After(DateOnly, int)"/> counts weekends only and remains for callers that have
/// no database at hand.
/// </summary>
public static class WorkingDays
{
    public const int DefaultReviewDays = 10;

    /// <summary>Weekends only, no holidays: prefer <see cref="After(DateOnly, int, WorkingCalendar)"/> with the calendar.</summary>
    public static DateOnly After(DateOnly start, int workingDays) => WorkingCalendar.WeekendsOnly.After(start, workingDays);

    public static DateOnly After(DateOnly start, int workingDays, WorkingCalendar calendar) => calendar.After(start, workingDays);

    /// <summary>The administrators' calendar, with every holiday on or after <paramref name="since"/>.</summary>
    public static Task<WorkingCalendar> CalendarAsync(ElearningRolloutDbContext db, DateOnly since, CancellationToken cancellationToken = default)
        => WorkingCalendars.SinceAsync(db, since, cancellationToken);
}
