using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Gates;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Gates;

/// <summary>A submission's choices: who reviews (the rollout's IT liaison or sponsor unless someone is picked) and by when.</summary>
public sealed class GateSubmissionDraft
{
    public GateKind GateKind { get; set; }

    public string? ReviewerId { get; set; }

    public DateOnly? DueDate { get; set; }
}

public sealed class GateSubmissionDraftValidator : AbstractValidator<GateSubmissionDraft>
{
    public GateSubmissionDraftValidator(TimeProvider clock)
    {
        RuleFor(d => d.DueDate).NotNull().WithMessage("Set a due date.");
        RuleFor(d => d.DueDate)
            .Must(due => due >= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
            .When(d => d.DueDate is not null)
            .WithMessage("The due date cannot be in the past.");
    }
}

/// <summary>
/// The reviewer must hold the role that decides the gate under its kind's current approval policy, the version it is
/// submitted under (before policies named a role: the kind's, an IT lead or an executive for go-live sign-off).
/// </summary>
public sealed class GateSubmissionServerRules : ServerRules<GateSubmissionDraft>
{
    public GateSubmissionServerRules()
    {
        RuleFor(d => d.ReviewerId)
            .CustomAsync(async (reviewerId, context, ct) =>
            {
                if (string.IsNullOrEmpty(reviewerId))
                {
                    return;
                }

                var draft = context.InstanceToValidate;
                var db = Edit(context).Db;
                var policyRole = await db.GateTemplates.AsNoTracking().Where(t => t.Kind == draft.GateKind)
                    .Select(t => t.ApprovalPolicy.DecidingRole).FirstOrDefaultAsync(ct);
                var approval = GateApprovalPolicy.For(draft.GateKind);
                var role = GateApprovalPolicy.DecidingRoleUnder(draft.GateKind, policyRole);
                switch (await People.FitAsync(db, reviewerId, role, ct))
                {
                    case PlaceFit.LacksRole:
                        context.AddFailure(nameof(GateSubmissionDraft.ReviewerId), role == approval.DecidingRole
                            ? approval.ReviewerRefusal
                            : $"The reviewer must be {(role == Roles.Executive ? "an executive" : "an IT lead")}: the approval policy says who decides.");
                        break;
                    case PlaceFit.Inactive:
                        // Also the rollout's IT liaison or sponsor, the default when no reviewer is picked, after they left.
                        context.AddFailure(nameof(GateSubmissionDraft.ReviewerId), "Choose a reviewer from the list: that person has no active account.");
                        break;
                }
            });
    }
}

/// <summary>
/// A condition's owner is a real, active person, and not the reviewer deciding: the reviewer who sets a condition
/// does not also declare it met (the gate refuses it too).
/// </summary>
public sealed class GateDecisionServerRules : ServerRules<GateDecisionDraft>
{
    public GateDecisionServerRules()
    {
        When(d => d.Decision == DecisionKind.ApproveWithConditions, () => RuleForEach(d => d.Conditions)
            .CustomAsync(async (condition, context, ct) =>
            {
                if (string.IsNullOrEmpty(condition.OwnerId))
                {
                    return;
                }

                var edit = Edit(context);
                if (condition.OwnerId == edit.Actor.UserId)
                {
                    context.AddFailure(nameof(ConditionDraft.OwnerId), "You are deciding this gate: a condition is met by someone else, so choose another owner.");
                }
                else if (!await People.IsActiveAsync(edit.Db, condition.OwnerId, ct))
                {
                    context.AddFailure(nameof(ConditionDraft.OwnerId), "Choose an owner from the list: that person has no active account.");
                }
            }));
    }
}
