using Microsoft.AspNetCore.Identity;

namespace ElearningRollout.Application.Identity;

/// <summary>An account. Identity keeps the credentials; we add who the person is in the organisation.</summary>
public sealed class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public int DepartmentId { get; set; }

    public Department? Department { get; set; }

    /// <summary>The light/dark choice, remembered per user rather than per browser.</summary>
    public bool PrefersDarkMode { get; set; }

    /// <summary>Disabled accounts cannot sign in; open circuits drop them at the next revalidation.</summary>
    public bool IsDisabled { get; set; }

    /// <summary>The identity provider's own id for the person (SCIM externalId, e.g. Entra's object id); null for accounts made here.</summary>
    public string? ExternalId { get; set; }

    /// <summary>
    /// A new account signed in by its e-mail address. Every way an account comes to exist (an administrator, the
    /// provider at a first sign-in, SCIM, the bootstrap administrator, the demo seed) vouches for the address, so it
    /// is confirmed from the start: the product sends no confirmation mail of its own.
    /// </summary>
    public static ApplicationUser WithEmail(string email, string displayName, int departmentId) => new()
    {
        UserName = email,
        Email = email,
        EmailConfirmed = true,
        DisplayName = displayName,
        DepartmentId = departmentId,
    };
}
