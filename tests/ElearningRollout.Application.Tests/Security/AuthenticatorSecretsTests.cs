using ElearningRollout.Application.Identity;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Web.Tests.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.Security;

/// <summary>
/// Authenticator keys and recovery codes are second factors: the database (a backup, a leaked copy) holds them
/// encrypted with Data Protection, and two-factor sign-in still works with what the person was shown.
/// </summary>
public sealed class AuthenticatorSecretsTests : DatabaseTest
{
    private const string StoreProvider = "[AspNetUserStore]";

    [Fact]
    public async Task The_stored_authenticator_key_is_not_the_key_and_a_code_from_the_key_shown_still_verifies()
    {
        await using var scope = Database.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(Accounts.Training))!;

        await users.ResetAuthenticatorKeyAsync(user);
        var shown = (await users.GetAuthenticatorKeyAsync(user))!;
        var stored = await StoredTokenAsync(user.Id, "AuthenticatorKey");

        Assert.Matches("^[A-Z2-7]{32}$", shown);
        Assert.DoesNotContain(shown, stored, StringComparison.OrdinalIgnoreCase);
        Assert.True(await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, Totp.Code(shown, DateTimeOffset.UtcNow)));
    }

    [Fact]
    public async Task Recovery_codes_are_stored_encrypted_and_each_still_works_once()
    {
        await using var scope = Database.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(Accounts.Training))!;

        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList();
        var stored = await StoredTokenAsync(user.Id, "RecoveryCodes");

        Assert.All(codes, code => Assert.DoesNotContain(code, stored, StringComparison.OrdinalIgnoreCase));
        Assert.True((await users.RedeemTwoFactorRecoveryCodeAsync(user, codes[3])).Succeeded);
        Assert.False((await users.RedeemTwoFactorRecoveryCodeAsync(user, codes[3])).Succeeded);
        Assert.Equal(9, await users.CountRecoveryCodesAsync(user));
    }

    [Fact]
    public async Task A_key_stored_in_clear_before_still_works_and_is_encrypted_when_first_read()
    {
        const string OldKey = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
        string userId;
        await using (var db = await Database.CreateDbContextAsync())
        {
            userId = await db.Users.Where(u => u.Email == Accounts.Training).Select(u => u.Id).SingleAsync();
            db.UserTokens.Add(new IdentityUserToken<string> { UserId = userId, LoginProvider = StoreProvider, Name = "AuthenticatorKey", Value = OldKey });
            await db.SaveChangesAsync();
        }

        await using var scope = Database.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByIdAsync(userId))!;

        Assert.Equal(OldKey, await users.GetAuthenticatorKeyAsync(user));
        Assert.True(await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, Totp.Code(OldKey, DateTimeOffset.UtcNow)));
        var stored = await StoredTokenAsync(userId, "AuthenticatorKey");
        Assert.StartsWith(ProtectedTokenUserStore.Prefix, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(OldKey, stored, StringComparison.Ordinal);
    }

    private async Task<string> StoredTokenAsync(string userId, string name)
    {
        await using var db = await Database.CreateDbContextAsync();
        return await db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == StoreProvider && t.Name == name).Select(t => t.Value!).SingleAsync();
    }
}
