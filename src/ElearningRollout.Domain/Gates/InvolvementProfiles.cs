using ElearningRollout.Domain.Rollouts;

namespace ElearningRollout.Domain.Gates;

/// <summary>A set of IT involvement profiles: those that require a gate kind.</summary>
[Flags]
public enum InvolvementProfiles
{
    None = 0,
    Light = 1,
    Standard = 2,
    Deep = 4,
    All = Light | Standard | Deep,
}

public static class InvolvementProfilesExtensions
{
    public static InvolvementProfiles AsSet(this ItInvolvementProfile profile) => profile switch
    {
        ItInvolvementProfile.Light => InvolvementProfiles.Light,
        ItInvolvementProfile.Standard => InvolvementProfiles.Standard,
        ItInvolvementProfile.Deep => InvolvementProfiles.Deep,
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, null),
    };

    public static bool Contains(this InvolvementProfiles set, ItInvolvementProfile profile) => (set & profile.AsSet()) != 0;
}
