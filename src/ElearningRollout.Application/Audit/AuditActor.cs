using ElearningRollout.Domain.Common;

namespace ElearningRollout.Application.Audit;

/// <summary>Who the audit trail names for a save: a person, or the system (seeding, background jobs).</summary>
public sealed record AuditActor(string? UserId, string DisplayName)
{
    public static readonly AuditActor System = new(null, "System");

    public static AuditActor Of(Actor actor) => new(actor.UserId, actor.DisplayName);
}
