using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Rollouts;

namespace ElearningRollout.Application.Rollouts;

/// <summary>
/// What the form shows live while hosting, integrations and content source are chosen:
/// the derived IT involvement profile and the clearance gates it implies.
/// </summary>
public sealed record GatePreview(ItInvolvementProfile Profile, IReadOnlyList<GateRequirement> RequiredGates)
{
    /// <param name="templates">The current gate templates (<see cref="Templates.TemplateQueries.CurrentTemplatesAsync"/>).</param>
    public static GatePreview For(GateTemplateSet templates, HostingModel hosting, Integrations integrations, ContentSource contentSource)
    {
        var profile = ItInvolvement.Derive(hosting, integrations);
        var anyVendor = ItInvolvement.AnyVendorInvolved(hosting, contentSource);
        return new GatePreview(profile, templates.For(profile, anyVendor).Where(g => g.IsRequired).ToList());
    }
}
