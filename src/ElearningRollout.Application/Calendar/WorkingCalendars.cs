using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Calendar;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Calendar;

/// <summary>
/// The working-day clock as the administrators' calendar has it, read from the operation's own context. The calendar is
/// a handful of rows a year, so the holidays from <c>since</c> on are read whole: a due date or an overdue count
/// never needs more than one query.
/// </summary>
internal static class WorkingCalendars
{
    public static async Task<WorkingCalendar> SinceAsync(ElearningRolloutDbContext db, DateOnly since, CancellationToken cancellationToken)
        => new(await db.Holidays.AsNoTracking().Where(h => h.Date >= since).Select(h => h.Date).ToListAsync(cancellationToken));
}
