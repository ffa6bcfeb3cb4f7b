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

    /// <summary>The identity provider vouched for the person and the product's rules accepted them (see <see cref="Identity.ExternalSignIn"/>).</summary>
    SignedInWithProvider,

    /// <summary>The provider vouched for the person; the product's second factor is still to come: not signed in yet.</summary>
    ProviderAccepted,

    /// <summary>The provider's answer was refused: a rule of <see cref="Identity.ExternalSignIn"/> or a failed protocol check (signature, audience, expiry, nonce).</summary>
    ProviderSignInRefused,

    /// <summary>A right password for an account that must use single sign-on (local passwords are off for everyone but administrators).</summary>
    LocalPasswordRefused,

    /// <summary>The person ended their session with Sign out (the end of what <see cref="SignedIn"/> began).</summary>
    SignedOut,
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

    /// <summary>The first sign-in through the identity provider linked the provider's account to this one.</summary>
    ProviderLoginLinked,

    /// <summary>Just-in-time creation: the provider's first sign-in of an unknown person created the account.</summary>
    AccountCreatedAtSignIn,

    /// <summary>Roles (and department) refreshed from the provider's claims at sign-in.</summary>
    RolesChangedFromClaims,
    DepartmentChangedFromClaims,
}

/// <summary>
/// Appends every sign-in attempt and every change of a person's own credentials to the audit trail (ASVS:
/// authentication events are logged): the account when it exists, the outcome, the time and the client address
/// (in <see cref="AuditEntry.After"/> as <c>{"ClientAddress": ...}</c>); never a password, code or the e-mail typed.
/// </summary>
public sealed class SignInAudit(IDbContextFactory<ElearningRolloutDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>What account entries name as their kind of record; their record id is the account's.</summary>
    public const string EntityType = "Account";

    public Task RecordAsync(string? userId, string? displayName, SignInOutcome outcome, string? clientAddress = null, CancellationToken cancellationToken = default)
        => AppendAsync(userId, displayName, outcome.ToString(), clientAddress is null ? null : new { ClientAddress = clientAddress }, cancellationToken);

    public Task RecordAsync(string userId, string? displayName, AccountEvent accountEvent, string? clientAddress, CancellationToken cancellationToken = default)
        => AppendAsync(userId, displayName, accountEvent.ToString(), clientAddress is null ? null : new { ClientAddress = clientAddress }, cancellationToken);

    /// <summary>A sign-in event with what explains it (the provider, a refusal's reason, the roles before and after); never a token.</summary>
    public Task RecordAsync(string? userId, string? displayName, SignInOutcome outcome, object details, CancellationToken cancellationToken = default)
        => AppendAsync(userId, displayName, outcome.ToString(), details, cancellationToken);

    public Task RecordAsync(string userId, string? displayName, AccountEvent accountEvent, object details, CancellationToken cancellationToken = default)
        => AppendAsync(userId, displayName, accountEvent.ToString(), details, cancellationToken);

    private async Task AppendAsync(string? userId, string? displayName, string action, object? details, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            UserId = userId,
            UserName = displayName ?? "(unknown account)",
            EntityType = EntityType,
            EntityId = userId ?? "unknown",
            Action = action,
            After = details is null ? null : JsonSerializer.Serialize(details),
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
