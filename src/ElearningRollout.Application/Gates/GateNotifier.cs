using ElearningRollout.Application.Notifications;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Rollouts;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Gates;

/// <summary>
/// Writes the notifications a gate step causes into the same save as the step itself,
/// so a decision and its notice are stored together or not at all.
/// </summary>
public sealed class GateNotifier(TimeProvider clock)
{
    public static string LinkTo(Guid gateId) => $"/gates/{gateId}";

    public async Task SubmittedAsync(ElearningRolloutDbContext db, ClearanceGate gate, Rollout rollout, CancellationToken cancellationToken)
    {
        var signOff = gate.Kind == GateKind.GoLiveSignOff;
        var recipients = gate.ReviewerId is { } reviewer
            ? [reviewer]
            : await UsersInRoleAsync(db, GateRequirements.DecidingRole(gate.Kind), cancellationToken);
        var title = signOff
            ? $"Go-live sign-off awaits you: {rollout.Code} {rollout.Title}"
            : $"{gate.Kind.DisplayName()} submitted to you: {rollout.Code} {rollout.Title}";
        Add(db, recipients.Where(r => r != gate.CurrentRound?.SubmittedById),
            signOff ? NotificationKind.SignOffAwaitingMe : NotificationKind.GateSubmittedToMe, title, gate.Id);
    }

    public Task DecidedAsync(ElearningRolloutDbContext db, ClearanceGate gate, Rollout rollout, CancellationToken cancellationToken)
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

        return Task.CompletedTask;
    }

    private void Add(ElearningRolloutDbContext db, IEnumerable<string> recipients, NotificationKind kind, string title, Guid gateId)
    {
        foreach (var userId in recipients.Distinct())
        {
            db.Notifications.Add(new Notification
            {
                UserId = userId,
                Kind = kind,
                Title = Shorten(title, 400),
                Link = LinkTo(gateId),
                CreatedAt = clock.GetUtcNow(),
            });
        }
    }

    private static string Shorten(string text, int max = 120) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");

    private static async Task<List<string>> UsersInRoleAsync(ElearningRolloutDbContext db, string role, CancellationToken cancellationToken)
        => await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .Where(x => x.Name == role).Select(x => x.UserId).ToListAsync(cancellationToken);
}
