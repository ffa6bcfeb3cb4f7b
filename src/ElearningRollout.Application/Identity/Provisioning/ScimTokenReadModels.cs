namespace ElearningRollout.Application.Identity.Provisioning;

/// <summary>One line of /admin/scim. The secret is never here: it exists only in <see cref="NewScimTokenView"/>, once.</summary>
public sealed record ScimTokenRow(
    Guid Id,
    string Name,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt,
    string? RevokedBy,
    ScimTokenState State);

/// <summary>A token just created: the only time its secret is shown.</summary>
public sealed record NewScimTokenView(Guid Id, string Name, string Secret, DateTimeOffset? ExpiresAt);
