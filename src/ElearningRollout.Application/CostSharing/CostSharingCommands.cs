using ElearningRollout.Application.Audit;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Dashboard;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.CostSharing;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.CostSharing;

/// <summary>
/// Every change to a rollout's cost-sharing agreement. Each checks who is asking, validates, applies the
/// domain rule and saves with the version the person saw (a conflict raises ConcurrencyConflictException).
/// </summary>
public sealed class CostSharingCommands(
    IDbContextFactory<ElearningRolloutDbContext> dbFactory,
    ICurrentActor currentActor,
    TimeProvider clock,
    CostLineDraftValidator lineValidator,
    ActualSpendDraftValidator spendValidator,
    CostSharingNotifier notifier,
    RefusalAudit refusals)
{
    private const string AlreadyExists = "This rollout already has a cost-sharing agreement.";

    public async Task CreateAsync(string rolloutCode, int termMonths, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.RequireAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditActor = AuditActor.Of(actor);
        var rollout = await CostSharingRollout.FindAsync(db, rolloutCode, cancellationToken);
        await refusals.EnsureAsync(actor, () => CostSharingAccess.EnsureCanManage(actor, rollout.TrainingOwnerId), cancellationToken);
        rollout.EnsureNotFinal();
        EnsureValidTerm(termMonths);
        if (await db.CostSharingAgreements.AnyAsync(a => a.RolloutId == rollout.Id, cancellationToken))
        {
            throw new DomainException(AlreadyExists);
        }

        db.CostSharingAgreements.Add(new CostSharingAgreement(rollout.Id, termMonths, clock.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two people created one at the same moment; the unique index kept the first.
            throw new DomainException(AlreadyExists);
        }
    }

    /// <summary>Returns the new line's id.</summary>
    public async Task<Guid> AddLineAsync(string rolloutCode, CostLineDraft draft, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        var lineId = Guid.Empty;
        await ManageAsync(rolloutCode, expectedVersion, async (c, ct) =>
            lineId = c.Agreement.AddLine(await TermsAsync(c.Db, c.Rollout, draft, ct)).Id, cancellationToken);
        return lineId;
    }

    public Task UpdateLineAsync(string rolloutCode, Guid lineId, CostLineDraft draft, Guid expectedVersion, CancellationToken cancellationToken = default)
        => ManageAsync(rolloutCode, expectedVersion, async (c, ct) => c.Agreement.ChangeLine(lineId, await TermsAsync(c.Db, c.Rollout, draft, ct)), cancellationToken);

    public Task RemoveLineAsync(string rolloutCode, Guid lineId, Guid expectedVersion, CancellationToken cancellationToken = default)
        => ManageAsync(rolloutCode, expectedVersion, (c, _) => Done(() => c.Agreement.RemoveLine(lineId)), cancellationToken);

    public Task ChangeTermAsync(string rolloutCode, int termMonths, Guid expectedVersion, CancellationToken cancellationToken = default)
        => ManageAsync(rolloutCode, expectedVersion, (c, _) => Done(() =>
        {
            EnsureValidTerm(termMonths);
            c.Agreement.ChangeTerm(termMonths);
        }), cancellationToken);

    /// <summary>The field the term is typed in; the domain refuses the same range, this puts the message beside the field.</summary>
    public const string TermField = "TermMonths";

    private static void EnsureValidTerm(int termMonths)
    {
        if (termMonths is < CostTerm.MinMonths or > CostTerm.MaxMonths)
        {
            throw new ValidationFailedException(new Dictionary<string, string[]>
            {
                [TermField] = [$"The term must be between {CostTerm.MinMonths} and {CostTerm.MaxMonths} months."],
            });
        }
    }

    /// <summary>Every department in a split must still exist when the agreement goes out for signature.</summary>
    public Task ProposeAsync(string rolloutCode, Guid expectedVersion, CancellationToken cancellationToken = default)
        => ManageAsync(rolloutCode, expectedVersion, async (c, ct) =>
        {
            var known = await CostSharingDepartments.NamesAsync(c.Db, ct);
            var gone = c.Agreement.Lines.SelectMany(l => l.Split.Shares).Select(s => s.Department).FirstOrDefault(d => !known.Contains(d));
            if (gone is not null)
            {
                throw new DomainException($"{gone} is no longer a department; change the lines split to it before proposing.");
            }

            c.Agreement.Propose();
            await notifier.SignatureAwaitedAsync(c.Db, c.Rollout, c.Agreement, c.Actor.UserId, ct);
        }, cancellationToken);

    public Task WithdrawAsync(string rolloutCode, Guid expectedVersion, CancellationToken cancellationToken = default)
        => ManageAsync(rolloutCode, expectedVersion, (c, _) => Done(c.Agreement.Withdraw), cancellationToken);

    /// <summary>Signs for the side the signed-in person stands for (Training owner, or IT liaison / IT lead) and returns it.</summary>
    public async Task<AgreementSide> SignAsync(string rolloutCode, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        var side = AgreementSide.Training;
        await ChangeAsync(rolloutCode, expectedVersion, (actor, rollout) =>
        {
            CostSharingAccess.EnsureCanSign(actor, rollout.Signatories);
            rollout.EnsureNotFinal();
        }, (c, _) => Done(() => side = c.Agreement.Sign(c.Actor, c.Rollout.Signatories, clock.GetUtcNow())), cancellationToken);
        return side;
    }

    /// <summary>
    /// How IT proposes changes to the lines (and how anyone on either side discusses them): a comment on the
    /// agreement, optionally about one line of the current version. Comments are their own records and take no
    /// version: one never conflicts with a change or a signature saved at the same moment. Returns the comment's id.
    /// </summary>
    public async Task<Guid> CommentAsync(string rolloutCode, string text, int? lineNumber = null, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.RequireAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditActor = AuditActor.Of(actor);
        var rollout = await CostSharingRollout.FindAsync(db, rolloutCode, cancellationToken);
        await refusals.EnsureAsync(actor, () => CostSharingAccess.EnsureCanComment(actor, rollout.Signatories), cancellationToken);
        var agreement = await db.CostSharingAgreements.SingleOrDefaultAsync(a => a.RolloutId == rollout.Id, cancellationToken)
            ?? throw new NotFoundException($"Rollout {rolloutCode} has no cost-sharing agreement yet.");
        var comment = CommentText.EnsureValid(text);
        if (lineNumber is { } number && agreement.Lines.All(l => l.Number != number))
        {
            throw new ValidationFailedException(new Dictionary<string, string[]>
            {
                ["Line"] = [$"Version {agreement.VersionNumber} has no line {number}; pick a line from the list or the whole agreement."],
            });
        }

        await notifier.CommentedAsync(db, rollout, agreement, actor.UserId, actor.DisplayName, cancellationToken);
        var added = new AgreementComment(agreement.Id, agreement.VersionNumber, lineNumber, actor.UserId, comment, clock.GetUtcNow());
        db.AgreementComments.Add(added);
        await db.SaveChangesAsync(cancellationToken);
        return added.Id;
    }

    /// <summary>Recorded in the line's currency; allowed in every state, and on a closed rollout (late invoices). Returns the entry's id.</summary>
    public async Task<Guid> RecordActualAsync(string rolloutCode, Guid lineId, ActualSpendDraft draft, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        var spendId = Guid.Empty;
        await ChangeAsync(rolloutCode, expectedVersion, (actor, rollout) => CostSharingAccess.EnsureCanRecordActuals(actor, rollout.TrainingOwnerId), async (c, ct) =>
        {
            await spendValidator.EnsureValidAsync(draft, ct);
            spendId = c.Agreement.RecordActual(lineId, draft.SpentOn!.Value, draft.Amount!.Value, draft.Note, c.Actor.UserId, clock.GetUtcNow()).Id;

            // Only a child row is added; moving the agreement's version makes a concurrent removal of the line conflict.
            c.Agreement.Touch();
        }, cancellationToken);
        return spendId;
    }

    private async Task<CostLineTerms> TermsAsync(ElearningRolloutDbContext db, CostSharingRollout rollout, CostLineDraft draft, CancellationToken cancellationToken)
    {
        await lineValidator.EnsureValidAsync(draft, cancellationToken);

        // A line may name what it pays for: one of this rollout's vendor engagements, never another rollout's.
        if (draft.VendorEngagementId is { } engagementId && engagementId != Guid.Empty
            && !await db.VendorEngagements.AnyAsync(e => e.Id == engagementId && e.RolloutId == rollout.Id, cancellationToken))
        {
            throw new ValidationFailedException(new Dictionary<string, string[]>
            {
                [nameof(CostLineDraft.VendorEngagementId)] = ["Choose one of this rollout's vendor engagements, or none."],
            });
        }

        var split = await CostSharingDepartments.ResolveAsync(db, draft.Shares(), cancellationToken);
        return new CostLineTerms(draft.Category!.Value, draft.Description, draft.Amount!.Value, draft.Currency, draft.Nature,
            draft.Recurrence, draft.VendorEngagementId, split);
    }

    private static Task Done(Action action)
    {
        action();
        return Task.CompletedTask;
    }

    private sealed record ChangeContext(ElearningRolloutDbContext Db, Actor Actor, CostSharingRollout Rollout, CostSharingAgreement Agreement);

    /// <summary>Changes to the agreement's terms: the owner's (or an administrator's), never on a closed or cancelled rollout.</summary>
    private Task ManageAsync(string rolloutCode, Guid expectedVersion, Func<ChangeContext, CancellationToken, Task> change, CancellationToken cancellationToken)
        => ChangeAsync(rolloutCode, expectedVersion, (actor, rollout) =>
        {
            CostSharingAccess.EnsureCanManage(actor, rollout.TrainingOwnerId);
            rollout.EnsureNotFinal();
        }, change, cancellationToken);

    /// <summary>The shape of every edit: who, which agreement, may they, is their version current; change; save or conflict.</summary>
    private async Task ChangeAsync(
        string rolloutCode,
        Guid expectedVersion,
        Action<Actor, CostSharingRollout> authorize,
        Func<ChangeContext, CancellationToken, Task> change,
        CancellationToken cancellationToken)
    {
        var actor = await currentActor.RequireAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditActor = AuditActor.Of(actor);
        var rollout = await CostSharingRollout.FindAsync(db, rolloutCode, cancellationToken);
        await refusals.EnsureAsync(actor, () => authorize(actor, rollout), cancellationToken);
        var agreement = await db.CostSharingAgreements.SingleOrDefaultAsync(a => a.RolloutId == rollout.Id, cancellationToken)
            ?? throw new NotFoundException($"Rollout {rolloutCode} has no cost-sharing agreement yet.");
        var guard = CostSharingRollout.Guard(rollout.Id);
        await guard.EnsureVersionAsync(db, agreement, agreement.Version, expectedVersion, cancellationToken);
        await change(new ChangeContext(db, actor, rollout, agreement), cancellationToken);
        await DepartmentMoneySummary.RefreshAsync(db, agreement, cancellationToken);
        await guard.SaveAsync(db, cancellationToken);
    }
}
