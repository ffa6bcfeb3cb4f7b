using ElearningRollout.Application.Notifications;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.CostSharing;
using Microsoft.EntityFrameworkCore;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Common.Edits;

namespace ElearningRollout.Application.CostSharing;

/// <summary>
/// The notices an agreement step causes, written into the same save as the step: a signature awaiting someone
/// (once, when a version is proposed), a comment for the other side. The IT side is the rollout's IT liaison, or every IT lead when it has none.
/// </summary>
public sealed class CostSharingNotifier(TimeProvider clock) : IFeatureService
{
    public static string LinkTo(string rolloutCode) => $"/rollouts/{rolloutCode}?tab=costs";

    /// <summary>When a version is proposed: both sides' signatories, except the person who proposed it (they know).</summary>
    internal async Task SignatureAwaitedAsync(ElearningRolloutDbContext db, RolloutFacts rollout, CostSharingAgreement agreement, string actorId, CancellationToken cancellationToken)
    {
        List<string> recipients = [rollout.TrainingOwnerId, .. await ItSideAsync(db, rollout, cancellationToken)];

        Add(db, recipients.Where(r => r != actorId), NotificationKind.SignatureAwaitingMe,
            $"Your signature awaits on the cost-sharing agreement (version {agreement.VersionNumber}) of {rollout.Code} {rollout.Title}", rollout.Code);
    }

    /// <summary>A comment from the IT side goes to the training owner; one from Training goes to the IT side; earlier voices hear too.</summary>
    internal async Task CommentedAsync(ElearningRolloutDbContext db, RolloutFacts rollout, CostSharingAgreement agreement, string authorId, string authorName, CancellationToken cancellationToken)
    {
        var earlier = await db.AgreementComments.Where(c => c.AgreementId == agreement.Id).Select(c => c.AuthorId).Distinct().ToListAsync(cancellationToken);
        var recipients = new List<string>(earlier) { rollout.TrainingOwnerId };
        if (authorId == rollout.TrainingOwnerId)
        {
            recipients.AddRange(await ItSideAsync(db, rollout, cancellationToken));
        }

        Add(db, recipients.Where(r => r != authorId), NotificationKind.AgreementComment,
            $"{authorName} commented on the cost-sharing agreement of {rollout.Code} {rollout.Title}", rollout.Code);
    }

    private static async Task<List<string>> ItSideAsync(ElearningRolloutDbContext db, RolloutFacts rollout, CancellationToken cancellationToken)
        => rollout.ItLiaisonId is { } liaison ? [liaison] : await Notices.UsersInRoleAsync(db, Roles.ItLead, cancellationToken);

    private void Add(ElearningRolloutDbContext db, IEnumerable<string> recipients, NotificationKind kind, string title, string rolloutCode)
        => Notices.Add(db, recipients, kind, title, LinkTo(rolloutCode), clock.GetUtcNow());
}
