using ElearningRollout.Application.Audit;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Glossary;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Glossary;

public sealed record GlossaryEntry(Guid Id, string Term, string Definition, Guid Version);

/// <summary>The form model for adding or editing a term.</summary>
public sealed class GlossaryDraft
{
    public string Term { get; set; } = "";

    public string Definition { get; set; } = "";
}

/// <summary>The glossary: everyone reads and searches it; IT leads (and administrators) maintain it.</summary>
public sealed class GlossaryService(IDbContextFactory<ElearningRolloutDbContext> dbFactory, ICurrentActor currentActor, RefusalAudit refusals)
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
        => await currentActor.GetAsync(cancellationToken) is { } actor && MayMaintain(actor);

    public async Task AddAsync(GlossaryDraft draft, CancellationToken cancellationToken = default)
    {
        var actor = await RequireMaintainerAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditActor = AuditActor.Of(actor);
        var term = Create(draft);
        await EnsureUniqueAsync(db, term.Term, null, cancellationToken);
        db.GlossaryTerms.Add(term);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task EditAsync(Guid id, GlossaryDraft draft, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        var actor = await RequireMaintainerAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditActor = AuditActor.Of(actor);
        var term = await db.GlossaryTerms.SingleOrDefaultAsync(t => t.Id == id, cancellationToken)
            ?? throw new NotFoundException("That term no longer exists.");
        var guard = ConcurrencyGuard.ForEntity("term", id);
        await guard.EnsureVersionAsync(db, term, term.Version, expectedVersion, cancellationToken);
        await EnsureUniqueAsync(db, draft.Term.Trim(), id, cancellationToken);
        Apply(() => term.Edit(draft.Term.Trim(), draft.Definition.Trim()));
        await guard.SaveAsync(db, cancellationToken);
    }

    private static bool MayMaintain(Actor actor) => actor.IsInRole(Roles.ItLead) || actor.IsAdministrator;

    private async Task<Actor> RequireMaintainerAsync(CancellationToken cancellationToken)
    {
        var actor = await currentActor.RequireAsync(cancellationToken);
        return MayMaintain(actor) ? actor : throw await refusals.RefuseAsync(actor, "Only IT leads maintain the glossary.", cancellationToken);
    }

    private static GlossaryTerm Create(GlossaryDraft draft)
    {
        GlossaryTerm? term = null;
        Apply(() => term = new GlossaryTerm(draft.Term.Trim(), draft.Definition.Trim()));
        return term!;
    }

    /// <summary>The domain's messages, but placed beside the field they concern.</summary>
    private static void Apply(Action change)
    {
        try
        {
            change();
        }
        catch (DomainException refusal)
        {
            var field = refusal.Message.StartsWith("The term", StringComparison.Ordinal) ? nameof(GlossaryDraft.Term) : nameof(GlossaryDraft.Definition);
            throw new ValidationFailedException(new Dictionary<string, string[]> { [field] = [refusal.Message] });
        }
    }

    private static async Task EnsureUniqueAsync(ElearningRolloutDbContext db, string term, Guid? except, CancellationToken cancellationToken)
    {
        var lower = term.ToLower();
        // SQLite's lower() folds ASCII only, so compare the exact term too (e.g. "Ω" against "Ω"), as departments do.
        if (await db.GlossaryTerms.AnyAsync(t => (t.Term == term || t.Term.ToLower() == lower) && t.Id != except, cancellationToken))
        {
            throw new ValidationFailedException(new Dictionary<string, string[]>
            {
                [nameof(GlossaryDraft.Term)] = [$"The glossary already explains \"{term}\"."],
            });
        }
    }
}
