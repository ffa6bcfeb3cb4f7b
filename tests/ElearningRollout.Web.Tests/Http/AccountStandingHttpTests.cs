using System.Net;
using ElearningRollout.Application.Administration;
using ElearningRollout.Application.Identity;
using ElearningRollout.Tests.Shared;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElearningRollout.Web.Tests.Http;

/// <summary>
/// Issue 14, item 5: disabling, locking or taking a role away takes effect on the very next request of the person's
/// cookie, not at the next 5-minute security stamp check.
/// </summary>
public sealed class AccountStandingHttpTests(ProductAppFactory app) : IClassFixture<ProductAppFactory>
{
    [Theory]
    [InlineData(DemoLogins.Executive, "disable")]
    [InlineData(DemoLogins.ItLead2, "lock")]
    [InlineData(DemoLogins.Training2, "change roles")]
    public async Task The_next_request_after_an_administrator_acts_is_signed_out(string email, string change)
    {
        var client = await SignedInClient.SignInAsync(app, email);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dashboard/export.csv")).StatusCode);

        await AsAdministratorAsync(app, async (administration, userId) =>
        {
            switch (change)
            {
                case "disable": await administration.SetDisabledAsync(userId, true); break;
                case "change roles":
                    var (department, stamp) = await AccountAsync(app, userId);
                    await administration.ChangeAccountAsync(userId, new AccountChangeDraft { Department = department, Roles = [Domain.Common.Roles.Executive] }, stamp);
                    break;
                default: break;
            }
        }, email);
        if (change == "lock")
        {
            // Five wrong passwords typed by anyone lock the account; its open sessions end too.
            await using var scope = app.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(email))!, DateTimeOffset.UtcNow.AddMinutes(15));
        }

        var export = await client.GetAsync("/dashboard/export.csv");

        Assert.Equal(HttpStatusCode.Redirect, export.StatusCode);
        Assert.Contains("/Account/Login", export.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    /// <summary>The account's department and version, as the Users list would show them.</summary>
    private static async Task<(string Department, string Stamp)> AccountAsync(ProductAppFactory app, string userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Application.Persistence.ElearningRolloutDbContext>();
        var account = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Department!.Name, u.ConcurrencyStamp }).SingleAsync();
        return (account.Name, account.ConcurrencyStamp!);
    }

    /// <summary>Runs an administration command as admin@, the way the Users page does inside its circuit.</summary>
    internal static async Task AsAdministratorAsync(ProductAppFactory app, Func<UserCommands, string, Task> act, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = (await users.FindByEmailAsync(DemoLogins.Admin))!;
        var principal = await scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>().CreateUserPrincipalAsync(admin);
        ((IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        await act(scope.ServiceProvider.GetRequiredService<UserCommands>(), (await users.FindByEmailAsync(email))!.Id);
    }
}
