namespace ElearningRollout.Application.Identity.Provisioning;

/// <summary>An account as SCIM shows it: the User resource.</summary>
public sealed record ProvisionedAccountView(
    string Id,
    string UserName,
    string DisplayName,
    string? Email,
    string Department,
    bool Active,
    string? ExternalId,
    IReadOnlyList<string> Roles);

/// <summary>One of the four roles as a SCIM Group: its id and display name are the role's name.</summary>
public sealed record ProvisionedGroupView(string Role, IReadOnlyList<ProvisionedMemberRow> Members);

public sealed record ProvisionedMemberRow(string Id, string DisplayName);

/// <summary>A page of a SCIM list: the rows asked for and how many match in all.</summary>
public sealed record ProvisionedPage<T>(IReadOnlyList<T> Rows, int TotalResults);

/// <summary>Which accounts a SCIM list asks for: all, or the one with this user name or external id.</summary>
public sealed record ProvisionedAccountFilter(string? UserName = null, string? ExternalId = null);

/// <summary>The user name or e-mail belongs to another account (SCIM's 409 uniqueness).</summary>
public sealed class AccountTakenException(string message) : Exception(message);
