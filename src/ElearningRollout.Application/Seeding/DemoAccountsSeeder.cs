using ElearningRollout.Application.Identity;
using ElearningRollout.Application.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Seeding;

/// <summary>
/// Creates the demo accounts. The host calls this in Development only: outside it, no account
/// with a published password may ever exist.
/// </summary>
public sealed class DemoAccountsSeeder(ElearningRolloutDbContext db, UserManager<ApplicationUser> userManager)
{
    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var departments = await db.Departments.ToDictionaryAsync(d => d.Name, d => d.Id, cancellationToken);
        foreach (var account in DemoAccounts.All)
        {
            if (await userManager.FindByEmailAsync(account.Email) is not null)
            {
                continue;
            }

            var user = ApplicationUser.WithEmail(account.Email, account.DisplayName, departments[account.Department]);
            ReferenceDataSeeder.EnsureSucceeded(await userManager.CreateAsync(user, DemoAccounts.Password), account.Email);
            ReferenceDataSeeder.EnsureSucceeded(await userManager.AddToRolesAsync(user, account.Roles), account.Email);
        }
    }
}
