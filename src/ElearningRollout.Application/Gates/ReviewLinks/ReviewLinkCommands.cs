using ElearningRollout.Application.Audit;
using ElearningRollout.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Gates.ReviewLinks;

/// <summary>Why a review link did not open the gate, for the page that says so.</summary>
public enum ReviewLinkRefusal
{
    /// <summary>Not a link this installation issued (changed, cut short, or made up).</summary>
    NotValid,
    Expired,
    AlreadyUsed,
    /// <summary>Sent to someone else than the person signed in.</summary>
    SomeoneElses,
}

/// <summary>What opening a review link gives: the gate to go to, or why not.</summary>
public sealed record ReviewLinkOutcome(Guid? GateId, ReviewLinkRefusal? Refusal);

/// <summary>
/// Opens a review link from an e-mail: for the signed-in person it was sent to, once, before it expires. Opening only
/// leads to the gate's page; the decision is taken there, as always, by the gate's own rules. Every refusal is audited
/// (a link used twice or by someone else may have been forwarded or stolen).
/// </summary>
public sealed class ReviewLinkCommands(
    IDbContextFactory<ElearningRolloutDbContext> dbFactory, ICurrentActor currentActor, ReviewLinkIssuer issuer, RefusalAudit refusals, TimeProvider clock) : IUseCases
{
    public async Task<ReviewLinkOutcome> OpenAsync(string token, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.RequireAsync(cancellationToken);
        if (issuer.Read(token) is not { } id)
        {
            return await RefuseAsync(actor, ReviewLinkRefusal.NotValid, "A review link that was not issued here was opened.", cancellationToken);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditActor = AuditActor.Of(actor);
        var link = await db.ReviewLinks.SingleOrDefaultAsync(l => l.Id == id, cancellationToken);
        var now = clock.GetUtcNow();
        var refusal = link switch
        {
            null => ReviewLinkRefusal.NotValid,
            { UsedAt: not null } => ReviewLinkRefusal.AlreadyUsed,
            _ when link.RecipientId != actor.UserId => ReviewLinkRefusal.SomeoneElses,
            _ when link.ExpiresAt <= now => ReviewLinkRefusal.Expired,
            _ => (ReviewLinkRefusal?)null,
        };
        if (refusal is { } why)
        {
            return await RefuseAsync(actor, why, $"The review link {id:N} was refused: {why}.", cancellationToken);
        }

        link!.UsedAt = now;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Opened at the same moment elsewhere (a second tab, a mail scanner signed in as them): that one used it.
            return await RefuseAsync(actor, ReviewLinkRefusal.AlreadyUsed, $"The review link {id:N} was refused: {ReviewLinkRefusal.AlreadyUsed}.", cancellationToken);
        }

        return new ReviewLinkOutcome(link.GateId, null);
    }

    private async Task<ReviewLinkOutcome> RefuseAsync(Domain.Common.Actor actor, ReviewLinkRefusal refusal, string auditText, CancellationToken cancellationToken)
    {
        await refusals.RefuseAsync(actor, auditText, cancellationToken);
        return new ReviewLinkOutcome(null, refusal);
    }
}
