using ElearningRollout.Domain.Common;

namespace ElearningRollout.Application.Identity;

/// <summary>
/// Administrators must sign in with two factors (ASVS 6.3.3 for privileged accounts). A session of an administrator
/// who signed in with a password only acts without the Administrator role, so every administrator-only use case
/// refuses it (and the refusal is audited) however the request reached the application layer.
/// </summary>
public static class AdministratorTwoFactor
{
    /// <summary>Configuration switch; on unless set to false (the Development settings turn it off for the demo admin@).</summary>
    public const string RequiredSetting = "Security:RequireTwoFactorForAdministrators";

    /// <summary>The claim ASP.NET Core Identity adds when the sign-in used a second factor ("amr" = "mfa").</summary>
    public const string AuthenticationMethodClaim = "amr";
    public const string MultiFactor = "mfa";

    /// <summary>The actor this session acts as.</summary>
    public static Actor ForSession(Actor actor, bool signedInWithTwoFactor, bool required)
        => required && actor.IsAdministrator && !signedInWithTwoFactor
            ? actor with { Roles = actor.Roles.Where(r => r != Roles.Administrator).ToHashSet() }
            : actor;
}
