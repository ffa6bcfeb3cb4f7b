namespace ElearningRollout.Application.Administration;

/// <summary>One row of the administrators' user list.</summary>
public sealed record UserListRow(
    string Id, string DisplayName, string Email, string Department, IReadOnlyList<string> Roles,
    bool IsDisabled, bool IsLockedOut);
