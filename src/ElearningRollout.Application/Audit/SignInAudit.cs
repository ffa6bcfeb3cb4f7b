using System.Text.Json;
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

    /// <summary>The password was right and the second factor is still to come: not signed in yet.</summary>
    PasswordAccepted,
    TwoFactorFailed,
    RecoveryCodeFailed,
    SignedInWithRecoveryCode,
}

/// <summary>What a person did to their own account's credentials (and the first administrator's creation).</summary>
public enum AccountEvent
{
    AdministratorCreated,
    PasswordChanged,
    TwoFactorEnabled,
    TwoFactorDisabled,
    AuthenticatorReset,
    RecoveryCodesGenerated,
}

/// <summary>
/// Appends every sign-in attempt and every change of a person's own credentials to the audit trail (ASVS:
/// authentication events are logged): the account when it exists, the outcome, the time and the client address
/// (in <see cref="AuditEntry.After"/> as <c>{"ClientAddress": ...}</c>); never a password, code or the e-mail typed.
/// </summary>
public sealed class SignInAudit(IDbContextFactory<ElearningRolloutDbContext> dbFactory, TimeProvider clock)
{
    public Task RecordAsync(string? userId, string? displayName, SignInOutcome outcome, string? clientAddress = null, CancellationToken cancellationToken = default)
        => AppendAsync(userId, displayName, outcome.ToString(), clientAddress is null ? null : new { ClientAddress = clientAddress }, cancellationToken);

    public Task RecordAsync(string userId, string? displayName, AccountEvent accountEvent, string? clientAddress, CancellationToken cancellationToken = default)
        => AppendAsync(userId, displayName, accountEvent.ToString(), clientAddress is null ? null : new { ClientAddress = clientAddress }, cancellationToken);

    private async Task AppendAsync(string? userId, string? displayName, string action, object? details, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            UserId = userId,
            UserName = displayName ?? "(unknown account)",
            EntityType = "Account",
            EntityId = userId ?? "unknown",
            Action = action,
            After = details is null ? null : JsonSerializer.Serialize(details),
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
