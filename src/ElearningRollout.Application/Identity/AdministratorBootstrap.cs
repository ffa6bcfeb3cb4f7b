using ElearningRollout.Application.Audit;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Identity;

/// <summary>
/// Creates the first administrator of a production installation (the `create-admin` command).
/// Demo accounts never exist outside Development, so this is the only way in on a new server.
/// </summary>
public sealed class AdministratorBootstrap(ElearningRolloutDbContext db, UserManager<ApplicationUser> userManager, SignInAudit audit)
{
    public async Task<IReadOnlyList<string>> CreateAsync(string email, string displayName, string password, CancellationToken cancellationToken = default)
    {
        if (await userManager.FindByEmailAsync(email) is not null)
        {
            return [$"An account with the e-mail {email} already exists."];
        }

        var itDepartment = await db.Departments.FirstAsync(d => d.Name == Departments.It, cancellationToken);
        var user = ApplicationUser.WithEmail(email, displayName, itDepartment.Id);
        var created = await userManager.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return created.Errors.Select(e => e.Description).ToList();
        }

        var roles = await userManager.AddToRoleAsync(user, Roles.Administrator);
        if (!roles.Succeeded)
        {
            return roles.Errors.Select(e => e.Description).ToList();
        }

        // Made on the server's command line, not over HTTP: there is no client address, the machine stands in for it.
        await audit.RecordAsync(user.Id, user.DisplayName, AccountEvent.AdministratorCreated, $"create-admin on {Environment.MachineName}", cancellationToken);
        return [];
    }
}
