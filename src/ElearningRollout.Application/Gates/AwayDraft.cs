using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Gates;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Gates;

/// <summary>A reviewer's out-of-office period as they type it: the days away and who stands in.</summary>
public sealed class AwayDraft
{
    public DateOnly? From { get; set; }

    public DateOnly? Until { get; set; }

    public string? StandInId { get; set; }
}

public sealed class AwayDraftValidator : AbstractValidator<AwayDraft>
{
    public AwayDraftValidator(TimeProvider clock)
    {
        RuleFor(d => d.From).NotNull().WithMessage("Set the first day you are away.");
        RuleFor(d => d.Until).NotNull().WithMessage("Set the last day you are away.");
        RuleFor(d => d.Until).Must((d, until) => until >= d.From).When(d => d.From is not null && d.Until is not null)
            .WithMessage("The last day cannot be before the first day.");
        RuleFor(d => d.Until).Must(until => until >= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).When(d => d.Until is not null)
            .WithMessage("The last day cannot be in the past.");
        RuleFor(d => d.StandInId).NotEmpty().WithMessage("Choose who stands in for you.");
    }
}

/// <summary>
/// The stand-in has an active account, holds a deciding role the reviewer holds (an IT lead for an IT lead), and did not
/// submit a gate whose review they would decide for the reviewer (separation of duties).
/// </summary>
public sealed class AwayServerRules : ServerRules<AwayDraft>
{
    public AwayServerRules()
    {
        RuleFor(d => d.StandInId).CustomAsync(async (standInId, context, ct) =>
        {
            if (string.IsNullOrEmpty(standInId))
            {
                return;
            }

            var edit = Edit(context);
            var roles = StandInAccess.DecidingRoles.Where(edit.Actor.IsInRole).ToList();
            if (await Common.People.FitAsync(edit.Db, standInId, roles, ct) != Common.PlaceFit.Fits)
            {
                context.AddFailure(nameof(AwayDraft.StandInId), "Your stand-in must be an active person with your reviewing role; choose from the list.");
                return;
            }

            var reviewerId = edit.Actor.UserId;
            var awaiting = await GateStore.AwaitingReviewFrom(edit.Db, reviewerId).ToListAsync(ct);
            if (awaiting.Any(g => g.CurrentRound?.SubmittedById == standInId && g.AwaitsReviewFrom(reviewerId)))
            {
                context.AddFailure(nameof(AwayDraft.StandInId), "That person submitted a gate you are reviewing, so they cannot decide it for you; choose someone else.");
            }
        });
    }
}

/// <summary>Who may be away with a stand-in: people who review gates (the deciding roles), for themselves.</summary>
public static class StandInAccess
{
    public static readonly IReadOnlyList<string> DecidingRoles =
        [.. Enum.GetValues<GateKind>().Select(k => GateApprovalPolicy.For(k).DecidingRole).Distinct()];

    public static string? WhyMayNotSetAway(Actor actor) => DecidingRoles.Any(actor.IsInRole)
        ? null
        : "Only reviewers (IT leads and executives) set a stand-in for when they are away.";

    public static void EnsureCanSetAway(Actor actor)
    {
        if (WhyMayNotSetAway(actor) is { } refusal)
        {
            throw new Common.AccessRefusedException(refusal);
        }
    }

    public static void EnsureOwnAbsence(Actor actor, ReviewerAbsence absence)
    {
        if (absence.ReviewerId != actor.UserId)
        {
            throw new Common.AccessRefusedException("Only the reviewer who is away changes or ends their absence.");
        }
    }
}
