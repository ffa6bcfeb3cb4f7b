using ElearningRollout.Domain.CostSharing;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.CostSharing;

/// <summary>The agreement's term, typed in its header (and when the agreement is started).</summary>
public sealed class AgreementTermDraft
{
    public int TermMonths { get; set; }
}

public sealed class AgreementTermDraftValidator : AbstractValidator<AgreementTermDraft>
{
    public AgreementTermDraftValidator()
        => RuleFor(d => d.TermMonths).InclusiveBetween(CostTerm.MinMonths, CostTerm.MaxMonths)
            .WithMessage($"The term must be between {CostTerm.MinMonths} and {CostTerm.MaxMonths} months.");
}

/// <summary>What a comment on the agreement is about: the whole agreement, or one line of its current version.</summary>
public sealed class AgreementCommentDraft
{
    public int? LineNumber { get; set; }
}

public sealed class AgreementCommentServerRules : ServerRules<AgreementCommentDraft>
{
    /// <summary>The field the line is picked in.</summary>
    public const string LineField = "Line";

    public AgreementCommentServerRules()
        => RuleFor(d => d.LineNumber).Custom((number, context) =>
        {
            if (number is { } line && Edit(context) is Edit<CostSharingAgreement> { Aggregate: var agreement } && agreement.Lines.All(l => l.Number != line))
            {
                context.AddFailure(LineField, $"Version {agreement.VersionNumber} has no line {line}; pick a line from the list or the whole agreement.");
            }
        });
}

/// <summary>
/// A line may name what it pays for: one of this rollout's vendor engagements, never another rollout's; and it is
/// split only between departments that exist.
/// </summary>
public sealed class CostLineServerRules : ServerRules<CostLineDraft>
{
    public CostLineServerRules()
    {
        RuleFor(d => d.VendorEngagementId)
            .MustAsync(async (_, engagementId, context, ct) => Edit(context) is Edit<CostSharingAgreement> edit
                && await edit.Db.VendorEngagements.AnyAsync(e => e.Id == engagementId && e.RolloutId == edit.Rollout.Id, ct))
            .When(d => d.VendorEngagementId is { } id && id != Guid.Empty)
            .WithMessage("Choose one of this rollout's vendor engagements, or none.");
        RuleFor(d => d.Split).CustomAsync(async (_, context, ct) =>
        {
            var known = await CostSharingDepartments.NamesAsync(Edit(context).Db, ct);
            // A blank department is the form's own message ("Choose a department for every share").
            foreach (var unknown in context.InstanceToValidate.Shares().Select(s => s.Department)
                         .Where(d => !string.IsNullOrWhiteSpace(d) && !known.Contains(d, StringComparer.OrdinalIgnoreCase)).Distinct())
            {
                context.AddFailure(nameof(CostLineDraft.Split), $"{unknown} is not a department; choose one of the departments.");
            }
        });
    }
}
