using ElearningRollout.Domain.Rollouts;

namespace ElearningRollout.Domain.Gates;

/// <summary>
/// Keeps a rollout's gates in line with what its profile requires. Gates are only ever added,
/// never removed or duplicated, so that nothing decided is lost when hosting or integrations change.
/// Call <see cref="GatesToAdd"/> after creating a rollout and after every change of hosting,
/// integrations or content source, then <see cref="ReconcileRequirements"/>.
/// </summary>
public sealed class RolloutGatePlanner
{
    /// <summary>New gates, from the current templates, for every required kind the rollout does not have yet; the caller saves them.</summary>
    public IReadOnlyList<ClearanceGate> GatesToAdd(
        Rollout rollout,
        IReadOnlyCollection<ClearanceGate> existing,
        GateTemplateSet templates)
    {
        rollout.EnsureNotFinal();
        EnsureGatesOf(rollout, existing);
        var present = existing.Select(g => g.Kind).ToHashSet();
        return templates.For(rollout)
            .Where(r => r.IsRequired && !present.Contains(r.Kind))
            .Select(r => new ClearanceGate(rollout.Id, templates.Of(r.Kind), isRequired: true))
            .ToList();
    }

    /// <summary>
    /// Marks existing gates required or not as the profile now says, and returns the gates it changed.
    /// A gate no longer needed is marked not required only while it has no decision; decided gates
    /// are left untouched (see <see cref="ClearanceGate.MarkNotRequired"/>).
    /// </summary>
    public IReadOnlyList<ClearanceGate> ReconcileRequirements(
        Rollout rollout, IReadOnlyCollection<ClearanceGate> existing, GateTemplateSet templates)
    {
        rollout.EnsureNotFinal();
        EnsureGatesOf(rollout, existing);
        var required = templates.For(rollout).Where(r => r.IsRequired).Select(r => r.Kind).ToHashSet();
        var changed = new List<ClearanceGate>();
        foreach (var gate in existing)
        {
            if (required.Contains(gate.Kind) && !gate.IsRequired)
            {
                gate.MarkRequired();
                changed.Add(gate);
            }
            else if (!required.Contains(gate.Kind) && gate.IsRequired && !gate.HasDecision)
            {
                gate.MarkNotRequired();
                changed.Add(gate);
            }
        }

        return changed;
    }

    private static void EnsureGatesOf(Rollout rollout, IReadOnlyCollection<ClearanceGate> existing)
    {
        if (existing.Any(g => g.RolloutId != rollout.Id))
        {
            throw new ArgumentException("Only the gates of this rollout may be passed.", nameof(existing));
        }
    }
}
