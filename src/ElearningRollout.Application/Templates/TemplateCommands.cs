using ElearningRollout.Application.Audit;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Gates;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Templates;

/// <summary>Publishing template changes. Gates that exist keep their checklists; gates created afterwards copy the new version.</summary>
public sealed class TemplateCommands(
    IDbContextFactory<ElearningRolloutDbContext> dbFactory,
    ICurrentActor currentActor,
    TimeProvider clock,
    GateTemplateDraftValidator validator,
    RefusalAudit refusals)
{
    /// <summary>Publishes the edited gate template as its next version and returns the new version number.</summary>
    /// <param name="expectedVersion">The template's <see cref="GateTemplateView.Version"/> the administrator edited.</param>
    public async Task<int> PublishGateTemplateAsync(
        GateKind kind, GateTemplateDraft draft, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.RequireAsync(cancellationToken);
        await refusals.EnsureAsync(actor, () => TemplateAccess.EnsureCanManage(actor), cancellationToken);
        await validator.EnsureValidAsync(draft, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditActor = AuditActor.Of(actor);
        var template = await db.GateTemplates.SingleOrDefaultAsync(t => t.Kind == kind, cancellationToken)
            ?? throw new NotFoundException($"There is no template for the {kind.DisplayName()} gate.");
        var guard = ConcurrencyGuard.ForEntity("gate template", template.Id);
        await guard.EnsureVersionAsync(db, template, template.Version, expectedVersion, cancellationToken);
        template.Publish(
            draft.RequiredFor,
            [.. draft.Items.Select(i => new ChecklistItemEdit(i.ItemId, i.Text, i.IsRequired))],
            actor.UserId,
            clock.GetUtcNow());
        await guard.SaveAsync(db, cancellationToken);
        return template.TemplateVersion;
    }
}
