using ElearningRollout.Domain.Vendors;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Vendors;

/// <summary>
/// Every change to a rollout's vendor engagements: the training owner proposes, moves and terminates them, records the
/// vendor's acknowledgements and runs the deliverable cycle; IT leads write the technical requirements. Each goes
/// through the edit pipeline and saves against the version the person saw.
/// </summary>
public sealed class VendorEngagementCommands(EditPipeline edits) : IUseCases
{
    private static readonly EditAccess<Edit<VendorEngagement>> Managing = new(e => VendorAccess.EnsureCanManageEngagements(e.Actor, e.Rollout.TrainingOwnerId));

    private static readonly EditAccess<Edit<VendorEngagement>> OwningRequirements = new(e => VendorAccess.EnsureCanOwnRequirements(e.Actor));

    /// <summary>Proposes <paramref name="vendorId"/> for <paramref name="type"/> work; the requirements start from the rollout's hosting and integrations. Returns the engagement's id.</summary>
    public Task<Guid> ProposeAsync(
        string rolloutCode, Guid vendorId, EngagementType type, EngagementTermsDraft? terms = null, CancellationToken cancellationToken = default)
        => edits.AddToRolloutAsync(rolloutCode, EngagementProposal.OfClosedRollout, EngagementProposal.Access, async (e, ct) =>
        {
            var proposedTerms = EngagementTerms.None;
            if (terms is not null)
            {
                await e.EnsureValidAsync(terms, ct);
                proposedTerms = terms.ToTerms();
            }

            return (await EngagementProposal.AddAsync(e, vendorId, type, proposedTerms, ct)).Id;
        }, cancellationToken);

    /// <summary>The Vendors tab's way in: the vendor, the work and the terms from one form, validated beside their fields.</summary>
    public Task<Guid> ProposeAsync(string rolloutCode, EngagementProposalDraft draft, CancellationToken cancellationToken = default)
        => edits.AddToRolloutAsync(rolloutCode, EngagementProposal.OfClosedRollout, EngagementProposal.Access, async (e, ct) =>
        {
            await e.EnsureValidAsync(draft, ct);
            return (await EngagementProposal.AddAsync(e, draft.VendorId!.Value, draft.Type!.Value, draft.ToTerms(), ct)).Id;
        }, cancellationToken);

    public Task ChangeTermsAsync(Guid engagementId, EngagementTermsDraft terms, Guid expectedVersion, CancellationToken cancellationToken = default)
        => edits.ChangeAsync(EngagementStore.Target(engagementId), expectedVersion, Managing, async (e, ct) =>
        {
            await e.EnsureValidAsync(terms, ct);
            e.Aggregate.ChangeTerms(terms.ToTerms());
        }, cancellationToken);

    /// <summary>One step along Proposed -> Evaluating -> Contracted -> Active -> Completed, or Terminated with <paramref name="reason"/>.</summary>
    public Task ChangeStatusAsync(Guid engagementId, EngagementStatus target, string? reason, Guid expectedVersion, CancellationToken cancellationToken = default)
        => edits.ChangeAsync(EngagementStore.Target(engagementId), expectedVersion, Managing, e =>
        {
            if (target == EngagementStatus.Terminated)
            {
                e.Aggregate.Terminate(reason ?? "", e.Now);
            }
            else
            {
                e.Aggregate.MoveTo(target, e.Now);
            }
        }, cancellationToken);

    /// <summary>Returns the new requirement's id.</summary>
    public Task<Guid> AddRequirementAsync(Guid engagementId, RequirementDraft draft, Guid expectedVersion, CancellationToken cancellationToken = default)
        => edits.ChangeAsync(EngagementStore.Target(engagementId), expectedVersion, OwningRequirements, async (e, ct) =>
        {
            await e.EnsureValidAsync(draft, ct);
            return e.Aggregate.AddRequirement(draft.Topic, draft.Text).Id;
        }, cancellationToken);

    /// <summary>A changed requirement needs the vendor's acknowledgement again.</summary>
    public Task ChangeRequirementAsync(Guid engagementId, Guid requirementId, RequirementDraft draft, Guid expectedVersion, CancellationToken cancellationToken = default)
        => edits.ChangeAsync(EngagementStore.Target(engagementId), expectedVersion, OwningRequirements, async (e, ct) =>
        {
            await e.EnsureValidAsync(draft, ct);
            e.Aggregate.ChangeRequirement(requirementId, draft.Topic, draft.Text);
        }, cancellationToken);

    public Task RemoveRequirementAsync(Guid engagementId, Guid requirementId, Guid expectedVersion, CancellationToken cancellationToken = default)
        => edits.ChangeAsync(EngagementStore.Target(engagementId), expectedVersion, OwningRequirements, e => e.Aggregate.RemoveRequirement(requirementId), cancellationToken);

    /// <summary>The training owner records that <paramref name="acknowledgedBy"/> at the vendor confirmed the requirement.</summary>
    public Task RecordAcknowledgementAsync(Guid engagementId, Guid requirementId, string acknowledgedBy, Guid expectedVersion, CancellationToken cancellationToken = default)
        => edits.ChangeAsync(EngagementStore.Target(engagementId), expectedVersion, Managing,
            e => e.Aggregate.RecordAcknowledgement(requirementId, acknowledgedBy, e.Actor.UserId, e.Now), cancellationToken);

    public Task SubmitDeliverableAsync(Guid engagementId, DeliverableStage stage, string? note, Guid expectedVersion, CancellationToken cancellationToken = default)
        => edits.ChangeAsync(EngagementStore.Target(engagementId), expectedVersion, Managing,
            e => e.Aggregate.SubmitDeliverable(stage, note, e.Actor.UserId, e.Now), cancellationToken);

    public Task SignOffDeliverableAsync(Guid engagementId, DeliverableStage stage, Guid expectedVersion, CancellationToken cancellationToken = default)
        => edits.ChangeAsync(EngagementStore.Target(engagementId), expectedVersion, Managing,
            e => e.Aggregate.SignOffDeliverable(stage, e.Actor.UserId, e.Now), cancellationToken);

    public Task RejectDeliverableAsync(Guid engagementId, DeliverableStage stage, string comments, Guid expectedVersion, CancellationToken cancellationToken = default)
        => edits.ChangeAsync(EngagementStore.Target(engagementId), expectedVersion, Managing,
            e => e.Aggregate.RejectDeliverable(stage, comments, e.Actor.UserId, e.Now), cancellationToken);
}
