using ElearningRollout.Application.Audit;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Identity;

/// <summary>Who the identity provider says signed in: its validated claims, already read through the configured claim names.</summary>
/// <param name="Provider">The authentication scheme, stored as the login's provider (AspNetUserLogins.LoginProvider).</param>
/// <param name="Subject">The provider's stable id of the person ("sub"), stored as the login's key.</param>
/// <param name="RoleClaims">The raw app-role or group values; <see cref="ExternalSignInRules.RoleMap"/> turns them into the product's roles.</param>
public sealed record ExternalIdentity(
    string Provider,
    string ProviderDisplayName,
    string Subject,
    string? Email,
    bool EmailVerified,
    string? DisplayName,
    IReadOnlyCollection<string> RoleClaims,
    string? Department);

/// <summary>Where an account's roles and department are managed once it signs in through the provider.</summary>
public enum RoleSource
{
    /// <summary>Administrators manage them in the product (the default); the provider's claims only seed a just-in-time account.</summary>
    Product,

    /// <summary>The provider's claims win: refreshed at every sign-in.</summary>
    Provider,
}

/// <summary>The operator's choices for external sign-in (from Authentication:Oidc:*).</summary>
/// <param name="TrustProviderEmail">Treat every e-mail from this provider as verified (an operator who knows the directory owns its addresses).</param>
/// <param name="CreateAccounts">Just-in-time creation of unknown people; off by default (administrators or provisioning create accounts).</param>
/// <param name="RoleMap">App-role or group value → product role; values not in the map are ignored.</param>
public sealed record ExternalSignInRules(
    bool TrustProviderEmail,
    bool CreateAccounts,
    RoleSource RoleSource,
    IReadOnlyDictionary<string, string> RoleMap)
{
    public static readonly ExternalSignInRules Default = new(false, false, RoleSource.Product, new Dictionary<string, string>());

    /// <summary>The product roles the claims map to; only the four roles, whatever the map says.</summary>
    public IReadOnlySet<string> RolesFor(IEnumerable<string> roleClaims)
        => roleClaims
            .Select(value => RoleMap.TryGetValue(value, out var role) ? role : null)
            .Select(role => Roles.All.FirstOrDefault(known => string.Equals(known, role, StringComparison.OrdinalIgnoreCase)))
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
}

/// <summary>Why a provider's sign-in was refused; each has a message the sign-in page shows.</summary>
public enum ExternalSignInRefusal
{
    /// <summary>The provider's answer failed a protocol check (signature, audience, expiry, nonce, state) or reported an error.</summary>
    ProviderAnswerInvalid,
    NoEmail,
    EmailNotVerified,
    NoAccount,
    UnknownDepartment,
    AccountDisabled,
}

/// <summary>The outcome: the account to sign in, or why not.</summary>
public sealed record ExternalSignInResult(ApplicationUser? Account, ExternalSignInRefusal? Refusal)
{
    public bool Accepted => Account is not null && Refusal is null;

    public static string Message(ExternalSignInRefusal refusal, string provider) => refusal switch
    {
        ExternalSignInRefusal.ProviderAnswerInvalid => $"The answer from {provider} could not be trusted, so you are not signed in. Try again; if it happens again, tell an administrator.",
        ExternalSignInRefusal.NoEmail => $"{provider} did not tell us your e-mail address, so we cannot find your account. Ask an administrator.",
        ExternalSignInRefusal.EmailNotVerified => $"{provider} has not verified your e-mail address, so it cannot be linked to an account here. Sign in with your password, or ask an administrator.",
        ExternalSignInRefusal.NoAccount => $"There is no account for you here yet. Ask an administrator to create one; then sign in with {provider} again.",
        ExternalSignInRefusal.UnknownDepartment => $"{provider} gave no department that this product knows, so no account could be created for you. Ask an administrator.",
        ExternalSignInRefusal.AccountDisabled => "This account is disabled. Ask an administrator.",
        _ => $"Signing in with {provider} did not work.",
    };
}

