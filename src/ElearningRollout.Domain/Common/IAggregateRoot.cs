namespace ElearningRollout.Domain.Common;

/// <summary>
/// A thing two people can edit at the same time, and the unit of optimistic concurrency: its <see cref="Version"/>
/// moves on every saved change of it or of any entity that belongs to it (a checklist item changes its gate), so a
/// command made against an older version is refused and nothing is silently overwritten. The persistence layer
/// finds aggregates by this interface; nothing else registers them.
/// </summary>
public interface IAggregateRoot
{
    Guid Id { get; }

    /// <summary>Changes on every saved change; the person's command carries the version they saw.</summary>
    Guid Version { get; }

    /// <summary>Gives the aggregate a new version (called by the persistence layer when it or one of its parts changed).</summary>
    void Touch();
}

/// <summary>
/// An aggregate that belongs to one rollout: it is a record once that rollout is closed or cancelled (the edit
/// pipeline refuses changes then, unless a command says it is allowed on a closed rollout), and its audit entries
/// carry the rollout's id so the rollout's history shows them.
/// </summary>
public interface IBelongsToRollout
{
    Guid RolloutId { get; }
}
