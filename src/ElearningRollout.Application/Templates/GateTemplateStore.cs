using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Gates;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Templates;

/// <summary>Reads the current gate templates for a use case that plans gates; the domain gets them passed in.</summary>
internal static class GateTemplateStore
{
    public static async Task<GateTemplateSet> CurrentAsync(ElearningRolloutDbContext db, CancellationToken cancellationToken)
        => new(await db.GateTemplates.AsNoTracking().ToListAsync(cancellationToken));
}
