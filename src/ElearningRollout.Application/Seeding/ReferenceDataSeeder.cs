using ElearningRollout.Application.Identity;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Glossary;
using ElearningRollout.Domain.Vendors.Selection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Seeding;

/// <summary>
/// Data every installation needs to work at all (roles, built-in departments, glossary, gate templates, default selection criteria).
/// Runs at every start and only adds what is missing, so it is safe in production.
/// </summary>
public sealed class ReferenceDataSeeder(ElearningRolloutDbContext db, RoleManager<IdentityRole> roleManager, TimeProvider clock)
{
    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        foreach (var role in Roles.All)
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                EnsureSucceeded(await roleManager.CreateAsync(new IdentityRole(role)), $"role {role}");
            }
        }

        var existing = await db.Departments.Select(d => d.Name).ToListAsync(cancellationToken);
        foreach (var name in Departments.BuiltIn.Except(existing))
        {
            db.Departments.Add(new Department { Name = name });
        }

        if (!await db.GlossaryTerms.AnyAsync(cancellationToken))
        {
            db.GlossaryTerms.AddRange(BuiltInGlossary.Terms.Select(t => new GlossaryTerm(t.Term, t.Definition)));
        }

        // Per kind, so an installation keeps its administrators' versions and only gains a kind it lacks.
        var templated = await db.GateTemplates.Select(t => t.Kind).ToListAsync(cancellationToken);
        db.GateTemplates.AddRange(BuiltInGateTemplates.Create(clock.GetUtcNow()).Where(t => !templated.Contains(t.Kind)));

        // Backfill: templates stored before approval policies get version 1 of theirs (any one reviewer, as they were approved).
        foreach (var template in await Templates.GateTemplateStore.Whole(db).Where(t => templated.Contains(t.Kind)).ToListAsync(cancellationToken))
        {
            template.EnsureApprovalPolicy(clock.GetUtcNow());
        }

        if (!await db.DefaultSelectionCriteria.AnyAsync(cancellationToken))
        {
            db.DefaultSelectionCriteria.Add(new DefaultSelectionCriteria(BuiltInSelectionCriteria.Criteria));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    internal static void EnsureSucceeded(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Could not create {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
