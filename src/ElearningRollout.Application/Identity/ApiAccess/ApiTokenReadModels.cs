namespace ElearningRollout.Application.Identity.ApiAccess;

/// <summary>One of the person's tokens on the profile page. The secret is never here: it exists only in <see cref="NewApiTokenView"/>, once.</summary>
public sealed record ApiTokenRow(
    Guid Id, string Name, ApiTokenScope Scope, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt, ApiTokenState State);

/// <summary>A token just created: the only time its secret is shown.</summary>
public sealed record NewApiTokenView(Guid Id, string Name, ApiTokenScope Scope, string Secret, DateTimeOffset ExpiresAt);
