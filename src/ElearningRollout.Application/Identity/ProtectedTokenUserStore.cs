using System.Security.Cryptography;
using ElearningRollout.Application.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace ElearningRollout.Application.Identity;

/// <summary>
/// Identity's EF user store, except that the authenticator key and the recovery codes ("[AspNetUserStore]" tokens in
/// AspNetUserTokens) are kept encrypted with Data Protection: whoever reads the database (a backup, an injection)
/// does not get everyone's second factor. A value stored before this (plain) is still read, and stored protected
/// at once (migrate on read). A value the key ring can no longer decrypt (keys revoked or lost) reads as none:
/// that person sets up an authenticator again (docs/operations.md).
/// </summary>
public sealed class ProtectedTokenUserStore(
    ElearningRolloutDbContext context, IDataProtectionProvider dataProtection, IdentityErrorDescriber? describer = null)
    : UserStore<ApplicationUser, IdentityRole, ElearningRolloutDbContext, string>(context, describer)
{
    public const string Purpose = "ElearningRollout.Identity.UserTokens.v1";

    /// <summary>Marks a protected value; plain authenticator keys (base32) and recovery codes never start with it.</summary>
    public const string Prefix = "dp1:";

    private const string IdentityStoreProvider = "[AspNetUserStore]";
    private const string AuthenticatorKeyName = "AuthenticatorKey";
    private const string RecoveryCodesName = "RecoveryCodes";

    private readonly IDataProtector _protector = dataProtection.CreateProtector(Purpose);

    private static bool IsSecret(string loginProvider, string name)
        => loginProvider == IdentityStoreProvider && name is AuthenticatorKeyName or RecoveryCodesName;

    public override Task SetTokenAsync(ApplicationUser user, string loginProvider, string name, string? value, CancellationToken cancellationToken)
        => base.SetTokenAsync(user, loginProvider, name,
            value is not null && IsSecret(loginProvider, name) ? Prefix + _protector.Protect(value) : value, cancellationToken);

    public override async Task<string?> GetTokenAsync(ApplicationUser user, string loginProvider, string name, CancellationToken cancellationToken)
    {
        var stored = await base.GetTokenAsync(user, loginProvider, name, cancellationToken);
        if (stored is null || !IsSecret(loginProvider, name))
        {
            return stored;
        }

        if (stored.StartsWith(Prefix, StringComparison.Ordinal))
        {
            try
            {
                return _protector.Unprotect(stored[Prefix.Length..]);
            }
            catch (CryptographicException)
            {
                return null;
            }
        }

        // Stored in clear before protection was added: protect it now, and keep only the protected value.
        await SetTokenAsync(user, loginProvider, name, stored, cancellationToken);
        if (AutoSaveChanges)
        {
            await Context.SaveChangesAsync(cancellationToken);
        }

        return stored;
    }
}
