using System.Security.Claims;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ElearningRollout.Application.Identity;

/// <summary>Adds display name and department to the principal when the sign-in cookie is made.</summary>
public sealed class ProductClaimsPrincipalFactory(
    UserManager<ApplicationUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options,
    IDbContextFactory<ElearningRolloutDbContext> dbFactory)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync();
        var department = await db.Departments.AsNoTracking()
            .Where(d => d.Id == user.DepartmentId).Select(d => d.Name).FirstOrDefaultAsync();
        identity.AddClaim(new Claim(ProductClaimTypes.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(ProductClaimTypes.Department, department ?? ""));
        return identity;
    }
}
