using ElearningRollout.Application.Audit;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Rollouts;
using ElearningRollout.Domain.Vendors;
using ElearningRollout.Domain.Vendors.Selection;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Seeding;

/// <summary>
/// An open vendor selection on the first demo rollout that is in its Vendor selection phase: three LMS candidates (the
/// registry's Skyline, which the rollout is already evaluating, against two alternatives),
/// Security made a must-have, the training owner's scores complete, the IT liaison's partial (one knock-out), and a
/// second IT lead still pending. Made through the domain's rules, after the demo rollouts.
/// </summary>
public sealed class DemoVendorSelectionSeeder(IDbContextFactory<ElearningRolloutDbContext> dbFactory, TimeProvider clock) : IDemoDataSeeder
{
    private static readonly string[] CandidateNames = ["Brightpath LMS", "Skyline LMS Cloud", "Skillforge Academy"];

    // Per candidate, the owner's scores in the order of the default criteria; the IT liaison scores only what IT judges.
    private static readonly int[][] OwnerScores = [[4, 5, 4, 4, 4, 4, 4], [5, 4, 3, 4, 4, 3, 5], [4, 4, 5, 3, 3, 4, 3]];
    private static readonly (string Criterion, int[] Scores)[] ItScores = [("Integrations", [4, 5, 2]), ("Security", [4, 4, 1])];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var demo = DemoRolloutCatalogue.All.First(r => r.Reach == PhaseKind.VendorSelection && r.Status == LifecycleStatus.Active);
        var rollout = await db.Rollouts.AsNoTracking().Where(r => r.Title == demo.Title)
            .Select(r => new { r.Id, r.TrainingOwnerId, r.ItLiaisonId }).FirstOrDefaultAsync(cancellationToken);
        if (rollout?.ItLiaisonId is null || await db.VendorSelections.AnyAsync(cancellationToken))
        {
            return;
        }

        var people = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => (u.DisplayName, u.Email), cancellationToken);
        var owner = people[rollout.TrainingOwnerId];
        db.AuditActor = AuditActor.Of(new Actor(rollout.TrainingOwnerId, owner.DisplayName, Departments.Training, new HashSet<string> { Roles.TrainingManager }));
        var now = clock.GetUtcNow();
        var vendors = await VendorsAsync(db, rollout.TrainingOwnerId, now, cancellationToken);
        var defaults = await db.DefaultSelectionCriteria.AsNoTracking().SingleAsync(cancellationToken);
        var selection = new VendorSelection(rollout.Id, EngagementType.LmsPlatform, defaults.AsSpecs(), [rollout.TrainingOwnerId, rollout.ItLiaisonId], rollout.TrainingOwnerId, now);
        selection.ReviseCriteria(selection.Criteria.Select(c => new CriterionSpec(c.Id, c.Name, c.Weight, c.Name == "Security")).ToList());
        var secondItLead = people.FirstOrDefault(p => p.Value.Email == "itlead2@elearning.test").Key;
        if (secondItLead is not null && secondItLead != rollout.ItLiaisonId)
        {
            selection.AddEvaluator(secondItLead, now);
        }

        var criteria = selection.Criteria.OrderBy(c => c.Order).ToList();
        for (var i = 0; i < vendors.Count; i++)
        {
            selection.AddCandidate(vendors[i].Id, vendors[i].Name, now);
            for (var c = 0; c < criteria.Count; c++)
            {
                selection.Score(rollout.TrainingOwnerId, vendors[i].Id, criteria[c].Id, OwnerScores[i][c], now);
            }

            foreach (var (criterion, scores) in ItScores)
            {
                selection.Score(rollout.ItLiaisonId, vendors[i].Id, criteria.Single(c => c.Name == criterion).Id, scores[i], now);
            }
        }

        db.VendorSelections.Add(selection);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The candidates from the registry, registered here when the registry does not have them yet.</summary>
    private static async Task<List<Vendor>> VendorsAsync(ElearningRolloutDbContext db, string registeredById, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var held = await db.Vendors.Where(v => CandidateNames.Contains(v.Name)).ToListAsync(cancellationToken);
        foreach (var name in CandidateNames.Where(n => held.All(v => v.Name != n)))
        {
            var vendor = new Vendor(name, "Sales desk", $"sales@{name.Split(' ')[0].ToLowerInvariant()}.example", null, registeredById, now);
            db.Vendors.Add(vendor);
            held.Add(vendor);
        }

        return CandidateNames.Select(n => held.First(v => v.Name == n)).ToList();
    }
}
