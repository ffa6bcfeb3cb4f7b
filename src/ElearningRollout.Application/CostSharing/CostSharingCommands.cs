using ElearningRollout.Application.Dashboard;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.CostSharing;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.CostSharing;

/// <summary>
/// Every change to a rollout's cost-sharing agreement, each through the edit pipeline (who, may they, is the rollout
/// open, is their version current, change, save or conflict). Every change of the agreement refreshes the
/// department money summary in the same save.
/// </summary>
public sealed class CostSharingCommands(EditPipeline edits, CostSharingNotifier notifier) : IUseCases
{
    /// <summary>The field the term is typed in; the domain refuses the same range, this puts the message beside the field.</summary>
    public const string TermField = nameof(AgreementTermDraft.TermMonths);

    private const string AlreadyExists = "This rollout already has a cost-sharing agreement.";

    private const string OfClosedRollout = "its cost-sharing agreement";

    /// <summary>Changes to the agreement's terms: the owner's (or an administrator's).</summary>
    private static readonly EditAccess<Edit<CostSharingAgreement>> Managing = new(e => CostSharingAccess.EnsureCanManage(e.Actor, e.Rollout.TrainingOwnerId));

    private static readonly EditAccess<Edit<CostSharingAgreement>> Signing = new(e => CostSharingAccess.EnsureCanSign(e.Actor, e.Rollout.Signatories));

    private static readonly EditAccess<Edit<CostSharingAgreement>> Commenting = new(e => CostSharingAccess.EnsureCanComment(e.Actor, e.Rollout.Signatories))
    {
        // As before the pipeline: the discussion of a closed rollout's agreement stays open.
        AlsoOnClosedRollout = true,
    };

    /// <summary>Actual spend is recorded in every state, and on a closed rollout too (late invoices).</summary>
    private static readonly EditAccess<Edit<CostSharingAgreement>> RecordingActuals = new(e => CostSharingAccess.EnsureCanRecordActuals(e.Actor, e.Rollout.TrainingOwnerId))
    {
        AlsoOnClosedRollout = true,
    };

