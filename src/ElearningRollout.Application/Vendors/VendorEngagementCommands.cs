using ElearningRollout.Application.Audit;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Vendors;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Vendors;

/// <summary>
/// Every change to a rollout's vendor engagements: the training owner proposes, moves and terminates them, records the
/// vendor's acknowledgements and runs the deliverable cycle; IT leads write the technical requirements. Each saves
/// against the version the person saw.
/// </summary>
public sealed class VendorEngagementCommands(
    IDbContextFactory<ElearningRolloutDbContext> dbFactory,
    ICurrentActor currentActor,
    TimeProvider clock,
    EngagementTermsDraftValidator termsValidator,
    EngagementProposalDraftValidator proposalValidator,
    RequirementDraftValidator requirementValidator,
    RefusalAudit refusals)
{
    /// <summary>Proposes <paramref name="vendorId"/> for <paramref name="type"/> work; the requirements start from the rollout's hosting and integrations. Returns the engagement's id.</summary>
    public async Task<Guid> ProposeAsync(
        string rolloutCode, Guid vendorId, EngagementType type, EngagementTermsDraft? terms = null, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.RequireAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditActor = AuditActor.Of(actor);
        var proposedTerms = EngagementTerms.None;
        if (terms is not null)
        {
            await termsValidator.EnsureValidAsync(terms, cancellationToken);
            proposedTerms = terms.ToTerms();
        }

        var engagement = await EngagementProposal.AddAsync(db, refusals, actor, rolloutCode, vendorId, type, proposedTerms, clock.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return engagement.Id;
    }

    /// <summary>The Vendors tab's way in: the vendor, the work and the terms from one form, validated beside their fields.</summary>
    public async Task<Guid> ProposeAsync(string rolloutCode, EngagementProposalDraft draft, CancellationToken cancellationToken = default)
    {
        await proposalValidator.EnsureValidAsync(draft, cancellationToken);
        return await ProposeAsync(rolloutCode, draft.VendorId!.Value, draft.Type!.Value, draft, cancellationToken);
    }

    public Task ChangeTermsAsync(Guid engagementId, EngagementTermsDraft terms, Guid expectedVersion, CancellationToken cancellationToken = default)
        => ManageAsync(engagementId, expectedVersion, async (c, ct) =>
        {
            await termsValidator.EnsureValidAsync(terms, ct);
            c.Engagement.ChangeTerms(terms.ToTerms());
        }, cancellationToken);

    /// <summary>One step along Proposed -> Evaluating -> Contracted -> Active -> Completed, or Terminated with <paramref name="reason"/>.</summary>
    public Task ChangeStatusAsync(Guid engagementId, EngagementStatus target, string? reason, Guid expectedVersion, CancellationToken cancellationToken = default)
        => ManageAsync(engagementId, expectedVersion, (c, _) => Done(() =>
        {
            if (target == EngagementStatus.Terminated)
            {
                c.Engagement.Terminate(reason ?? "", clock.GetUtcNow());
            }
            else
            {
                c.Engagement.MoveTo(target, clock.GetUtcNow());
            }
        }), cancellationToken);

    /// <summary>Returns the new requirement's id.</summary>
    public async Task<Guid> AddRequirementAsync(Guid engagementId, RequirementDraft draft, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        var id = Guid.Empty;
        await OwnRequirementsAsync(engagementId, expectedVersion, async (c, ct) =>
        {
            await requirementValidator.EnsureValidAsync(draft, ct);
            id = c.Engagement.AddRequirement(draft.Topic, draft.Text).Id;
        }, cancellationToken);
        return id;
    }

    /// <summary>A changed requirement needs the vendor's acknowledgement again.</summary>
    public Task ChangeRequirementAsync(Guid engagementId, Guid requirementId, RequirementDraft draft, Guid expectedVersion, CancellationToken cancellationToken = default)
        => OwnRequirementsAsync(engagementId, expectedVersion, async (c, ct) =>
        {
            await requirementValidator.EnsureValidAsync(draft, ct);
            c.Engagement.ChangeRequirement(requirementId, draft.Topic, draft.Text);
        }, cancellationToken);

    public Task RemoveRequirementAsync(Guid engagementId, Guid requirementId, Guid expectedVersion, CancellationToken cancellationToken = default)
        => OwnRequirementsAsync(engagementId, expectedVersion, (c, _) => Done(() => c.Engagement.RemoveRequirement(requirementId)), cancellationToken);

    /// <summary>The training owner records that <paramref name="acknowledgedBy"/> at the vendor confirmed the requirement.</summary>
    public Task RecordAcknowledgementAsync(Guid engagementId, Guid requirementId, string acknowledgedBy, Guid expectedVersion, CancellationToken cancellationToken = default)
        => ManageAsync(engagementId, expectedVersion, (c, _) => Done(() =>
            c.Engagement.RecordAcknowledgement(requirementId, acknowledgedBy, c.Actor.UserId, clock.GetUtcNow())), cancellationToken);

    public Task SubmitDeliverableAsync(Guid engagementId, DeliverableStage stage, string? note, Guid expectedVersion, CancellationToken cancellationToken = default)
        => ManageAsync(engagementId, expectedVersion, (c, _) => Done(() =>
            c.Engagement.SubmitDeliverable(stage, note, c.Actor.UserId, clock.GetUtcNow())), cancellationToken);

    public Task SignOffDeliverableAsync(Guid engagementId, DeliverableStage stage, Guid expectedVersion, CancellationToken cancellationToken = default)
        => ManageAsync(engagementId, expectedVersion, (c, _) => Done(() =>
            c.Engagement.SignOffDeliverable(stage, c.Actor.UserId, clock.GetUtcNow())), cancellationToken);

    public Task RejectDeliverableAsync(Guid engagementId, DeliverableStage stage, string comments, Guid expectedVersion, CancellationToken cancellationToken = default)
        => ManageAsync(engagementId, expectedVersion, (c, _) => Done(() =>
            c.Engagement.RejectDeliverable(stage, comments, c.Actor.UserId, clock.GetUtcNow())), cancellationToken);

    private sealed record EngagementChange(VendorEngagement Engagement, Actor Actor);

    private static Task Done(Action action)
    {
        action();
        return Task.CompletedTask;
    }

    private Task ManageAsync(Guid engagementId, Guid expectedVersion, Func<EngagementChange, CancellationToken, Task> change, CancellationToken cancellationToken)
        => ChangeAsync(engagementId, expectedVersion, (actor, rollout) => VendorAccess.EnsureCanManageEngagements(actor, rollout.TrainingOwnerId), change, cancellationToken);

    private Task OwnRequirementsAsync(Guid engagementId, Guid expectedVersion, Func<EngagementChange, CancellationToken, Task> change, CancellationToken cancellationToken)
        => ChangeAsync(engagementId, expectedVersion, (actor, _) => VendorAccess.EnsureCanOwnRequirements(actor), change, cancellationToken);

    /// <summary>The shape of every edit: who, which engagement, may they, is the rollout open, is their version current; change; save or conflict.</summary>
    private async Task ChangeAsync(
        Guid engagementId,
        Guid expectedVersion,
        Action<Actor, EngagementRollout> authorize,
        Func<EngagementChange, CancellationToken, Task> change,
        CancellationToken cancellationToken)
    {
        var actor = await currentActor.RequireAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditActor = AuditActor.Of(actor);
        var engagement = await db.VendorEngagements.SingleOrDefaultAsync(e => e.Id == engagementId, cancellationToken)
            ?? throw new NotFoundException("That vendor engagement no longer exists.");
        var rollout = await EngagementRollout.FindAsync(db, engagement.RolloutId, cancellationToken);
        await refusals.EnsureAsync(actor, () => authorize(actor, rollout), cancellationToken);
        rollout.EnsureNotFinal();
        var guard = rollout.Guard();
        await guard.EnsureVersionAsync(db, engagement, engagement.Version, expectedVersion, cancellationToken);
        await change(new EngagementChange(engagement, actor), cancellationToken);
        await guard.SaveAsync(db, cancellationToken);
    }
}