/// <summary>
/// The product's rules for a person the identity provider vouched for (the protocol checks are done by then):
/// <list type="bullet">
/// <item>a login already linked signs in to its account;</item>
/// <item>otherwise an account with the same e-mail is linked only when the provider asserts the e-mail verified
/// (or the operator trusts the provider's e-mails): an unverified address could be anyone's, and linking would hand
/// them the account;</item>
/// <item>an unknown person is created only when just-in-time creation is on, with the mapped roles and department;</item>
/// <item>a disabled account is refused;</item>
/// <item>with <see cref="RoleSource.Provider"/>, roles and department follow the claims at every sign-in, except that
/// the last active administrator keeps the role (the product must keep one).</item>
/// </list>
/// Every link, creation, change and refusal is audited; the sign-in itself is audited by the caller once the
/// product's own checks (the administrators' second factor) are done.
/// </summary>
public sealed class ExternalSignIn(
    UserManager<ApplicationUser> users,
    IDbContextFactory<ElearningRolloutDbContext> dbFactory,
    SignInAudit audit) : IFeatureService
{
    public async Task<ExternalSignInResult> ResolveAccountAsync(
        ExternalIdentity identity, ExternalSignInRules rules, string? clientAddress, CancellationToken cancellationToken = default)
    {
        var account = await users.FindByLoginAsync(identity.Provider, identity.Subject);
        var created = false;
        if (account is null)
        {
            var email = identity.Email?.Trim();
            if (string.IsNullOrEmpty(email))
            {
                return await RefuseAsync(null, identity, ExternalSignInRefusal.NoEmail, clientAddress, cancellationToken);
            }

            var trusted = identity.EmailVerified || rules.TrustProviderEmail;
            var byEmail = await users.FindByEmailAsync(email);
            if (byEmail is not null)
            {
                if (byEmail.IsDisabled)
                {
                    return await RefuseAsync(byEmail, identity, ExternalSignInRefusal.AccountDisabled, clientAddress, cancellationToken);
                }

                if (!trusted)
                {
                    return await RefuseAsync(byEmail, identity, ExternalSignInRefusal.EmailNotVerified, clientAddress, cancellationToken);
                }

                EnsureSucceeded(await users.AddLoginAsync(byEmail, new UserLoginInfo(identity.Provider, identity.Subject, identity.ProviderDisplayName)));
                await audit.RecordAsync(byEmail.Id, byEmail.DisplayName, AccountEvent.ProviderLoginLinked,
                    new { identity.Provider, EmailVerified = identity.EmailVerified ? "provider" : "trusted by setting", ClientAddress = clientAddress }, cancellationToken);
                account = byEmail;
            }
            else
            {
                if (!rules.CreateAccounts)
                {
                    return await RefuseAsync(null, identity, ExternalSignInRefusal.NoAccount, clientAddress, cancellationToken);
                }

                // The e-mail becomes the account's name: only one the provider stands behind.
                if (!trusted)
                {
                    return await RefuseAsync(null, identity, ExternalSignInRefusal.EmailNotVerified, clientAddress, cancellationToken);
                }

                var departmentId = await DepartmentIdAsync(identity.Department, cancellationToken);
                if (departmentId is null)
                {
                    return await RefuseAsync(null, identity, ExternalSignInRefusal.UnknownDepartment, clientAddress, cancellationToken);
                }

                account = await CreateAsync(identity, email, departmentId.Value, rules, clientAddress, cancellationToken);
                created = true;
            }
        }

        if (account.IsDisabled)
        {
            return await RefuseAsync(account, identity, ExternalSignInRefusal.AccountDisabled, clientAddress, cancellationToken);
        }

        if (!created && rules.RoleSource == RoleSource.Provider)
        {
            await RefreshFromClaimsAsync(account, identity, rules, clientAddress, cancellationToken);
        }

        return new ExternalSignInResult(account, null);
    }

    private async Task<ApplicationUser> CreateAsync(
        ExternalIdentity identity, string email, int departmentId, ExternalSignInRules rules, string? clientAddress, CancellationToken cancellationToken)
    {
        var roles = rules.RolesFor(identity.RoleClaims);
        var account = ApplicationUser.WithEmail(email, string.IsNullOrWhiteSpace(identity.DisplayName) ? email : identity.DisplayName.Trim(), departmentId);

        // No password: the account signs in through the provider (an administrator can still hand one out).
        EnsureSucceeded(await users.CreateAsync(account));
        EnsureSucceeded(await users.AddToRolesAsync(account, roles.Order()));
        EnsureSucceeded(await users.AddLoginAsync(account, new UserLoginInfo(identity.Provider, identity.Subject, identity.ProviderDisplayName)));
        await audit.RecordAsync(account.Id, account.DisplayName, AccountEvent.AccountCreatedAtSignIn,
            new { identity.Provider, Department = identity.Department?.Trim(), Roles = string.Join(", ", roles.Order()), ClientAddress = clientAddress }, cancellationToken);
        return account;
    }

    private async Task RefreshFromClaimsAsync(
        ApplicationUser account, ExternalIdentity identity, ExternalSignInRules rules, string? clientAddress, CancellationToken cancellationToken)
    {
        var before = (await users.GetRolesAsync(account)).ToHashSet(StringComparer.Ordinal);
        var after = rules.RolesFor(identity.RoleClaims).ToHashSet(StringComparer.Ordinal);
        if (before.Contains(Roles.Administrator) && !after.Contains(Roles.Administrator) && !await AnotherActiveAdministratorAsync(account))
        {
            // The product must always keep an administrator (as in UserCommands): the provider cannot take the last one away.
            after.Add(Roles.Administrator);
        }

        var changed = false;
        if (!before.SetEquals(after))
        {
            EnsureSucceeded(await users.RemoveFromRolesAsync(account, before.Except(after)));
            EnsureSucceeded(await users.AddToRolesAsync(account, after.Except(before)));
            await audit.RecordAsync(account.Id, account.DisplayName, AccountEvent.RolesChangedFromClaims,
                new { identity.Provider, Before = string.Join(", ", before.Order()), After = string.Join(", ", after.Order()), ClientAddress = clientAddress }, cancellationToken);
            changed = true;
        }

        // An unknown or missing department claim leaves the department as it is: an account always has one.
        if (await DepartmentIdAsync(identity.Department, cancellationToken) is { } departmentId && departmentId != account.DepartmentId)
        {
            var beforeDepartment = account.DepartmentId;
            account.DepartmentId = departmentId;
            EnsureSucceeded(await users.UpdateAsync(account));
            await audit.RecordAsync(account.Id, account.DisplayName, AccountEvent.DepartmentChangedFromClaims,
                new { identity.Provider, BeforeDepartmentId = beforeDepartment, After = identity.Department!.Trim(), ClientAddress = clientAddress }, cancellationToken);
            changed = true;
        }

        if (changed)
        {
            // Sessions on other devices pick up the change at once (AccountStanding compares the stamp).
            EnsureSucceeded(await users.UpdateSecurityStampAsync(account));
        }
    }

    private Task<bool> AnotherActiveAdministratorAsync(ApplicationUser account)
        => Administration.AccountRules.HasAnotherActiveAdministratorAsync(users, account);

    private async Task<int?> DepartmentIdAsync(string? department, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(department))
        {
            return null;
        }

        var name = department.Trim();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Departments.AsNoTracking().Where(d => d.Name == name).Select(d => (int?)d.Id).FirstOrDefaultAsync(cancellationToken);
    }

    private async Task<ExternalSignInResult> RefuseAsync(
        ApplicationUser? account, ExternalIdentity identity, ExternalSignInRefusal refusal, string? clientAddress, CancellationToken cancellationToken)
    {
        await audit.RecordAsync(account?.Id, account?.DisplayName, SignInOutcome.ProviderSignInRefused,
            new { identity.Provider, Reason = refusal.ToString(), ClientAddress = clientAddress }, cancellationToken);
        return new ExternalSignInResult(null, refusal);
    }

    private static void EnsureSucceeded(IdentityResult result) => Administration.AccountRules.EnsureSucceeded(result);
}
