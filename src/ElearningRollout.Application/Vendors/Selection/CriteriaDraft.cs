using ElearningRollout.Domain.Vendors.Selection;
using FluentValidation;

namespace ElearningRollout.Application.Vendors.Selection;

/// <summary>The criteria editor's form: the whole set at once, because the weights only make sense together.</summary>
public sealed class CriteriaDraft
{
    public List<CriterionDraft> Criteria { get; set; } = [];

    public int TotalWeight => Criteria.Sum(c => c.Weight);

    public IReadOnlyList<CriterionSpec> ToSpecs() => Criteria.Select(c => new CriterionSpec(c.Id, c.Name ?? "", c.Weight, c.MustHave)).ToList();

    public static CriteriaDraft From(IEnumerable<CriterionView> criteria) => new()
    {
        Criteria = criteria.Select(c => new CriterionDraft { Id = c.Id, Name = c.Name, Weight = c.Weight, MustHave = c.MustHave }).ToList(),
    };
}

/// <summary>One row of the editor; a new row has no <see cref="Id"/>.</summary>
public sealed class CriterionDraft
{
    public Guid? Id { get; set; }

    public string? Name { get; set; }

    public int Weight { get; set; }

    public bool MustHave { get; set; }
}

/// <summary>The same rules as the domain (WeightedCriteria), reported under "Criteria" beside the editor.</summary>
public sealed class CriteriaDraftValidator : AbstractValidator<CriteriaDraft>
{
    public CriteriaDraftValidator()
    {
        RuleFor(d => d.Criteria).Custom((_, context) =>
        {
            foreach (var problem in WeightedCriteria.ProblemsWith(context.InstanceToValidate.ToSpecs()))
            {
                context.AddFailure(problem);
            }
        });
    }
}
