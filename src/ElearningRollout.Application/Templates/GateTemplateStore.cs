using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Gates;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Templates;

/// <summary>Reads gate templates whole, and the current ones for a use case that plans gates; the domain gets them passed in.</summary>
internal static class GateTemplateStore
{
    /// <summary>
    /// A template's checklist items and its approval policy's members are two collections, read in one statement: a
    /// checklist is a dozen items or so and a policy names a few people, so their product stays small. Every load of a
    /// template goes through here.
    /// </summary>
    public static IQueryable<GateTemplate> Whole(ElearningRolloutDbContext db) => db.GateTemplates.AsSingleQuery();

    /// <summary>The kind's current approval policy (null only while a template awaits its backfill: then any one reviewer).</summary>
    public static async Task<ApprovalPolicy?> PolicyOfAsync(ElearningRolloutDbContext db, GateKind kind, CancellationToken cancellationToken)
        => (await Whole(db).AsNoTracking().SingleOrDefaultAsync(t => t.Kind == kind, cancellationToken))?.ApprovalPolicy;

    public static async Task<GateTemplateSet> CurrentAsync(ElearningRolloutDbContext db, CancellationToken cancellationToken)
        => new(await Whole(db).AsNoTracking().ToListAsync(cancellationToken));
}
