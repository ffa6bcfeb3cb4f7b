namespace ElearningRollout.Application.Gates.ReviewLinks;

/// <summary>
/// A "decide from the e-mail" link sent to a reviewer with a review request: it opens the gate's decision page once,
/// for that person, after they sign in, until it expires. The e-mail carries the link's id signed and encrypted with Data
/// Protection (<see cref="ReviewLinkIssuer"/>), so the row holds nothing secret: it says whom the link was sent to, for which
/// gate, until when, and when it was used. Stands alone (no key to the gate, which may be removed with its rollout while
/// the mail is still in someone's inbox); audited like every table, so who opened which link is on record.
/// </summary>
public sealed class ReviewLink
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid GateId { get; init; }

    public string RecipientId { get; init; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>When it was opened; a concurrency token, so two opens at the same moment cannot both use it.</summary>
    public DateTimeOffset? UsedAt { get; set; }
}
