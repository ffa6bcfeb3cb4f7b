namespace ElearningRollout.Application.Administration;

/// <summary>
/// One row of the administrators' user list. <see cref="ConcurrencyStamp"/> is Identity's version of the account as
/// read here: the Users dialog saves against it, so a change made meanwhile is a conflict rather than undone.
/// </summary>
public sealed record UserListRow(
    string Id, string DisplayName, string Email, string Department, IReadOnlyList<string> Roles,
    bool IsDisabled, bool IsLockedOut, IReadOnlyList<ProviderLoginRow> ProviderLogins, string ConcurrencyStamp);

/// <summary>A company account (single sign-on) linked to a product account: the provider and its id of the person.</summary>
public sealed record ProviderLoginRow(string Provider, string ProviderKey, string ProviderDisplayName);
