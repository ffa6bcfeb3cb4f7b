using ElearningRollout.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Audit;

public enum SignInOutcome
{
    SignedIn,
    WrongPassword,
    LockedOut,
    Disabled,
    UnknownAccount,
}

/// <summary>
/// Appends every sign-in attempt to the audit trail (ASVS: authentication events are logged):
/// the account when it exists, the outcome and the time; never the password or the e-mail typed.
/// </summary>
public sealed class SignInAudit(IDbContextFactory<ElearningRolloutDbContext> dbFactory, TimeProvider clock)
{
    public async Task RecordAsync(string? userId, string? displayName, SignInOutcome outcome, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            UserId = userId,
            UserName = displayName ?? "(unknown account)",
            EntityType = "Account",
            EntityId = userId ?? "unknown",
            Action = outcome.ToString(),
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
