namespace ElearningRollout.Application.Administration;

/// <summary>One row of the administrators' user list.</summary>
public sealed record UserListRow(
    string Id, string DisplayName, string Email, string Department, IReadOnlyList<string> Roles,
    bool IsDisabled, bool IsLockedOut, IReadOnlyList<ProviderLoginRow> ProviderLogins);

/// <summary>A company account (single sign-on) linked to a product account: the provider and its id of the person.</summary>
public sealed record ProviderLoginRow(string Provider, string ProviderKey, string ProviderDisplayName);
