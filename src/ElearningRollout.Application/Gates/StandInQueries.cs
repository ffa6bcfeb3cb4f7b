using ElearningRollout.Application.Persistence;
using ElearningRollout.Application.Rollouts;
using ElearningRollout.Domain.Gates;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Gates;

/// <summary>One absence as its reviewer (or stand-in) reads it.</summary>
public sealed record AbsenceView(Guid Id, string Reviewer, PersonChoice StandIn, DateOnly From, DateOnly LastDay, bool IsActiveToday, Guid Version);

/// <summary>The "Away" section: the reader's own current and coming absences, whom they stand in for now, and whom they may choose.</summary>
/// <param name="WhyMayNotSetAway">Why the reader may not set an absence (they review no gates); null when they may.</param>
public sealed record AwayOverview(
    IReadOnlyList<AbsenceView> Mine, IReadOnlyList<AbsenceView> StandingInFor, IReadOnlyList<PersonChoice> StandInChoices, string? WhyMayNotSetAway);

public sealed class StandInQueries(IDbContextFactory<ElearningRolloutDbContext> dbFactory, ICurrentActor currentActor, TimeProvider clock, RolloutPeopleRules people) : IUseCases
{
    /// <summary>Any signed-in person reads their own part; only reviewers get stand-in choices.</summary>
    public async Task<AwayOverview> MineAsync(CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.RequireAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var absences = (await db.ReviewerAbsences.AsNoTracking()
            .Where(a => (a.ReviewerId == actor.UserId || a.StandInId == actor.UserId) && a.Until >= today).ToListAsync(cancellationToken))
            .Where(a => !a.IsOver(today)).OrderBy(a => a.From).ToList();
        var ids = absences.SelectMany(a => new[] { a.ReviewerId, a.StandInId }).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        string Name(string id) => names.GetValueOrDefault(id, "(former user)");
        AbsenceView View(ReviewerAbsence a) => new(a.Id, Name(a.ReviewerId), new PersonChoice(a.StandInId, Name(a.StandInId)), a.From, a.LastDay, a.IsActiveOn(today), a.Version);

        var why = StandInAccess.WhyMayNotSetAway(actor);
        var choices = why is null
            ? (await people.InAnyRoleAsync([.. StandInAccess.DecidingRoles.Where(actor.IsInRole)], cancellationToken)).Where(p => p.Id != actor.UserId).ToList()
            : [];
        return new AwayOverview(
            [.. absences.Where(a => a.ReviewerId == actor.UserId).Select(View)],
            [.. absences.Where(a => a.StandInId == actor.UserId && a.IsActiveOn(today)).Select(View)],
            choices,
            why);
    }
}
