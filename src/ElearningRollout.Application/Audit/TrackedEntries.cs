using ElearningRollout.Domain.Common;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ElearningRollout.Application.Audit;

/// <summary>
/// The entries tracked at the start of one save, with the lookups the audit convention needs: an entry's parent by its
/// foreign key's values, and the aggregate root above it. Indexes are built once per principal type and save.
/// </summary>
internal sealed class TrackedEntries(IReadOnlyList<EntityEntry> all)
{
    private readonly Dictionary<(IEntityType, IKey), Dictionary<object, EntityEntry>> _indexes = [];

    public IReadOnlyList<EntityEntry> All { get; } = all;

    /// <summary>The tracked entity <paramref name="foreignKey"/> points at from <paramref name="entry"/>; null if it is not tracked.</summary>
    public EntityEntry? ParentOf(EntityEntry entry, IForeignKey foreignKey)
    {
        var values = foreignKey.Properties.Select(p => entry.Property(p).CurrentValue).ToArray();
        return values.Any(v => v is null) ? null : IndexOf(foreignKey.PrincipalEntityType, foreignKey.PrincipalKey).GetValueOrDefault(KeyOf(values));
    }

    /// <summary>The tracked aggregate root <paramref name="entry"/> is (or is a part of); null if there is none or it is not tracked.</summary>
    public EntityEntry? RootOf(EntityEntry entry)
    {
        for (var current = entry; current is not null;)
        {
            if (current.Entity is IAggregateRoot)
            {
                return current;
            }

            current = AuditConvention.Of(current.Metadata).Parent is { } parent ? ParentOf(current, parent) : null;
        }

        return null;
    }

    private Dictionary<object, EntityEntry> IndexOf(IEntityType principalType, IKey principalKey)
    {
        if (!_indexes.TryGetValue((principalType, principalKey), out var index))
        {
            index = [];
            foreach (var entry in All.Where(e => principalType.IsAssignableFrom(e.Metadata)))
            {
                index[KeyOf(principalKey.Properties.Select(p => entry.Property(p).CurrentValue).ToArray())] = entry;
            }

            _indexes[(principalType, principalKey)] = index;
        }

        return index;
    }

    private static object KeyOf(object?[] values) => values.Length == 1 ? values[0]! : string.Join("\u001f", values);
}
