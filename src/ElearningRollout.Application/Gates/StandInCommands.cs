using ElearningRollout.Domain.Gates;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Gates;

/// <summary>
/// A reviewer's out-of-office periods: while one runs, their new and undecided reviews go to their stand-in, who decides
/// for them (the gate routes them with <see cref="StandIns"/>, so nothing moves and ending the period returns the
/// undecided ones). The stand-in is told of what is theirs now.
/// </summary>
public sealed class StandInCommands(EditPipeline edits, GateNotifier notifier) : IUseCases
{
    private static readonly EditAccess<EditContext> SettingAway = new(e => StandInAccess.EnsureCanSetAway(e.Actor));

    private static readonly EditAccess<Edit<ReviewerAbsence>> OwnAbsence = new(e => StandInAccess.EnsureOwnAbsence(e.Actor, e.Aggregate));

    /// <summary>Sets the signed-in reviewer's absence and returns its id.</summary>
    public Task<Guid> SetAwayAsync(AwayDraft draft, CancellationToken cancellationToken = default)
        => edits.ActAsync(SettingAway, async (e, ct) =>
        {
            await e.EnsureValidAsync(draft, ct);
            var others = await e.Db.ReviewerAbsences.AsNoTracking().ToListAsync(ct);
            RefuseOverlap(e.Actor.UserId, draft, others);
            var absence = new ReviewerAbsence(e.Actor.UserId, draft.StandInId!, draft.From!.Value, draft.Until!.Value, others);
            e.Db.ReviewerAbsences.Add(absence);
            await TellStandInAsync(e, absence, ct);
            return absence.Id;
        }, cancellationToken);

    /// <summary>Changes the dates or the stand-in of the reviewer's own absence, against the version they saw.</summary>
    public Task ChangeAwayAsync(Guid absenceId, AwayDraft draft, Guid expectedVersion, CancellationToken cancellationToken = default)
        => edits.ChangeAsync(Absence(absenceId), expectedVersion, OwnAbsence, async (e, ct) =>
        {
            await e.EnsureValidAsync(draft, ct);
            var others = await e.Db.ReviewerAbsences.AsNoTracking().Where(a => a.Id != absenceId).ToListAsync(ct);
            RefuseOverlap(e.Aggregate.ReviewerId, draft, others);
            e.Aggregate.Change(draft.StandInId!, draft.From!.Value, draft.Until!.Value, e.Today, others);
            await TellStandInAsync(e, e.Aggregate, ct);
        }, cancellationToken);

    /// <summary>Ends the absence today: the undecided reviews are the reviewer's again.</summary>
    public Task EndAwayAsync(Guid absenceId, Guid expectedVersion, CancellationToken cancellationToken = default)
        => edits.ChangeAsync(Absence(absenceId), expectedVersion, OwnAbsence, e => e.Aggregate.End(e.Today), cancellationToken);

    /// <summary>
    /// The domain refuses an absence overlapping one of the reviewer's own (the aggregate checks it again); asked first so
    /// the refusal is a message beside the first day instead of one for the whole form.
    /// </summary>
    private static void RefuseOverlap(string reviewerId, AwayDraft draft, IEnumerable<ReviewerAbsence> others)
    {
        if (ReviewerAbsence.WhyOverlapsOwn(reviewerId, draft.From!.Value, draft.Until!.Value, others) is { } overlap)
        {
            throw new ValidationFailedException(new Dictionary<string, string[]> { [nameof(AwayDraft.From)] = [overlap] });
        }
    }

    internal static EditTarget<ReviewerAbsence> Absence(Guid absenceId) => new(
        "absence",
        async (db, ct) => await db.ReviewerAbsences.SingleOrDefaultAsync(a => a.Id == absenceId, ct) ?? throw new NotFoundException("That absence no longer exists."));

    private async Task TellStandInAsync(EditContext e, ReviewerAbsence absence, CancellationToken ct)
    {
        if (!absence.IsActiveOn(e.Today))
        {
            return;
        }

        var reviewerId = absence.ReviewerId;
        var gates = await GateStore.AwaitingReviewFrom(e.Db, reviewerId)
            .Join(e.Db.Rollouts, g => g.RolloutId, r => r.Id, (g, r) => new { Gate = g, r.Code })
            .ToListAsync(ct);
        var name = await e.Db.Users.Where(u => u.Id == reviewerId).Select(u => u.DisplayName).SingleAsync(ct);
        notifier.HandedToStandIn(e.Db, absence.StandInId, name, [.. gates
            .Where(x => x.Gate.AwaitsReviewFrom(reviewerId))
            .Select(x => (x.Gate.Id, $"{x.Gate.Kind.DisplayName()} of {x.Code}"))]);
    }
}
