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

    /// <summary>
    /// The gates on record that are marked required. Which kinds a profile requires is template data that administrators
    /// change; <see cref="RolloutGatePlanner"/> turns it into gates whenever the profile is derived, so a template
    /// edit never blocks a phase with a gate nobody can work on.
    /// </summary>
    private static List<GateKind> UnclearedRequiredGates(List<ClearanceGate> gates, Func<PhaseKind, bool> guardsPhase)
    {
        return gates.Where(g => g.IsRequired && guardsPhase(g.GuardedPhase) && !g.IsCleared)
            .Select(g => g.Kind)
            .Distinct()
            .Order()
            .ToList();
    }

    private static string Names(IEnumerable<GateKind> kinds) => string.Join(", ", kinds.Select(k => k.DisplayName()));
}
