using ElearningRollout.Application.Notifications;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Application.Common.Edits;
using ElearningRollout.Application.Common;

namespace ElearningRollout.Application.Gates;

/// <summary>
/// Writes the notifications a gate step causes into the same save as the step itself,
/// so a decision and its notice are stored together or not at all.
/// </summary>
public sealed class GateNotifier(TimeProvider clock) : IFeatureService
{
    public static string LinkTo(Guid gateId) => $"/gates/{gateId}";

    /// <summary>
    /// Tells each reviewer of the new round (or their stand-in, while they are away) that the gate awaits them; with no
    /// reviewer picked under "any one reviewer", everyone holding the deciding role.
    /// </summary>
    public async Task SubmittedAsync(ElearningRolloutDbContext db, ClearanceGate gate, RolloutFacts rollout, CancellationToken cancellationToken, StandIns? standIns = null)
    {
        var signOff = gate.Approval.SignsOffRollout;
        var roster = standIns ?? StandIns.None;
        var assigned = gate.CurrentReviews.Where(r => r.ReviewerId is not null).Select(r => gate.HolderOf(r, roster)!).ToList();
        if (assigned.Count == 0 && gate.ReviewerId is { } reviewer)
        {
            assigned.Add(roster.For(reviewer) ?? reviewer);
        }

        var recipients = assigned.Count > 0
            ? assigned
            : await Notices.UsersInRoleAsync(db, gate.DeciderRole, cancellationToken);
        var title = signOff
            ? $"Go-live sign-off awaits you: {rollout.Code} {rollout.Title}"
            : $"{gate.Kind.DisplayName()} submitted to you: {rollout.Code} {rollout.Title}";
        Add(db, recipients.Distinct().Where(r => r != gate.CurrentRound?.SubmittedById),
            signOff ? NotificationKind.SignOffAwaitingMe : NotificationKind.GateSubmittedToMe, title, gate.Id);
    }

    /// <summary>Tells the person an administrator handed a review to.</summary>
    public void ReassignedAsync(ElearningRolloutDbContext db, ClearanceGate gate, RolloutFacts rollout, string newReviewerId)
        => Add(db, [newReviewerId], gate.Approval.SignsOffRollout ? NotificationKind.SignOffAwaitingMe : NotificationKind.GateSubmittedToMe,
            $"{gate.Kind.DisplayName()} review reassigned to you: {rollout.Code} {rollout.Title}", gate.Id);

    /// <summary>Tells a stand-in about the undecided reviews that are theirs from now while the reviewer is away.</summary>
    public void HandedToStandIn(ElearningRolloutDbContext db, string standInId, string reviewerName, IReadOnlyList<(Guid GateId, string Title)> gates)
    {
        foreach (var (gateId, title) in gates)
        {
            Add(db, [standInId], NotificationKind.GateSubmittedToMe, $"Standing in for {reviewerName}: {title}", gateId);
        }
    }

    public Task DecidedAsync(ElearningRolloutDbContext db, ClearanceGate gate, RolloutFacts rollout, CancellationToken cancellationToken)
    {
        var round = gate.CurrentRound!;
        var decision = round.Decision switch
        {
            GateDecision.Approved => "approved",
            GateDecision.ApprovedWithConditions => "approved with conditions",
            GateDecision.Rejected => "rejected",
            _ => "waived",
        };
        Add(db, new[] { round.SubmittedById, rollout.TrainingOwnerId }.OfType<string>().Where(u => u != round.DecidedById),
            NotificationKind.DecisionOnMyGate, $"{gate.Kind.DisplayName()} of {rollout.Code} {decision}", gate.Id);
        foreach (var condition in gate.Conditions.Where(c => c.RoundNumber == round.Number))
        {
            Add(db, [condition.OwnerId], NotificationKind.ConditionAssignedToMe,
                $"A condition on {rollout.Code} is yours, due {condition.DueDate:yyyy-MM-dd}: {Shorten(condition.Text)}", gate.Id);
        }

        CountWhenStored(db, gate.Kind.ToString(), round.Decision?.ToString() ?? "Waived");
        return Task.CompletedTask;
    }

    /// <summary>The decision is counted once the save that carries it (and its notices) succeeds, not when it is attempted.</summary>
    private static void CountWhenStored(ElearningRolloutDbContext db, string gateKind, string decision)
    {
        var counted = false;
        db.SavedChanges += (_, _) =>
        {
            if (!counted)
            {
                counted = true;
                Common.ProductMetrics.GateDecided(gateKind, decision);
            }
        };
    }

    private void Add(ElearningRolloutDbContext db, IEnumerable<string> recipients, NotificationKind kind, string title, Guid gateId)
        => Notices.Add(db, recipients, kind, title, LinkTo(gateId), clock.GetUtcNow());

    private static string Shorten(string text) => Notices.Shorten(text, 120);
}
