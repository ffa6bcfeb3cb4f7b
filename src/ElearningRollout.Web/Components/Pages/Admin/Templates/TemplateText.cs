using ElearningRollout.Domain.Gates;

namespace ElearningRollout.Web.Components.Pages.Admin.Templates;

/// <summary>How the templates page words its values.</summary>
public static class TemplateText
{
    /// <summary>E.g. "Standard and Deep involvement", "every IT involvement profile".</summary>
    public static string Profiles(InvolvementProfiles profiles)
    {
        if (profiles == InvolvementProfiles.All)
        {
            return "every IT involvement profile";
        }

        var names = new[] { InvolvementProfiles.Light, InvolvementProfiles.Standard, InvolvementProfiles.Deep }
            .Where(p => profiles.HasFlag(p)).Select(p => p.ToString()).ToList();
        return names.Count == 0 ? "no profile" : $"{string.Join(" and ", names)} involvement";
    }
}
