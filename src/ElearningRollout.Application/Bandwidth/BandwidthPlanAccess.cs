using ElearningRollout.Application.Common;
using ElearningRollout.Domain.Common;

namespace ElearningRollout.Application.Bandwidth;

/// <summary>
/// Who may change a rollout's bandwidth plan and launch waves: its training owner (who plans the go-live), its IT
/// liaison (who owns the network evidence for the Infrastructure and network gate), and administrators. Everyone
/// signed in reads it, as they read the gate.
/// </summary>
public static class BandwidthPlanAccess
{
    public static bool CanEdit(Actor actor, string trainingOwnerId, string? itLiaisonId) =>
        actor.UserId == trainingOwnerId || (itLiaisonId is not null && actor.UserId == itLiaisonId) || actor.IsAdministrator;

    /// <summary>Why <paramref name="actor"/> may not change the plan, in words for the screen; null when they may.</summary>
    public static string? EditRefusal(Actor actor, string trainingOwnerId, string? itLiaisonId) =>
        CanEdit(actor, trainingOwnerId, itLiaisonId)
            ? null
            : "Only the rollout's training owner, its IT liaison or an administrator can change the bandwidth plan and the launch waves.";

    public static void EnsureCanEdit(Actor actor, string trainingOwnerId, string? itLiaisonId)
    {
        if (EditRefusal(actor, trainingOwnerId, itLiaisonId) is { } refusal)
        {
            throw new AccessRefusedException(refusal);
        }
    }
}
