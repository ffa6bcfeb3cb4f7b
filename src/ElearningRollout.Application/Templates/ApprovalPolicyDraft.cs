using ElearningRollout.Domain.Gates;
using FluentValidation;

namespace ElearningRollout.Application.Templates;

/// <summary>What an administrator edits on a gate kind's approval policy before publishing it as the next version.</summary>
public sealed class ApprovalPolicyDraft
{
    public GateKind GateKind { get; set; }

    /// <summary>Who decides: one of <see cref="GateApprovalPolicy.DecidingRoles"/> (executives for go-live sign-off); empty keeps the current version's.</summary>
    public string DecidingRole { get; set; } = "";

    public ApprovalRule Rule { get; set; }

    /// <summary>M, for M of N named reviewers.</summary>
    public int RequiredApprovals { get; set; } = 1;

    public List<string> NamedReviewerIds { get; set; } = [];

    public List<ReviewerGroupDraft> Groups { get; set; } = [];

    public int DeadlineWorkingDays { get; set; } = GateApprovalPolicy.DefaultDeadlineWorkingDays;

    public string? EscalateToId { get; set; }

    public static ApprovalPolicyDraft From(GateKind kind, ApprovalPolicyView policy) => new()
    {
        GateKind = kind,
        DecidingRole = policy.DecidingRole,
        Rule = policy.Rule,
        RequiredApprovals = policy.RequiredApprovals,
        NamedReviewerIds = [.. policy.NamedReviewers.Select(p => p.Id)],
        Groups = [.. policy.Groups.Select(g => new ReviewerGroupDraft { Name = g.Name, MemberIds = [.. g.Members.Select(m => m.Id)] })],
        DeadlineWorkingDays = policy.DeadlineWorkingDays,
        EscalateToId = policy.EscalateTo?.Id,
    };

    public ApprovalPolicyEdit ToEdit() => new(
        Rule,
        RequiredApprovals,
        Rule == ApprovalRule.MOfNamedReviewers ? NamedReviewerIds : [],
        Rule == ApprovalRule.OneFromEachGroup ? [.. Groups.Select(g => new ReviewerGroup(g.Name.Trim(), g.MemberIds))] : [],
        DeadlineWorkingDays,
        string.IsNullOrEmpty(EscalateToId) ? null : EscalateToId,
        string.IsNullOrEmpty(DecidingRole) ? null : DecidingRole);

    /// <summary>Everyone the draft names for its rule.</summary>
    public IEnumerable<string> NamedPeople => Rule switch
    {
        ApprovalRule.MOfNamedReviewers => NamedReviewerIds,
        ApprovalRule.OneFromEachGroup => Groups.SelectMany(g => g.MemberIds),
        _ => [],
    };
}

public sealed class ReviewerGroupDraft
{
    public string Name { get; set; } = "";

    public List<string> MemberIds { get; set; } = [];
}

/// <summary>Used by the page (messages beside each field) and again by <see cref="TemplateCommands"/>; the policy itself refuses the same.</summary>
public sealed class ApprovalPolicyDraftValidator : AbstractValidator<ApprovalPolicyDraft>
{
    public ApprovalPolicyDraftValidator()
    {
        RuleFor(d => d.DeadlineWorkingDays).InclusiveBetween(1, ApprovalPolicy.MaxDeadlineWorkingDays)
            .WithMessage($"The deadline must be between 1 and {ApprovalPolicy.MaxDeadlineWorkingDays} working days.");
        RuleFor(d => d.DecidingRole).Custom((role, context) =>
        {
            if (!string.IsNullOrEmpty(role) && GateApprovalPolicy.WhyRoleMayNotDecide(context.InstanceToValidate.GateKind, role) is { } refusal)
            {
                context.AddFailure(nameof(ApprovalPolicyDraft.DecidingRole), refusal);
            }
        });
        RuleFor(d => d.Rule).IsInEnum().WithMessage("Choose how many approvals the gate needs.");
        When(d => d.Rule == ApprovalRule.MOfNamedReviewers, () =>
        {
            RuleFor(d => d.NamedReviewerIds).NotEmpty().WithMessage("Name at least one reviewer.");
            RuleFor(d => d.NamedReviewerIds).Must(ids => ids.Distinct().Count() == ids.Count).WithMessage("Each reviewer can be named only once.");
            RuleFor(d => d.RequiredApprovals).Must((d, m) => m >= 1 && m <= Math.Max(1, d.NamedReviewerIds.Count))
                .WithMessage(d => $"The number of approvals needed must be between 1 and the {d.NamedReviewerIds.Count} named reviewers.");
        });
        When(d => d.Rule == ApprovalRule.OneFromEachGroup, () =>
        {
            RuleFor(d => d.Groups.Count).GreaterThanOrEqualTo(2).OverridePropertyName(nameof(ApprovalPolicyDraft.Groups))
                .WithMessage("One from each group needs at least two groups.");
            RuleForEach(d => d.Groups).ChildRules(group =>
            {
                group.RuleFor(g => g.Name).NotEmpty().WithMessage("Name the group.");
                group.RuleFor(g => g.Name).MaximumLength(ApprovalPolicy.MaxGroupNameLength)
                    .WithMessage($"Keep the group's name to {ApprovalPolicy.MaxGroupNameLength} characters.");
                group.RuleFor(g => g.MemberIds).NotEmpty().WithMessage("Put at least one person in the group.");
            });
            RuleFor(d => d.Groups).Must(groups => groups.Select(g => g.Name.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() == groups.Count)
                .WithMessage("Each group needs a name of its own.");
            RuleFor(d => d.Groups).Must(groups => groups.SelectMany(g => g.MemberIds).Distinct().Count() == groups.Sum(g => g.MemberIds.Count))
                .WithMessage("A person can be in only one group: one approval must not count for two groups.");
        });
        RuleFor(d => d.NamedPeople.Count()).LessThanOrEqualTo(ApprovalPolicy.MaxReviewers).OverridePropertyName(nameof(ApprovalPolicyDraft.NamedReviewerIds))
            .WithMessage($"A policy can name at most {ApprovalPolicy.MaxReviewers} reviewers.");
    }
}

/// <summary>Everyone a policy names holds the role the draft says decides and has an active account; so does the escalation person's account.</summary>
public sealed class ApprovalPolicyServerRules : ServerRules<ApprovalPolicyDraft>
{
    public ApprovalPolicyServerRules()
    {
        RuleFor(d => d).CustomAsync(async (draft, context, ct) =>
        {
            var edit = Edit(context);
            var role = string.IsNullOrEmpty(draft.DecidingRole) ? GateApprovalPolicy.For(draft.GateKind).DecidingRole : draft.DecidingRole;
            foreach (var id in draft.NamedPeople.Distinct())
            {
                if (await People.FitAsync(edit.Db, id, role, ct) != PlaceFit.Fits)
                {
                    context.AddFailure(
                        draft.Rule == ApprovalRule.OneFromEachGroup ? nameof(ApprovalPolicyDraft.Groups) : nameof(ApprovalPolicyDraft.NamedReviewerIds),
                        $"Everyone named must be an active {GateApprovalPolicy.DeciderNameOf(role)}, as the policy says who decides; choose from the list.");
                    return;
                }
            }

            if (!string.IsNullOrEmpty(draft.EscalateToId) && !await People.IsActiveAsync(edit.Db, draft.EscalateToId, ct))
            {
                context.AddFailure(nameof(ApprovalPolicyDraft.EscalateToId), "Choose the escalation person from the list: that person has no active account.");
            }
        });
    }
}
