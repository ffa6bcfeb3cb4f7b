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
}
