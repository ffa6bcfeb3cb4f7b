using System.Text.Json;
using ElearningRollout.Application.Audit;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Common.Edits;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Identity.Provisioning;

/// <summary>
/// Administrators create SCIM tokens for an identity provider (the secret is returned once and only its hash is
/// stored) and revoke them. Both are written to the audit trail under the administrator's name.
/// </summary>
public sealed class ScimTokenCommands(EditPipeline edits) : IUseCases
{
    internal const string NotAnAdministrator = "Only administrators manage SCIM tokens.";

    internal static readonly EditAccess<EditContext> Administering = new(e =>
    {
        if (!e.Actor.IsAdministrator)
        {
            throw new AccessRefusedException(NotAnAdministrator);
        }
    });

    public Task<NewScimTokenView> CreateAsync(ScimTokenDraft draft, CancellationToken cancellationToken = default)
        => edits.ActAsync(Administering, async (e, ct) =>
        {
            await e.EnsureValidAsync(draft, ct);
            var secret = ScimToken.NewSecret();
            var token = new ScimToken
            {
                Id = Guid.NewGuid(),
                Name = draft.Name.Trim(),
                SecretHash = ScimToken.HashOf(secret),
                CreatedAt = e.Now,
                CreatedBy = e.Actor.DisplayName,
                // Accepted through the whole last day, in UTC.
                ExpiresAt = draft.ExpiresOn is { } day ? new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
            };
            e.Db.ScimTokens.Add(token);
            Record(e, token, "ScimTokenCreated", new { token.Name, token.ExpiresAt });
            return new NewScimTokenView(token.Id, token.Name, secret, token.ExpiresAt);
        }, cancellationToken);

    public Task RevokeAsync(Guid tokenId, CancellationToken cancellationToken = default)
        => edits.ActAsync(Administering, async (e, ct) =>
        {
            var token = await e.Db.ScimTokens.SingleOrDefaultAsync(t => t.Id == tokenId, ct)
                ?? throw new NotFoundException("That SCIM token no longer exists.");
            token.Revoke(e.Actor.DisplayName, e.Now);
            Record(e, token, "ScimTokenRevoked", new { token.Name });
            return true;
        }, cancellationToken);

    private static void Record(EditContext e, ScimToken token, string action, object after)
        => e.Db.AuditEntries.Add(new AuditEntry
        {
            At = e.Now,
            UserId = e.Actor.UserId,
            UserName = e.Actor.DisplayName,
            EntityType = ScimTokenAuthentication.EntityType,
            EntityId = token.Id.ToString(),
            Action = action,
            After = JsonSerializer.Serialize(after),
        });
}
