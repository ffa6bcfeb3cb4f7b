using System.Text.Json;
using ElearningRollout.Application.Audit;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Common.Edits;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Identity.ApiAccess;

/// <summary>
/// Everyone signed in creates and revokes their own personal access tokens (the secret is returned once and only its
/// hash is stored). Both are written to the audit trail under the person's name.
/// </summary>
public sealed class ApiTokenCommands(EditPipeline edits) : IUseCases
{
    /// <summary>Any signed-in person, for their own tokens (the pipeline refuses nobody signed in).</summary>
    private static readonly EditAccess<EditContext> OwnTokens = new(_ => { });

    public Task<NewApiTokenView> CreateAsync(ApiTokenDraft draft, CancellationToken cancellationToken = default)
        => edits.ActAsync(OwnTokens, async (e, ct) =>
        {
            await e.EnsureValidAsync(draft, ct);
            var secret = BearerSecret.New(ApiToken.SecretPrefix);
            var token = new ApiToken
            {
                Id = Guid.NewGuid(),
                UserId = e.Actor.UserId,
                Name = draft.Name.Trim(),
                Scope = draft.Scope,
                SecretHash = BearerSecret.HashOf(secret),
                CreatedAt = e.Now,
                // Accepted through the whole last day, in UTC.
                ExpiresAt = new DateTimeOffset(draft.ExpiresOn!.Value.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                // The session's actor has the Administrator role only when it signed in as the two-factor rule asks.
                ActsAsAdministrator = e.Actor.IsAdministrator,
            };
            e.Db.ApiTokens.Add(token);
            Record(e, token, ApiTokenAuthentication.CreatedAction, new
            {
                // Text values only: the audit log's reader (AuditText) reads every value as text.
                token.Name, Scope = token.Scope.ToString(), token.ExpiresAt, ActsAsAdministrator = token.ActsAsAdministrator ? "yes" : "no",
            });
            return new NewApiTokenView(token.Id, token.Name, token.Scope, secret, token.ExpiresAt);
        }, cancellationToken);

    /// <summary>Revokes one of the person's own tokens; another person's token is "not found", never "not yours".</summary>
    public Task RevokeAsync(Guid tokenId, CancellationToken cancellationToken = default)
        => edits.ActAsync(OwnTokens, async (e, ct) =>
        {
            var token = await e.Db.ApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == e.Actor.UserId, ct)
                ?? throw new NotFoundException("You have no such token.");
            token.Revoke(e.Now);
            Record(e, token, ApiTokenAuthentication.RevokedAction, new { token.Name });
            return true;
        }, cancellationToken);

    private static void Record(EditContext e, ApiToken token, string action, object after)
        => e.Db.AuditEntries.Add(new AuditEntry
        {
            At = e.Now,
            UserId = e.Actor.UserId,
            UserName = e.Actor.DisplayName,
            EntityType = ApiTokenAuthentication.EntityType,
            EntityId = token.Id.ToString(),
            Action = action,
            After = JsonSerializer.Serialize(after),
        });
}
