using ElearningRollout.Domain.Gates;

namespace ElearningRollout.Domain.Rollouts;

/// <summary>How the rollout reads its gates when a phase moves.</summary>
public sealed partial class Rollout
{
    private List<ClearanceGate> OwnGates(IEnumerable<ClearanceGate> gatesOfRollout)
    {
        var gates = gatesOfRollout.ToList();
        if (gates.Any(g => g.RolloutId != Id))
        {
            throw new ArgumentException("Only the gates of this rollout may be passed.", nameof(gatesOfRollout));
        }

        return gates;
    }

    /// <summary>Required by the current profile (even if not created yet) or marked required on the gate.</summary>
    private List<GateKind> UnclearedRequiredGates(List<ClearanceGate> gates, Func<PhaseKind, bool> guardsPhase)
    {
        var requiredByProfile = GateRequirements.For(this)
            .Where(r => r.IsRequired && guardsPhase(r.GuardedPhase))
            .Select(r => r.Kind);
        var requiredOnRecord = gates.Where(g => g.IsRequired && guardsPhase(g.GuardedPhase)).Select(g => g.Kind);
        return requiredByProfile
            .Union(requiredOnRecord)
            .Where(kind => !gates.Any(g => g.Kind == kind && g.IsCleared))
            .Order()
            .ToList();
    }

    private static string Names(IEnumerable<GateKind> kinds) => string.Join(", ", kinds.Select(k => k.DisplayName()));
}
