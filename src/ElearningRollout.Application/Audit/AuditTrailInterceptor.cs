using System.Text.Json;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Rollouts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ElearningRollout.Application.Audit;

/// <summary>
/// The one mechanism behind the audit trail and the concurrency versions: on every save it
/// (1) refuses any change to an existing audit entry, (2) gives every changed aggregate a new version,
/// and (3) appends an <see cref="AuditEntry"/> for every change to the domain's entities. What is audited and which
/// aggregate a change belongs to come from the model by convention: see <see cref="AuditConvention"/>.
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

        var tracked = new TrackedEntries(tracker.Entries().ToList());
        var changed = tracked.All
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && AuditConvention.Of(e.Metadata).IsAudited)
            .ToList();
        if (changed.Count == 0)
        {
            return;
        }

        var replaced = PairReplacedValues(changed);
        TouchChangedAggregates(db, changed, tracked);
        var now = clock.GetUtcNow();
        foreach (var entry in changed)
        {
            db.AuditEntries.Add(Describe(entry, replaced.GetValueOrDefault(entry), tracked, db.AuditActor, now));
        }
    }

    /// <summary>
    /// An owned reference (the pilot cohort) is a value object, replaced whole: the change tracker shows the old one removed
    /// and a new one added under the same key, though the database only updates the owner's row. The pair is one change:
    /// it stays as the added entry, described as changed with the values that differ (returned: added → removed), or is no
    /// change at all when none differ (saving a form unchanged builds an equal cohort), so neither audit nor version moves.
    /// </summary>
    private static Dictionary<EntityEntry, EntityEntry> PairReplacedValues(List<EntityEntry> changed)
    {
        var pairs = new Dictionary<EntityEntry, EntityEntry>();
        var added = changed.Where(e => e.State == EntityState.Added && IsOwnedReference(e)).ToDictionary(e => (e.Metadata, EntityIdOf(e)));
        foreach (var removed in changed.Where(e => e.State == EntityState.Deleted && IsOwnedReference(e)).ToList())
        {
            if (added.TryGetValue((removed.Metadata, EntityIdOf(removed)), out var replacement))
            {
                changed.Remove(removed);
                if (Differences(removed, replacement).Count == 0)
                {
                    changed.Remove(replacement);
                }
                else
                {
                    pairs[replacement] = removed;
                }
            }
        }

        return pairs;

        static bool IsOwnedReference(EntityEntry entry) => AuditConvention.Of(entry.Metadata).Parent is { IsOwnership: true, IsUnique: true };
    }

    private static List<IProperty> Differences(EntityEntry removed, EntityEntry replacement) => AuditedProperties(replacement)
        .Where(p => !Equals(removed.Property(p).OriginalValue, replacement.Property(p).CurrentValue))
        .ToList();

    /// <summary>What an entry records of an entity: its own properties and its foreign keys, not other shadow state.</summary>
    private static IEnumerable<IProperty> AuditedProperties(EntityEntry entry) =>
        entry.Metadata.GetProperties().Where(p => !p.IsShadowProperty() || p.IsForeignKey());

    /// <summary>
    /// Moves the version of every aggregate that changed or one of whose parts changed (see <see cref="AuditConvention"/>),
    /// so a command made against the older version is refused. The aggregate must be tracked: commands load the aggregate
    /// they change, and its parts come with it.
    /// </summary>
    private static void TouchChangedAggregates(ElearningRolloutDbContext db, List<EntityEntry> changed, TrackedEntries tracked)
    {
        var roots = new HashSet<IAggregateRoot>(ReferenceEqualityComparer.Instance);
        foreach (var entry in changed)
        {
            var convention = AuditConvention.Of(entry.Metadata);
            if (convention.VersionedRoot is null || (entry.State == EntityState.Added && !convention.AddedMovesVersion))
            {
                continue;
            }

            if (tracked.RootOf(entry) is { State: not EntityState.Added, Entity: IAggregateRoot root })
            {
                roots.Add(root);
            }
        }

        foreach (var root in roots)
        {
            root.Touch();
        }

        // Not a version: the rollout's derived profile is copied to a column on every save, so the grid can filter on it.
        // Entries<Rollout>() detects changes again, so a rollout touched just above counts as modified, as before.
        foreach (var rollout in db.ChangeTracker.Entries<Rollout>().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            rollout.Property(Persistence.Configurations.RolloutConfiguration.StoredProfile).CurrentValue = rollout.Entity.Profile;
        }
    }

    private static AuditEntry Describe(EntityEntry entry, EntityEntry? replaced, TrackedEntries tracked, AuditActor actor, DateTimeOffset now)
    {
        if (replaced is not null)
        {
            var differences = Differences(replaced, entry);
            return Entry("Changed", ToJson(differences, p => replaced.Property(p).OriginalValue), ToJson(differences, p => entry.Property(p).CurrentValue));
        }

        var properties = AuditedProperties(entry).ToList();
        var changedProperties = entry.State == EntityState.Modified ? properties.Where(p => entry.Property(p).IsModified).ToList() : properties;
        return Entry(
            entry.State switch { EntityState.Added => "Created", EntityState.Deleted => "Removed", _ => "Changed" },
            entry.State == EntityState.Added ? null : ToJson(changedProperties, p => entry.Property(p).OriginalValue),
            entry.State == EntityState.Deleted ? null : ToJson(changedProperties, p => entry.Property(p).CurrentValue));

        AuditEntry Entry(string action, string? before, string? after) => new()
        {
            At = now,
            UserId = actor.UserId,
            UserName = actor.DisplayName,
            EntityType = entry.Metadata.ClrType.Name,
            EntityId = EntityIdOf(entry),
            RolloutId = RolloutIdOf(entry, tracked),
            Action = action,
            Before = before,
            After = after,
        };
    }

    /// <summary>
    /// The rollout whose History shows the entry: the rollout itself, an aggregate's <see cref="IBelongsToRollout"/>, or
    /// that of the entity a part belongs to (its tracked parent: a checklist item's gate, a comment's gate). A part of the
    /// rollout names it by its foreign key, without the rollout loaded (a phase, a send-back).
    /// </summary>
    private static Guid? RolloutIdOf(EntityEntry entry, TrackedEntries tracked)
    {
        switch (entry.Entity)
        {
            case Rollout rollout: return rollout.Id;
            case IBelongsToRollout belongs: return belongs.RolloutId;
        }

        if (AuditConvention.Of(entry.Metadata).Parent is not { } parent)
        {
            return null;
        }

        if (parent.PrincipalEntityType.ClrType == typeof(Rollout) && parent.PrincipalKey.IsPrimaryKey())
        {
            return (Guid?)entry.Property(parent.Properties[0]).CurrentValue;
        }

        return tracked.ParentOf(entry, parent) is { } principal ? RolloutIdOf(principal, tracked) : null;
    }

    /// <summary>
    /// The primary key's value (an owned reference such as the pilot cohort is keyed by its owner's id). A key the database
    /// generates on insert (a department's number) is not known yet while the entry is written, so it stays empty; the
    /// entry's values still name what was created.
    /// </summary>
    private static string EntityIdOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey()!.Properties.Select(entry.Property).ToList();
        return key.Any(p => p.IsTemporary) ? "" : string.Join(",", key.Select(p => p.CurrentValue));
    }

    private static string ToJson(IEnumerable<IProperty> properties, Func<IProperty, object?> value)
        => JsonSerializer.Serialize(properties
            .Where(p => p.Name is not ("Id" or "Version"))
            .ToDictionary(p => p.Name, p => Stored(p, value(p))));

    /// <summary>
    /// A value as text: its <c>ToString()</c>, except a value object or list the model keeps as JSON (a package's report,
    /// a cost line's split, a version's lines), whose <c>ToString()</c> names only the type of its lists: it is written as
    /// the database holds it, so the entry keeps what changed (and <see cref="AuditText"/> can summarise it).
    /// </summary>
    private static string? Stored(IProperty property, object? value)
    {
        if (value is null or string or Enum or IFormattable or bool)
        {
            return value?.ToString();
        }

        return property.GetTypeMapping().Converter is { ProviderClrType: var provider } converter && provider == typeof(string)
            ? (string?)converter.ConvertToProvider(value)
            : value.ToString();
    }
}
