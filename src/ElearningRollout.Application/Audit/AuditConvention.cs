using System.Collections.Concurrent;
using System.Reflection;
using ElearningRollout.Domain.Common;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ElearningRollout.Application.Audit;

/// <summary>
/// What the audit trail and the concurrency versions need to know about one entity type, derived from the EF Core model
/// and the markers on the entity classes rather than from lists of types, so a new entity is audited and versioned
/// without anyone remembering to register it:
/// <list type="bullet">
/// <item>Audited: every entity type of the model, except the audit trail itself, ASP.NET Core Identity's and Data
/// Protection's own tables, and types marked <see cref="NotAuditedAttribute"/> (with the reason).</item>
/// <item>Aggregate: an <see cref="IAggregateRoot"/> is its own aggregate. Any other entity is a part of the aggregate its
/// <see cref="Parent"/> leads to: the owner of an owned type (OwnsMany and OwnsOne alike), else the one foreign key that
/// leads to an aggregate (a comment's gate). An entity without one stands alone (a department).</item>
/// <item>Version: a change of an aggregate or of one of its parts moves the aggregate's version, except for parts marked
/// <see cref="OwnRecordAttribute"/>. An added part moves it only where the root is marked
/// <see cref="AddedPartsMoveVersionAttribute"/>, or where the part is an owned reference (OwnsOne), which is stored in its
/// owner's row: setting it is a change of the owner.</item>
/// </list>
/// Derived once per entity type of a model (IEntityType instances belong to one model) and cached, since it runs on
/// every save. Tests enumerate the real model through <see cref="Of"/>, so a type the convention cannot place fails there.
/// </summary>
internal sealed class AuditConvention
{
    private static readonly ConcurrentDictionary<IEntityType, AuditConvention> Cache = new();

    private AuditConvention(IEntityType entityType)
    {
        EntityType = entityType;
        var type = entityType.ClrType;
        NotAuditedBecause = NotAuditedReason(type);
        IsAggregateRoot = typeof(IAggregateRoot).IsAssignableFrom(type);
        // Only what is audited is placed in an aggregate: a table left out (Identity's user roles, say) may point anywhere.
        Parent = IsAggregateRoot || !IsAudited ? null : ParentOf(entityType);
        Root = IsAggregateRoot ? entityType : RootOf(entityType);
        OwnRecordBecause = type.GetCustomAttribute<OwnRecordAttribute>(inherit: true)?.Reason;
        VersionedRoot = IsAudited && OwnRecordBecause is null ? Root : null;
        AddedMovesVersion = !IsAggregateRoot && VersionedRoot is not null
            && (Parent is { IsOwnership: true, IsUnique: true }
                || VersionedRoot.ClrType.GetCustomAttribute<AddedPartsMoveVersionAttribute>(inherit: true) is not null);
    }

    public IEntityType EntityType { get; }

    /// <summary>Why changes of this type are not written to the audit trail; null when they are.</summary>
    public string? NotAuditedBecause { get; }

    public bool IsAudited => NotAuditedBecause is null;

    public bool IsAggregateRoot { get; }

    /// <summary>
    /// The relationship to the entity this one is a part of: its ownership, else its one foreign key that leads to an
    /// aggregate. Null for aggregate roots and for entities that stand alone. The rollout of an audit entry and the
    /// aggregate whose version moves are both found along it.
    /// </summary>
    public IForeignKey? Parent { get; }

    /// <summary>The aggregate this type belongs to (itself for a root); null when it stands alone.</summary>
    public IEntityType? Root { get; }

    /// <summary>Why a change of this part leaves its aggregate's version alone (<see cref="OwnRecordAttribute"/>).</summary>
    public string? OwnRecordBecause { get; }

    /// <summary>The aggregate whose version a saved change of this type moves; null when none does.</summary>
    public IEntityType? VersionedRoot { get; }

    /// <summary>Whether adding one of these parts moves the aggregate's version (changing or removing one always does).</summary>
    public bool AddedMovesVersion { get; }

    public static AuditConvention Of(IEntityType entityType) => Cache.GetOrAdd(entityType, static t => new AuditConvention(t));

    private static string? NotAuditedReason(Type type)
    {
        if (type == typeof(AuditEntry))
        {
            return "The audit trail itself: append-only, it records the changes of the others.";
        }

        // ApplicationUser derives from IdentityUser: account changes are audited by UserCommands in words, and
        // credentials, tokens and data protection keys are the frameworks' bookkeeping, not the project's data.
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            if (t.Namespace is { } ns && (ns.StartsWith("Microsoft.AspNetCore.Identity", StringComparison.Ordinal)
                || ns.StartsWith("Microsoft.AspNetCore.DataProtection", StringComparison.Ordinal)))
            {
                return $"ASP.NET Core Identity's or Data Protection's own table ({t.Name}).";
            }
        }

        return type.GetCustomAttribute<NotAuditedAttribute>(inherit: true)?.Reason;
    }

    private static IForeignKey? ParentOf(IEntityType entityType)
    {
        if (entityType.FindOwnership() is { } ownership)
        {
            return ownership;
        }

        var toAggregates = entityType.GetForeignKeys().Where(fk => RootOf(fk.PrincipalEntityType, [entityType]) is not null).ToList();
        return toAggregates.Count switch
        {
            0 => null,
            1 => toAggregates[0],
            _ => throw new InvalidOperationException(
                $"{entityType.DisplayName()} has foreign keys to several aggregates ({string.Join(", ", toAggregates.Select(fk => fk.PrincipalEntityType.DisplayName()))}): "
                + "the audit convention cannot tell which it is a part of. Make it owned by one, or give it one such key."),
        };
    }

    /// <summary>Walks the parents up to an aggregate root; null when the chain ends elsewhere (or loops).</summary>
    private static IEntityType? RootOf(IEntityType entityType, HashSet<IEntityType>? seen = null)
    {
        seen ??= [];
        for (var type = entityType; type is not null && seen.Add(type);)
        {
            if (typeof(IAggregateRoot).IsAssignableFrom(type.ClrType))
            {
                return type;
            }

            type = type.FindOwnership()?.PrincipalEntityType
                ?? type.GetForeignKeys().Select(fk => fk.PrincipalEntityType).Where(p => RootOf(p, [.. seen]) is not null).FirstOrDefault();
        }

        return null;
    }
}
