using ElearningRollout.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Glossary;

public sealed record GlossaryEntry(Guid Id, string Term, string Definition, Guid Version);

/// <summary>The glossary, read: everyone reads and searches it.</summary>
public sealed class GlossaryQueries(IDbContextFactory<ElearningRolloutDbContext> dbFactory, ICurrentActor currentActor) : IUseCases
{
    public async Task<Page<GlossaryEntry>> SearchAsync(string? search, PageRequest page, CancellationToken cancellationToken = default)
    {
        await currentActor.RequireAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var terms = db.GlossaryTerms.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim().ToLower();
            terms = terms.Where(t => t.Term.ToLower().Contains(text) || t.Definition.ToLower().Contains(text));
        }

        var total = await terms.CountAsync(cancellationToken);
        var rows = await terms.OrderBy(t => t.Term).Skip(page.Skip).Take(page.SafeSize)
            .Select(t => new GlossaryEntry(t.Id, t.Term, t.Definition, t.Version)).ToListAsync(cancellationToken);
        return new Page<GlossaryEntry>(rows, total);
    }

    /// <summary>One term as stored now (null when it no longer exists), e.g. to reload after a conflict.</summary>
    public async Task<GlossaryEntry?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await currentActor.RequireAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.GlossaryTerms.AsNoTracking().Where(t => t.Id == id)
            .Select(t => new GlossaryEntry(t.Id, t.Term, t.Definition, t.Version)).SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<bool> CanMaintainAsync(CancellationToken cancellationToken = default)
        => await currentActor.GetAsync(cancellationToken) is { } actor && GlossaryAccess.CanMaintain(actor);
}
