using ElearningRollout.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Calendar;

/// <summary>One holiday of the calendar.</summary>
public sealed record HolidayRow(Guid Id, DateOnly Date, string Name);

/// <summary>The holiday calendar, read: one year at a time, and the years that have holidays.</summary>
public sealed class HolidayQueries(IDbContextFactory<ElearningRolloutDbContext> dbFactory, ICurrentActor currentActor) : IUseCases
{
    /// <summary>A year's holidays in date order. Everyone signed in may read them: the calendar explains their due dates.</summary>
    public async Task<IReadOnlyList<HolidayRow>> ListAsync(int year, CancellationToken cancellationToken = default)
    {
        await currentActor.RequireAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var from = new DateOnly(Math.Clamp(year, 1, 9999), 1, 1);
        var until = from.AddYears(1);
        return await db.Holidays.AsNoTracking().Where(h => h.Date >= from && h.Date < until).OrderBy(h => h.Date)
            .Select(h => new HolidayRow(h.Id, h.Date, h.Name)).ToListAsync(cancellationToken);
    }

    /// <summary>The years that have at least one holiday, newest first, so the page can offer them.</summary>
    public async Task<IReadOnlyList<int>> YearsAsync(CancellationToken cancellationToken = default)
    {
        await currentActor.RequireAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var dates = await db.Holidays.AsNoTracking().Select(h => h.Date).ToListAsync(cancellationToken);
        return dates.Select(d => d.Year).Distinct().OrderByDescending(y => y).ToList();
    }

    public async Task<bool> CanMaintainAsync(CancellationToken cancellationToken = default)
        => await currentActor.GetAsync(cancellationToken) is { } actor && HolidayAccess.CanMaintain(actor);
}
