using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Gates;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Gates;

/// <summary>Reads who stands in for whom on a day, for the gate to route reviews of reviewers who are away.</summary>
internal static class StandInRoster
{
    public static async Task<StandIns> OnAsync(ElearningRolloutDbContext db, DateOnly day, CancellationToken cancellationToken)
    {
        // Few rows: the periods that have not ended before the day, filtered exactly by the absence's own rule.
        var absences = await db.ReviewerAbsences.AsNoTracking().Where(a => a.From <= day && a.Until >= day).ToListAsync(cancellationToken);
        return new StandIns(absences.Where(a => a.IsActiveOn(day)));
    }
}
