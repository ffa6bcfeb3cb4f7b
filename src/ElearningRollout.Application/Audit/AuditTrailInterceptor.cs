using System.Text.Json;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.CostSharing;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Glossary;
using ElearningRollout.Domain.Risks;
using ElearningRollout.Domain.Rollouts;
using ElearningRollout.Domain.Vendors;
using ElearningRollout.Domain.Vendors.Selection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ElearningRollout.Application.Audit;

/// <summary>
/// The one mechanism behind the audit trail and the concurrency versions: on every save it
/// (1) refuses any change to an existing audit entry, (2) gives every changed aggregate a new version,
/// and (3) appends an <see cref="AuditEntry"/> for every change to the domain's entities.
/// </summary>
public sealed class AuditTrailInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is ElearningRolloutDbContext db)
        {
            Record(db);
        }

        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is ElearningRolloutDbContext db)
        {
            Record(db);
        }

        return base.SavingChanges(eventData, result);
    }

    private void Record(ElearningRolloutDbContext db)
    {
        var tracker = db.ChangeTracker;
        tracker.DetectChanges();
        if (tracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The audit trail is append-only: entries cannot be changed or removed.");
        }

        var changed = tracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && IsAudited(e.Entity))
            .ToList();
        if (changed.Count == 0)
        {
            return;
        }

        TouchChangedAggregates(db, changed);
        var now = clock.GetUtcNow();
        foreach (var entry in changed)
        {
            db.AuditEntries.Add(Describe(entry, db.AuditActor, now));
        }
    }

    private static bool IsAudited(object entity) => entity is Rollout or RolloutPhase or PhaseSendBack
        or ClearanceGate or GateChecklistItem or GateReviewRound or GateCondition or GateComment or RiskEntry or GlossaryTerm
        or CostSharingAgreement or CostLine or ActualSpend or AgreementComment or GateTemplate or GateTemplateItem
        or Vendor or VendorCertification or VendorEngagement or TechnicalRequirement or CourseDeliverable
        or VendorSelection or SelectionCriterion or SelectionCandidate or SelectionEvaluator or CandidateScore
        or DefaultSelectionCriteria or DefaultCriterion;

    /// <summary>A change to a phase or checklist item changes its aggregate: its version must move too.</summary>
    private static void TouchChangedAggregates(ElearningRolloutDbContext db, List<EntityEntry> changed)
    {
        var rollouts = new HashSet<Guid>();
        var gates = new HashSet<Guid>();
        var agreements = new HashSet<Guid>();
        var templates = new HashSet<Guid>();
        var vendors = new HashSet<Guid>();
        var engagements = new HashSet<Guid>();
        var selections = new HashSet<Guid>();
        var defaults = false;
        foreach (var entry in changed.Where(e => e.State != EntityState.Added))
        {
            switch (entry.Entity)
            {
                case Rollout r: rollouts.Add(r.Id); break;
                case RolloutPhase or PhaseSendBack: rollouts.Add((Guid)entry.Property("RolloutId").CurrentValue!); break;
                case ClearanceGate g: gates.Add(g.Id); break;
                case GateChecklistItem or GateReviewRound or GateCondition: gates.Add((Guid)entry.Property("GateId").CurrentValue!); break;
                case RiskEntry risk: risk.Touch(); break;
                case GlossaryTerm term: term.Touch(); break;
                case CostSharingAgreement a: agreements.Add(a.Id); break;
                case CostLine or ActualSpend: agreements.Add((Guid)entry.Property("AgreementId").CurrentValue!); break;
                case GateTemplate template: templates.Add(template.Id); break;
                case GateTemplateItem: templates.Add((Guid)entry.Property("TemplateId").CurrentValue!); break;
                case Vendor v: vendors.Add(v.Id); break;
                case VendorEngagement e: engagements.Add(e.Id); break;
                case VendorSelection s: selections.Add(s.Id); break;
            }
        }

        // An added certification, requirement or deliverable changes its vendor or engagement too, so a concurrent
        // edit made against the older version conflicts instead of passing unnoticed.
        foreach (var entry in changed)
        {
            switch (entry.Entity)
            {
                case VendorCertification: vendors.Add((Guid)entry.Property("VendorId").CurrentValue!); break;
                case TechnicalRequirement or CourseDeliverable: engagements.Add((Guid)entry.Property("EngagementId").CurrentValue!); break;

                // Scores are left out on purpose: each evaluator writes only their own rows, so evaluators scoring at the
                // same time, or while the training owner edits a criterion, must not conflict.
                case SelectionCriterion or SelectionCandidate or SelectionEvaluator: selections.Add((Guid)entry.Property("SelectionId").CurrentValue!); break;
                case DefaultCriterion: defaults = true; break;
            }
        }

        foreach (var selection in db.ChangeTracker.Entries<VendorSelection>().Where(e => e.State != EntityState.Added && selections.Contains(e.Entity.Id)))
        {
            selection.Entity.Touch();
        }

        foreach (var set in db.ChangeTracker.Entries<DefaultSelectionCriteria>().Where(e => defaults && e.State != EntityState.Added))
        {
            set.Entity.Touch();
        }

        foreach (var rollout in db.ChangeTracker.Entries<Rollout>().Where(e => rollouts.Contains(e.Entity.Id)))
        {
            rollout.Entity.Touch();
        }

        foreach (var gate in db.ChangeTracker.Entries<ClearanceGate>().Where(e => gates.Contains(e.Entity.Id)))
        {
            gate.Entity.Touch();
        }

        foreach (var agreement in db.ChangeTracker.Entries<CostSharingAgreement>().Where(e => agreements.Contains(e.Entity.Id)))
        {
            agreement.Entity.Touch();
        }

        foreach (var template in db.ChangeTracker.Entries<GateTemplate>().Where(e => templates.Contains(e.Entity.Id)))
        {
            template.Entity.Touch();
        }

        foreach (var vendor in db.ChangeTracker.Entries<Vendor>().Where(e => e.State != EntityState.Added && vendors.Contains(e.Entity.Id)))
        {
            vendor.Entity.Touch();
        }

        foreach (var engagement in db.ChangeTracker.Entries<VendorEngagement>().Where(e => e.State != EntityState.Added && engagements.Contains(e.Entity.Id)))
        {
            engagement.Entity.Touch();
        }

        foreach (var rollout in db.ChangeTracker.Entries<Rollout>().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            rollout.Property(Persistence.Configurations.RolloutConfiguration.StoredProfile).CurrentValue = rollout.Entity.Profile;
        }
    }

    private static AuditEntry Describe(EntityEntry entry, AuditActor actor, DateTimeOffset now)
    {
        var properties = entry.Properties.Where(p => !p.Metadata.IsShadowProperty() || p.Metadata.IsForeignKey()).ToList();
        var changedProperties = entry.State == EntityState.Modified ? properties.Where(p => p.IsModified).ToList() : properties;
        return new AuditEntry
        {
            At = now,
            UserId = actor.UserId,
            UserName = actor.DisplayName,
            EntityType = entry.Metadata.ClrType.Name,
            EntityId = entry.Property("Id").CurrentValue?.ToString() ?? "",
            RolloutId = RolloutIdOf(entry),
            Action = entry.State switch { EntityState.Added => "Created", EntityState.Deleted => "Removed", _ => "Changed" },
            Before = entry.State == EntityState.Added ? null : ToJson(changedProperties, p => p.OriginalValue),
            After = entry.State == EntityState.Deleted ? null : ToJson(changedProperties, p => p.CurrentValue),
        };
    }

    private static Guid? RolloutIdOf(EntityEntry entry) => entry.Entity switch
    {
        Rollout r => r.Id,
        ClearanceGate g => g.RolloutId,
        RiskEntry risk => risk.RolloutId,
        CostSharingAgreement agreement => agreement.RolloutId,
        CostLine or ActualSpend =>
            entry.Context.ChangeTracker.Entries<CostSharingAgreement>()
                .FirstOrDefault(a => a.Entity.Id == (Guid)entry.Property("AgreementId").CurrentValue!)?.Entity.RolloutId,
        VendorEngagement engagement => engagement.RolloutId,
        VendorSelection selection => selection.RolloutId,
        SelectionCriterion or SelectionCandidate or SelectionEvaluator or CandidateScore =>
            entry.Context.ChangeTracker.Entries<VendorSelection>()
                .FirstOrDefault(s => s.Entity.Id == (Guid)entry.Property("SelectionId").CurrentValue!)?.Entity.RolloutId,
        TechnicalRequirement or CourseDeliverable =>
            entry.Context.ChangeTracker.Entries<VendorEngagement>()
                .FirstOrDefault(e => e.Entity.Id == (Guid)entry.Property("EngagementId").CurrentValue!)?.Entity.RolloutId,
        GateComment comment => entry.Context.Set<ClearanceGate>().Local.FirstOrDefault(g => g.Id == comment.GateId)?.RolloutId,
        AgreementComment comment => entry.Context.Set<CostSharingAgreement>().Local.FirstOrDefault(a => a.Id == comment.AgreementId)?.RolloutId,
        RolloutPhase or PhaseSendBack => (Guid?)entry.Property("RolloutId").CurrentValue,
        GateChecklistItem or GateReviewRound or GateCondition =>
            entry.Context.ChangeTracker.Entries<ClearanceGate>()
                .FirstOrDefault(g => g.Entity.Id == (Guid)entry.Property("GateId").CurrentValue!)?.Entity.RolloutId,
        _ => null,
    };

    private static string ToJson(IEnumerable<PropertyEntry> properties, Func<PropertyEntry, object?> value)
        => JsonSerializer.Serialize(properties
            .Where(p => p.Metadata.Name is not ("Id" or "Version"))
            .ToDictionary(p => p.Metadata.Name, p => value(p)?.ToString()));
}
