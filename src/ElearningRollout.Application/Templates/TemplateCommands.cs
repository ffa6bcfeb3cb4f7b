using ElearningRollout.Domain.Gates;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Templates;

/// <summary>Publishing template changes. Gates that exist keep their checklists; gates created afterwards copy the new version.</summary>
public sealed class TemplateCommands(EditPipeline edits) : IUseCases
{
    /// <summary>Publishes the edited gate template as its next version and returns the new version number.</summary>
    /// <param name="expectedVersion">The template's <see cref="GateTemplateView.Version"/> the administrator edited.</param>
    public Task<int> PublishGateTemplateAsync(
        GateKind kind, GateTemplateDraft draft, Guid expectedVersion, CancellationToken cancellationToken = default)
        => edits.ChangeAsync(Template(kind), expectedVersion, new EditAccess<Edit<GateTemplate>>(e => TemplateAccess.EnsureCanManage(e.Actor)), async (e, ct) =>
        {
            await e.EnsureValidAsync(draft, ct);
            e.Aggregate.Publish(
                draft.RequiredFor,
                [.. draft.Items.Select(i => new ChecklistItemEdit(i.ItemId, i.Text, i.IsRequired))],
                e.Actor.UserId,
                e.Now);
            return e.Aggregate.TemplateVersion;
        }, cancellationToken);

    /// <summary>
    /// Publishes the edited approval policy of a gate kind as its next policy version and returns that number. Gates
    /// already submitted keep the version they were submitted under; the next submission uses this one.
    /// </summary>
    /// <param name="expectedVersion">The template's <see cref="GateTemplateView.Version"/> the administrator edited (policy and checklist share it).</param>
    public Task<int> PublishApprovalPolicyAsync(GateKind kind, ApprovalPolicyDraft draft, Guid expectedVersion, CancellationToken cancellationToken = default)
        => edits.ChangeAsync(Template(kind), expectedVersion, new EditAccess<Edit<GateTemplate>>(e => TemplateAccess.EnsureCanManage(e.Actor)), async (e, ct) =>
        {
            draft.GateKind = kind;
            if (string.IsNullOrEmpty(draft.DecidingRole))
            {
                // A draft that does not say who decides keeps the role of the version it edits.
                draft.DecidingRole = e.Aggregate.ApprovalPolicy is { DecidingRole.Length: > 0 } current ? current.DecidingRole : GateApprovalPolicy.For(kind).DecidingRole;
            }

            await e.EnsureValidAsync(draft, ct);
            e.Aggregate.PublishApprovalPolicy(draft.ToEdit(), e.Actor.UserId, e.Now);
            return e.Aggregate.ApprovalPolicy.PolicyVersion;
        }, cancellationToken);

    private static EditTarget<GateTemplate> Template(GateKind kind) => new(
        "gate template",
        async (db, ct) => await GateTemplateStore.Whole(db).SingleOrDefaultAsync(t => t.Kind == kind, ct)
            ?? throw new NotFoundException($"There is no template for the {kind.DisplayName()} gate."));
}
