using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Rollouts;

namespace ElearningRollout.Domain.Gates;

/// <summary>
/// The current gate templates, one per kind, as the application read them from the database: which gates a rollout
/// needs and what a new gate copies. Pure: the same templates and facts always give the same answer.
/// </summary>
public sealed class GateTemplateSet
{
    private readonly Dictionary<GateKind, GateTemplate> _byKind;

    public GateTemplateSet(IEnumerable<GateTemplate> templates)
    {
        _byKind = [];
        foreach (var template in templates)
        {
            if (!_byKind.TryAdd(template.Kind, template))
            {
                throw new ArgumentException($"Two templates for {template.Kind.DisplayName()}.", nameof(templates));
            }
        }
    }

    /// <summary>In phase order, then kind order: the order gates are listed everywhere.</summary>
    public IReadOnlyList<GateTemplate> Templates => [.. _byKind.Values.OrderBy(t => t.GuardedPhase).ThenBy(t => t.Kind)];

    public GateTemplate Of(GateKind kind) => _byKind.TryGetValue(kind, out var template)
        ? template
        : throw new DomainException($"There is no template for the {kind.DisplayName()} gate; ask an administrator.");

    /// <summary>Every gate kind with its guarded phase, in phase order; IsRequired says whether such a rollout needs it.</summary>
    public IReadOnlyList<GateRequirement> For(ItInvolvementProfile profile, bool anyVendorInvolved)
        => [.. Templates.Select(t => new GateRequirement(t.Kind, t.GuardedPhase, t.IsRequiredFor(profile, anyVendorInvolved)))];

    public IReadOnlyList<GateRequirement> For(Rollout rollout) => For(rollout.Profile, rollout.AnyVendorInvolved);
}