    public async Task CreateAsync(string rolloutCode, int termMonths, CancellationToken cancellationToken = default)
    {
        try
        {
            await edits.AddToRolloutAsync(rolloutCode, OfClosedRollout, new EditAccess<RolloutEdit>(e => CostSharingAccess.EnsureCanManage(e.Actor, e.Rollout.TrainingOwnerId)), async (e, ct) =>
            {
                await e.EnsureValidAsync(new AgreementTermDraft { TermMonths = termMonths }, ct);
                if (await e.Db.CostSharingAgreements.AnyAsync(a => a.RolloutId == e.Rollout.Id, ct))
                {
                    throw new DomainException(AlreadyExists);
                }

                e.Db.CostSharingAgreements.Add(new CostSharingAgreement(e.Rollout.Id, termMonths, e.Now));
                return true;
            }, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two people created one at the same moment; the unique index kept the first.
            throw new DomainException(AlreadyExists);
        }
    }

    /// <summary>Returns the new line's id.</summary>
    public Task<Guid> AddLineAsync(string rolloutCode, CostLineDraft draft, Guid expectedVersion, CancellationToken cancellationToken = default)
        => ChangeAsync(rolloutCode, expectedVersion, Managing, async (e, ct) => e.Aggregate.AddLine(await TermsAsync(e, draft, ct)).Id, cancellationToken);

    public Task UpdateLineAsync(string rolloutCode, Guid lineId, CostLineDraft draft, Guid expectedVersion, CancellationToken cancellationToken = default)
        => ChangeAsync(rolloutCode, expectedVersion, Managing, async (e, ct) =>
        {
            e.Aggregate.ChangeLine(lineId, await TermsAsync(e, draft, ct));
            return true;
        }, cancellationToken);

    public Task RemoveLineAsync(string rolloutCode, Guid lineId, Guid expectedVersion, CancellationToken cancellationToken = default)
        => ChangeAsync(rolloutCode, expectedVersion, Managing, e => e.Aggregate.RemoveLine(lineId), cancellationToken);

    public Task ChangeTermAsync(string rolloutCode, int termMonths, Guid expectedVersion, CancellationToken cancellationToken = default)
        => ChangeAsync(rolloutCode, expectedVersion, Managing, async (e, ct) =>
        {
            await e.EnsureValidAsync(new AgreementTermDraft { TermMonths = termMonths }, ct);
            e.Aggregate.ChangeTerm(termMonths);
            return true;
        }, cancellationToken);

    /// <summary>Every department in a split must still exist when the agreement goes out for signature.</summary>
    public Task ProposeAsync(string rolloutCode, Guid expectedVersion, CancellationToken cancellationToken = default)
        => ChangeAsync(rolloutCode, expectedVersion, Managing, async (e, ct) =>
        {
            var known = await CostSharingDepartments.NamesAsync(e.Db, ct);
            var gone = e.Aggregate.Lines.SelectMany(l => l.Split.Shares).Select(s => s.Department).FirstOrDefault(d => !known.Contains(d));
            if (gone is not null)
            {
                throw new DomainException($"{gone} is no longer a department; change the lines split to it before proposing.");
            }

            e.Aggregate.Propose();
            await notifier.SignatureAwaitedAsync(e.Db, e.Rollout, e.Aggregate, e.Actor.UserId, ct);
            return true;
        }, cancellationToken);

    public Task WithdrawAsync(string rolloutCode, Guid expectedVersion, CancellationToken cancellationToken = default)
        => ChangeAsync(rolloutCode, expectedVersion, Managing, e => e.Aggregate.Withdraw(), cancellationToken);

    /// <summary>Signs for the side the signed-in person stands for (Training owner, or IT liaison / IT lead) and returns it.</summary>
    public Task<AgreementSide> SignAsync(string rolloutCode, Guid expectedVersion, CancellationToken cancellationToken = default)
        => ChangeAsync(rolloutCode, expectedVersion, Signing,
            (e, _) => Task.FromResult(e.Aggregate.Sign(e.Actor, e.Rollout.Signatories, e.Now)), cancellationToken);

    /// <summary>
    /// How IT proposes changes to the lines (and how anyone on either side discusses them): a comment on the
    /// agreement, optionally about one line of the current version. Comments are their own records and take no
    /// version: one never conflicts with a change or a signature saved at the same moment. Returns the comment's id.
    /// </summary>
    public Task<Guid> CommentAsync(string rolloutCode, string text, int? lineNumber = null, CancellationToken cancellationToken = default)
        => edits.ChangeAsync(Agreement(rolloutCode), expectedVersion: null, Commenting, async (e, ct) =>
        {
            var comment = CommentText.EnsureValid(text);
            await e.EnsureValidAsync(new AgreementCommentDraft { LineNumber = lineNumber }, ct);
            var agreement = e.Aggregate;
            await notifier.CommentedAsync(e.Db, e.Rollout, agreement, e.Actor.UserId, e.Actor.DisplayName, ct);
            var added = new AgreementComment(agreement.Id, agreement.VersionNumber, lineNumber, e.Actor.UserId, comment, e.Now);
            e.Db.AgreementComments.Add(added);
            return added.Id;
        }, cancellationToken);

    /// <summary>Recorded in the line's currency. Returns the entry's id.</summary>
    public Task<Guid> RecordActualAsync(string rolloutCode, Guid lineId, ActualSpendDraft draft, Guid expectedVersion, CancellationToken cancellationToken = default)
        => ChangeAsync(rolloutCode, expectedVersion, RecordingActuals, async (e, ct) =>
        {
            await e.EnsureValidAsync(draft, ct);
            var spendId = e.Aggregate.RecordActual(lineId, draft.SpentOn!.Value, draft.Amount!.Value, draft.Note, e.Actor.UserId, e.Now).Id;

            // Only a child row is added; moving the agreement's version makes a concurrent removal of the line conflict.
            e.Aggregate.Touch();
            return spendId;
        }, cancellationToken);

    /// <summary>The rollout's agreement, found by the rollout's code; a conflict names whoever last changed it, its lines or its spend.</summary>
    internal static EditTarget<CostSharingAgreement> Agreement(string rolloutCode) => new(
        "cost-sharing agreement",
        async (db, ct) =>
            await AgreementStore.Whole(db).SingleOrDefaultAsync(a => db.Rollouts.Any(r => r.Id == a.RolloutId && r.Code == rolloutCode), ct)
            ?? throw new NotFoundException(await db.Rollouts.AnyAsync(r => r.Code == rolloutCode, ct)
                ? $"Rollout {rolloutCode} has no cost-sharing agreement yet."
                : $"There is no rollout {rolloutCode}."))
    {
        Guard = agreement => CostSharingGuard.For(agreement.RolloutId),
        OfClosedRollout = OfClosedRollout,
    };

    private static async Task<CostLineTerms> TermsAsync(Edit<CostSharingAgreement> edit, CostLineDraft draft, CancellationToken cancellationToken)
    {
        await edit.EnsureValidAsync(draft, cancellationToken);
        var split = await CostSharingDepartments.ResolveAsync(edit.Db, draft.Shares(), cancellationToken);
        return new CostLineTerms(draft.Category!.Value, draft.Description, draft.Amount!.Value, draft.Currency, draft.Nature,
            draft.Recurrence, draft.VendorEngagementId, split);
    }

    /// <summary>Every change of the agreement keeps the dashboard's money by department in the same save.</summary>
    private Task<TResult> ChangeAsync<TResult>(
        string rolloutCode, Guid expectedVersion, EditAccess<Edit<CostSharingAgreement>> access,
        Func<Edit<CostSharingAgreement>, CancellationToken, Task<TResult>> change, CancellationToken cancellationToken)
        => edits.ChangeAsync(Agreement(rolloutCode), expectedVersion, access, async (e, ct) =>
        {
            var result = await change(e, ct);
            await DepartmentMoneySummary.RefreshAsync(e.Db, e.Aggregate, ct);
            return result;
        }, cancellationToken);

    private Task ChangeAsync(
        string rolloutCode, Guid expectedVersion, EditAccess<Edit<CostSharingAgreement>> access, Action<Edit<CostSharingAgreement>> change, CancellationToken cancellationToken)
        => ChangeAsync(rolloutCode, expectedVersion, access, (e, _) =>
        {
            change(e);
            return Task.FromResult(true);
        }, cancellationToken);
}
