using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Glossary;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Glossary;

/// <summary>The form model for adding or editing a term.</summary>
public sealed class GlossaryDraft
{
    public string Term { get; set; } = "";

    public string Definition { get; set; } = "";
}

/// <summary>The glossary, changed: IT leads (and administrators) maintain it.</summary>
public sealed class GlossaryCommands(EditPipeline edits) : IUseCases
{
    public Task AddAsync(GlossaryDraft draft, CancellationToken cancellationToken = default)
        => TermTakenMeanwhileAsync(draft, () => edits.ActAsync(new EditAccess<EditContext>(e => GlossaryAccess.EnsureCanMaintain(e.Actor)), async (e, ct) =>
        {
            await e.EnsureValidAsync(draft, ct);
            e.Db.GlossaryTerms.Add(new GlossaryTerm(draft.Term.Trim(), draft.Definition.Trim()));
            return true;
        }, cancellationToken));

    public Task EditAsync(Guid id, GlossaryDraft draft, Guid expectedVersion, CancellationToken cancellationToken = default)
        => TermTakenMeanwhileAsync(draft, () => edits.ChangeAsync(Term(id), expectedVersion, new EditAccess<Edit<GlossaryTerm>>(e => GlossaryAccess.EnsureCanMaintain(e.Actor)), async (e, ct) =>
        {
            await e.EnsureValidAsync(draft, ct);
            e.Aggregate.Edit(draft.Term.Trim(), draft.Definition.Trim());
        }, cancellationToken));

    /// <summary>
    /// Two IT leads saving the same term at the same moment both pass the check; the unique index keeps the first, and
    /// the second is told beside the field, as the check would have told them, instead of meeting an error page.
    /// </summary>
    private static async Task TermTakenMeanwhileAsync(GlossaryDraft draft, Func<Task> save)
    {
        try
        {
            await save();
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            throw new ValidationFailedException(new Dictionary<string, string[]> { [nameof(GlossaryDraft.Term)] = [GlossaryDraftServerRules.Taken(draft.Term)] });
        }
    }

    private static EditTarget<GlossaryTerm> Term(Guid id) => new(
        "term",
        async (db, ct) => await db.GlossaryTerms.SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException("That term no longer exists."));
}

/// <summary>The glossary form's rules, in the form and again on the server: the domain's limits, in its words, beside the fields.</summary>
public sealed class GlossaryDraftValidator : AbstractValidator<GlossaryDraft>
{
    public const string TermRequired = "The term is required.";

    public const string DefinitionRequired = "The definition is required.";

    public GlossaryDraftValidator()
    {
        RuleFor(d => d.Term).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(TermRequired)
            .Must(t => t is null || t.Trim().Length <= GlossaryTerm.MaxTermLength).WithMessage($"The term can be at most {GlossaryTerm.MaxTermLength} characters.");
        RuleFor(d => d.Definition).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(DefinitionRequired)
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
                context.AddFailure(nameof(GlossaryDraft.Term), Taken(term));
            }
        });

    public static string Taken(string? term) => $"The glossary already explains \"{(term ?? "").Trim()}\".";
}
