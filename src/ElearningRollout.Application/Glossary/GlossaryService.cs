using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Glossary;
using FluentValidation;
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
public sealed class GlossaryService(IDbContextFactory<ElearningRolloutDbContext> dbFactory, ICurrentActor currentActor, EditPipeline edits) : IUseCases
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

    public Task AddAsync(GlossaryDraft draft, CancellationToken cancellationToken = default)
        => edits.ActAsync(new EditAccess<EditContext>(e => EnsureMaintainer(e.Actor)), async (e, ct) =>
        {
            await e.EnsureValidAsync(draft, ct);
            e.Db.GlossaryTerms.Add(new GlossaryTerm(draft.Term.Trim(), draft.Definition.Trim()));
            return true;
        }, cancellationToken);

    public Task EditAsync(Guid id, GlossaryDraft draft, Guid expectedVersion, CancellationToken cancellationToken = default)
        => edits.ChangeAsync(Term(id), expectedVersion, new EditAccess<Edit<GlossaryTerm>>(e => EnsureMaintainer(e.Actor)), async (e, ct) =>
        {
            await e.EnsureValidAsync(draft, ct);
            e.Aggregate.Edit(draft.Term.Trim(), draft.Definition.Trim());
        }, cancellationToken);

    private static bool MayMaintain(Actor actor) => actor.IsInRole(Roles.ItLead) || actor.IsAdministrator;

    private static void EnsureMaintainer(Actor actor)
    {
        if (!MayMaintain(actor))
        {
            throw new AccessRefusedException("Only IT leads maintain the glossary.");
        }
    }

    private static EditTarget<GlossaryTerm> Term(Guid id) => new(
        "term",
        async (db, ct) => await db.GlossaryTerms.SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException("That term no longer exists."));
}

/// <summary>The glossary form's rules, in the form and again on the server: the domain's limits, in its words, beside the fields.</summary>
public sealed class GlossaryDraftValidator : AbstractValidator<GlossaryDraft>
{
    public GlossaryDraftValidator()
    {
        RuleFor(d => d.Term).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("The term is required.")
            .Must(t => t is null || t.Trim().Length <= GlossaryTerm.MaxTermLength).WithMessage($"The term can be at most {GlossaryTerm.MaxTermLength} characters.");
        RuleFor(d => d.Definition).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("The definition is required.")
            .Must(t => t is null || t.Trim().Length <= GlossaryTerm.MaxDefinitionLength).WithMessage($"The definition can be at most {GlossaryTerm.MaxDefinitionLength} characters.");
    }
}

/// <summary>The glossary explains each term once.</summary>
public sealed class GlossaryDraftServerRules : ServerRules<GlossaryDraft>
{
    public GlossaryDraftServerRules()
        => RuleFor(d => d.Term).CustomAsync(async (term, context, ct) =>
        {
            var edit = Edit(context);
            Guid? self = edit is Edit<GlossaryTerm> change ? change.Aggregate.Id : null;
            if (await UniqueName.TakenAsync(edit.Db.GlossaryTerms.Where(t => t.Id != self), t => t.Term, term, ct) is not null)
            {
                context.AddFailure(nameof(GlossaryDraft.Term), $"The glossary already explains \"{(term ?? "").Trim()}\".");
            }
        });
}
