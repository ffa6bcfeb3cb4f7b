using ElearningRollout.Domain.Gates;
using FluentValidation;

namespace ElearningRollout.Application.Templates;

/// <summary>What an administrator edits on a gate template before publishing it as the next version.</summary>
public sealed class GateTemplateDraft
{
    public bool RequiredForLight { get; set; }

    public bool RequiredForStandard { get; set; }

    public bool RequiredForDeep { get; set; }

    /// <summary>In checklist order.</summary>
    public List<ChecklistItemDraft> Items { get; set; } = [];

    public InvolvementProfiles RequiredFor =>
        (RequiredForLight ? InvolvementProfiles.Light : InvolvementProfiles.None)
        | (RequiredForStandard ? InvolvementProfiles.Standard : InvolvementProfiles.None)
        | (RequiredForDeep ? InvolvementProfiles.Deep : InvolvementProfiles.None);

    public static GateTemplateDraft From(GateTemplateView template) => new()
    {
        RequiredForLight = template.RequiredFor.HasFlag(InvolvementProfiles.Light),
        RequiredForStandard = template.RequiredFor.HasFlag(InvolvementProfiles.Standard),
        RequiredForDeep = template.RequiredFor.HasFlag(InvolvementProfiles.Deep),
        Items = [.. template.Items.Select(i => new ChecklistItemDraft
        {
            ItemId = i.Id, Text = i.Text, IsRequired = i.IsRequired, FollowsAgreement = i.FollowsAgreement,
        })],
    };
}

public sealed class ChecklistItemDraft
{
    /// <summary>Null for a line added in this edit.</summary>
    public Guid? ItemId { get; set; }

    public string Text { get; set; } = "";

    public bool IsRequired { get; set; }

    /// <summary>Shown, not edited: such a line follows the cost-sharing agreement and stays required.</summary>
    public AgreementFact? FollowsAgreement { get; set; }
}

/// <summary>Used by the page (messages beside each line) and again by <see cref="TemplateCommands"/>.</summary>
public sealed class GateTemplateDraftValidator : AbstractValidator<GateTemplateDraft>
{
    public GateTemplateDraftValidator()
    {
        RuleFor(d => d.RequiredFor).NotEqual(InvolvementProfiles.None)
            .WithMessage("Choose at least one IT involvement profile that requires this gate; otherwise no rollout would get it.");
        RuleFor(d => d.Items).NotEmpty().WithMessage("Add at least one checklist item.");
        RuleFor(d => d.Items.Count).LessThanOrEqualTo(GateTemplate.MaxItems)
            .OverridePropertyName(nameof(GateTemplateDraft.Items))
            .WithMessage($"Keep the checklist to {GateTemplate.MaxItems} items.");
        RuleForEach(d => d.Items).ChildRules(item =>
        {
            item.RuleFor(i => i.Text).NotEmpty().WithMessage("Enter the item's text, or remove the item.");
            item.RuleFor(i => i.Text).MaximumLength(GateChecklistItem.MaxTextLength)
                .WithMessage($"Keep the item to {GateChecklistItem.MaxTextLength} characters.");
            item.RuleFor(i => i.IsRequired).Equal(true).When(i => i.FollowsAgreement is not null)
                .WithMessage("This item follows the cost-sharing agreement, so it stays required.");
        });
        RuleFor(d => d).Custom((draft, context) =>
        {
            var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (var index = 0; index < draft.Items.Count; index++)
            {
                var text = draft.Items[index].Text?.Trim() ?? "";
                if (text.Length == 0)
                {
                    continue;
                }

                if (seen.TryGetValue(text, out var first))
                {
                    context.AddFailure($"Items[{index}].Text", $"This repeats item {first + 1}; each item must be different.");
                }
                else
                {
                    seen[text] = index;
                }
            }
        });
    }
}
