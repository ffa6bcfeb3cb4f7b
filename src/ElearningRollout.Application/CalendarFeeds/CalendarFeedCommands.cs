using System.Text.Json;
using ElearningRollout.Application.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ElearningRollout.Application.CalendarFeeds;

/// <summary>
/// Everyone signed in may create their own calendar feed (the address is returned once; a new one revokes the old)
/// and revoke it. Both are written to the audit trail. Nobody manages another person's feed.
/// </summary>
public sealed class CalendarFeedCommands(EditPipeline edits, IOptionsMonitor<IntegrationOptions> options) : IUseCases
{
    internal static readonly EditAccess<EditContext> ForOneself = new(_ => { });

    public Task<NewCalendarFeedView> CreateAsync(CancellationToken cancellationToken = default)
        => edits.ActAsync(ForOneself, async (e, ct) =>
        {
            await RevokeInUseAsync(e, ct);
            var secret = CalendarFeedToken.NewSecret();
            var token = new CalendarFeedToken { Id = Guid.NewGuid(), UserId = e.Actor.UserId, SecretHash = CalendarFeedToken.HashOf(secret), CreatedAt = e.Now };
            e.Db.Set<CalendarFeedToken>().Add(token);
            Record(e, token, "CalendarFeedCreated");
            return new NewCalendarFeedView(options.CurrentValue.LinkTo(CalendarFeedToken.PathOf(secret)));
        }, cancellationToken);

    public Task RevokeAsync(CancellationToken cancellationToken = default)
        => edits.ActAsync(ForOneself, async (e, ct) =>
        {
            if (await RevokeInUseAsync(e, ct) == 0)
            {
                throw new NotFoundException("You have no calendar feed in use.");
            }

            return true;
        }, cancellationToken);

    private static async Task<int> RevokeInUseAsync(EditContext e, CancellationToken ct)
    {
        var inUse = await e.Db.Set<CalendarFeedToken>().Where(t => t.UserId == e.Actor.UserId && t.RevokedAt == null).ToListAsync(ct);
        foreach (var token in inUse)
        {
            token.RevokedAt = e.Now;
            Record(e, token, "CalendarFeedRevoked");
        }

        return inUse.Count;
    }

    private static void Record(EditContext e, CalendarFeedToken token, string action)
        => e.Db.AuditEntries.Add(new AuditEntry
        {
            At = e.Now,
            UserId = e.Actor.UserId,
            UserName = e.Actor.DisplayName,
            EntityType = nameof(CalendarFeedToken),
            EntityId = token.Id.ToString(),
            Action = action,
            After = JsonSerializer.Serialize(new { Person = e.Actor.DisplayName }),
        });
}
