using ElearningRollout.Application.Audit;
using ElearningRollout.Application.Dashboard;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.CostSharing;
using ElearningRollout.Domain.Rollouts;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Seeding;

/// <summary>
/// Cost-sharing agreements for the demo portfolio, made through the domain rules: every rollout past Initiation
/// cleared its Budget agreement gate, so it has an agreement signed by both sides (with some spend once it is
/// building), and the dashboard's money by department has something true to show. Customer onboarding portal
/// (ELR-0003) is left without one on purpose: it is where a new user (and the end-to-end test) starts an agreement.
/// Runs after the demo rollouts and vendors.
/// </summary>
public sealed class DemoAgreementsSeeder(IDbContextFactory<ElearningRolloutDbContext> dbFactory, TimeProvider clock) : IDemoDataSeeder
{
    private const string LeftWithoutAgreement = "ELR-0003";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.CostSharingAgreements.AnyAsync(cancellationToken))
        {
            return;
        }

        var people = await db.Users.AsNoTracking().Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(cancellationToken);
        Actor Person(string id, string department, string role) => new(id, people.Single(p => p.Id == id).DisplayName, department, new HashSet<string> { role });
        var rollouts = await Rollouts.RolloutStore.Whole(db).AsNoTracking()
            .Where(r => r.Code != LeftWithoutAgreement && r.LifecycleStatus != LifecycleStatus.Draft && r.ItLiaisonId != null)
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        foreach (var rollout in rollouts.OrderBy(r => r.Code, StringComparer.Ordinal))
        {
            var owner = Person(rollout.TrainingOwnerId, Departments.Training, Roles.TrainingManager);
            var liaison = Person(rollout.ItLiaisonId!, Departments.It, Roles.ItLead);
            db.AuditActor = AuditActor.Of(owner);
            var agreement = new CostSharingAgreement(rollout.Id, 36, now);
            foreach (var line in Lines(rollout))
            {
                agreement.AddLine(line);
            }

            agreement.Propose();
            var signatories = new AgreementSignatories(owner.UserId, liaison.UserId);
            agreement.Sign(owner, signatories, now);
            agreement.Sign(liaison, signatories, now);
            if (rollout.CurrentPhase is PhaseKind.DesignAndBuild or PhaseKind.Pilot or PhaseKind.GoLive or PhaseKind.Evaluation)
            {
                // The first invoices: the set-up fees in full, and the first year of licences.
                foreach (var line in agreement.Lines)
                {
                    agreement.RecordActual(line.Id, today.AddDays(-20), line.Amount, "Invoice filed in the rollout folder", owner.UserId, now);
                }
            }

            db.CostSharingAgreements.Add(agreement);
            db.DepartmentMoney.AddRange(DepartmentMoneySummary.For(agreement));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Licences split by who learns, set-up by who builds it, hosting or integration upkeep by IT.</summary>
    private static IEnumerable<CostLineTerms> Lines(Rollout rollout)
    {
        var perLearner = rollout.Audiences.HasFlag(Audiences.Customers) ? 2m : 4m;
        var licences = Math.Round(rollout.EstimatedLearners * perLearner / 100m, 0) * 100m;
        yield return new CostLineTerms(CostCategory.Licences, $"LMS licences for {rollout.EstimatedLearners:N0} learners", licences, "EUR",
            CostNature.OpEx, CostRecurrence.Yearly, null, Split((Departments.Training, 70m), (Departments.It, 30m)));
        yield return new CostLineTerms(CostCategory.ImplementationServices, "Set-up, configuration and SSO", 18000m, "EUR",
            CostNature.CapEx, CostRecurrence.OneOff, null, Split((Departments.Training, 50m), (Departments.It, 50m)));
        if (rollout.HostingModel != HostingModel.VendorHostedSaas)
        {
            yield return new CostLineTerms(CostCategory.Hosting, "Servers, database licences and backups", 1500m, "EUR",
                CostNature.OpEx, CostRecurrence.Monthly, null, Split((Departments.It, 100m)));
        }

        if (rollout.Integrations.HasFlag(Integrations.Sap) || rollout.Integrations.HasFlag(Integrations.HrisFeed))
        {
            yield return new CostLineTerms(CostCategory.IntegrationBuildAndUpkeep, "HR feed and SAP completions interface", 9500m, "USD",
                CostNature.CapEx, CostRecurrence.OneOff, null, Split((Departments.It, 60m), (Departments.Training, 40m)));
        }
    }

    private static CostSplit Split(params (string Department, decimal Percent)[] shares) =>
        new(shares.Select(s => new DepartmentShare(s.Department, s.Percent)));
}
