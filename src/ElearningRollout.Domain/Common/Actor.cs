namespace ElearningRollout.Domain.Common;

/// <summary>
/// The signed-in person on whose behalf a use case runs: who they are, their department and roles.
/// Every rule that depends on "who" takes one of these, so rules can be tested without a web host.
/// </summary>
public sealed record Actor(string UserId, string DisplayName, string Department, IReadOnlySet<string> Roles)
{
    public bool IsInRole(string role) => Roles.Contains(role);

    public bool IsAdministrator => IsInRole(Common.Roles.Administrator);
}
