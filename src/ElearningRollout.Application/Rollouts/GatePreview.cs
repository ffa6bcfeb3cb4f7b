using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Rollouts;

namespace ElearningRollout.Application.Rollouts;

/// <summary>
/// What the form shows live while hosting, integrations and content source are chosen:
/// the derived IT involvement profile and the clearance gates it implies.
/// </summary>
public sealed record GatePreview(ItInvolvementProfile Profile, IReadOnlyList<GateRequirement> RequiredGates)
{
    public static GatePreview For(HostingModel hosting, Integrations integrations, ContentSource contentSource)
    {
        var profile = ItInvolvement.Derive(hosting, integrations);
        var anyVendor = ItInvolvement.AnyVendorInvolved(hosting, contentSource);
        return new GatePreview(profile, GateRequirements.For(profile, anyVendor).Where(g => g.IsRequired).ToList());
    }
}
