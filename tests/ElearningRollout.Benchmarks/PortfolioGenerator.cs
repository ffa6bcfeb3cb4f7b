using System.Diagnostics;
using ElearningRollout.Application.Dashboard;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Application.Persistence.Configurations;
using ElearningRollout.Application.Seeding;
using ElearningRollout.Application.Templates;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.CostSharing;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Risks;
using ElearningRollout.Domain.Rollouts;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Benchmarks;

/// <summary>
/// A deterministic portfolio of N rollouts (a fixed random seed and clock: the same N gives the same rollouts, states and
/// amounts; only the Guid v7 ids differ). Every rollout is made by the demo seeder's builder, i.e. through the domain rules
/// (phases completed by clearing their gates); agreements are edited, proposed and signed through the aggregate, and the
/// dashboard's money summary is computed as the cost-sharing commands compute it. Rows are written in one transaction by
/// <see cref="BulkWriter"/> (prepared inserts mapped by EF Core's model), without the audit interceptor.
/// </summary>
internal sealed class PortfolioGenerator(BenchmarkHost host)
{
    private const int Seed = 20261102;
    private const int BatchSize = 500;
    private const int RisksPerRollout = 2;
    private static readonly string[] Currencies = ["EUR", "EUR", "EUR", "EUR", "USD", "USD", "GBP"];
    private static readonly string[] CostDepartments = [Departments.Training, Departments.It, Departments.Leadership];

    public sealed record Counts(int Rollouts, int Phases, int Gates, int CostLines, int Risks, TimeSpan Took);

    public async Task<Counts> GenerateAsync(int rollouts)
    {
        var watch = Stopwatch.StartNew();
        var random = new Random(Seed);
        var owners = new[] { await host.PersonAsync("training@elearning.test", Roles.TrainingManager), await host.PersonAsync("training2@elearning.test", Roles.TrainingManager) };
        var liaisons = new[] { await host.PersonAsync("itlead@elearning.test", Roles.ItLead), await host.PersonAsync("itlead2@elearning.test", Roles.ItLead) };
        var executive = await host.PersonAsync("exec@elearning.test", Roles.Executive);
        var builder = new DemoRolloutsSeeder(host.Get<IDbContextFactory<ElearningRolloutDbContext>>(), host.Get<TimeProvider>());
        var now = BenchmarkHost.Now;

        await using var db = host.BulkContext();
        var templates = await GateTemplateStore.CurrentAsync(db, CancellationToken.None);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await db.Database.OpenConnectionAsync();

        // Foreign keys can only be switched off outside a transaction; they are checked once at the end instead.
        await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = OFF; PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF;");
        await using var transaction = await db.Database.BeginTransactionAsync();
        var phases = 0;
        var gates = 0;
        var lines = 0;
        var risks = 0;
        for (var sequence = 1; sequence <= rollouts; sequence++)
        {
            var demo = NextRollout(random, sequence);
            var owner = owners[demo.Owner - 1];
            var liaison = liaisons[demo.Liaison - 1];
            var (rollout, rolloutGates) = builder.Build(demo, sequence, owner, liaison, executive, templates);
            db.Rollouts.Add(rollout);
            db.Entry(rollout).Property(RolloutConfiguration.Sequence).CurrentValue = sequence;
            db.Entry(rollout).Property(RolloutConfiguration.StoredProfile).CurrentValue = rollout.Profile;
            db.ClearanceGates.AddRange(rolloutGates);
            foreach (var risk in demo.Risks)
            {
                db.RiskEntries.Add(builder.Risk(rollout, risk, risk.RaisedBy == Departments.It ? liaison : owner));
            }

            var agreement = Agreement(random, rollout, owner, liaison, now);
            db.CostSharingAgreements.Add(agreement);
            db.DepartmentMoney.AddRange(DepartmentMoneySummary.For(agreement));
            phases += rollout.Phases.Count;
            gates += rolloutGates.Count;
            lines += agreement.Lines.Count;
            risks += demo.Risks.Length;

            if (sequence % BatchSize == 0 || sequence == rollouts)
            {
                BulkWriter.WriteAdded(db);
                db.ChangeTracker.Clear();
            }
        }

        await transaction.CommitAsync();
        await BulkWriter.EnsureForeignKeysHoldAsync(db.Database.GetDbConnection());
        await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = ON; ANALYZE;");
        return new Counts(rollouts, phases, gates, lines, risks, watch.Elapsed);
    }

    /// <summary>A rollout somewhere in its life: most active (some already live), some on hold or still drafts; phases reached and health vary.</summary>
    private static DemoRolloutCatalogue.DemoRollout NextRollout(Random random, int sequence)
    {
        var status = random.Next(100) switch
        {
            < 82 => LifecycleStatus.Active,
            < 92 => LifecycleStatus.OnHold,
            _ => LifecycleStatus.Draft,
        };
        // Reaching Evaluation means the go-live phase was completed: the rollout is Live, so it cannot be on hold.
        var reach = status == LifecycleStatus.Draft
            ? PhaseKind.Initiation
            : PhaseTemplate.Standard[random.Next(status == LifecycleStatus.OnHold ? PhaseTemplate.Standard.Count - 1 : PhaseTemplate.Standard.Count)];
        var health = random.Next(100) switch { < 70 => RolloutHealth.OnTrack, < 90 => RolloutHealth.AtRisk, _ => RolloutHealth.OffTrack };
        var learners = random.Next(20, 20_000);
        return new DemoRolloutCatalogue.DemoRollout(
            $"Rollout {sequence}: {Topics[random.Next(Topics.Length)]}",
            "Generated for the benchmark.",
            random.Next(1, 3),
            random.Next(1, 3),
            (Audiences)random.Next(1, 16),
            learners,
            Math.Max(1, learners / random.Next(5, 50)),
            (AccessChannels)random.Next(1, 16),
            (HostingModel)random.Next(3),
            (Integrations)random.Next(0, 32),
            (ContentSource)random.Next(3),
            reach,
            status,
            health,
            health == RolloutHealth.OnTrack ? null : "Vendor deliverable late.",
            random.Next(60, 400),
            random.Next(7, 540),
            Enumerable.Range(0, RisksPerRollout).Select(_ => NextRisk(random)).ToArray());
    }

    private static DemoRolloutCatalogue.DemoRisk NextRisk(Random random)
    {
        var type = random.Next(3) == 0 ? RiskEntryType.Issue : RiskEntryType.Risk;
        var raisedBy = random.Next(2) == 0 ? Departments.Training : Departments.It;
        return new DemoRolloutCatalogue.DemoRisk(type, RiskTitles[random.Next(RiskTitles.Length)], raisedBy,
            random.Next(2) == 0 ? Departments.Training : Departments.It, (RiskSeverity)random.Next(4),
            type == RiskEntryType.Risk ? (RiskLikelihood)random.Next(5) : null);
    }

    /// <summary>Five cost lines split between one to three departments; half the agreements signed; spend on some lines.</summary>
    private static CostSharingAgreement Agreement(Random random, Rollout rollout, Actor owner, Actor liaison, DateTimeOffset now)
    {
        var agreement = new CostSharingAgreement(rollout.Id, random.Next(12, 37), now);
        for (var i = 0; i < 5; i++)
        {
            var departments = CostDepartments.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToList();
            var first = departments.Count == 1 ? 100m : random.Next(10, 91);
            var shares = departments.Count switch
            {
                1 => [new DepartmentShare(departments[0], 100m)],
                2 => new[] { new DepartmentShare(departments[0], first), new DepartmentShare(departments[1], 100m - first) },
                _ => [new DepartmentShare(departments[0], 50m), new DepartmentShare(departments[1], 30m), new DepartmentShare(departments[2], 20m)],
            };
            agreement.AddLine(new CostLineTerms((CostCategory)random.Next(9), $"Cost line {i + 1}", random.Next(100, 50_000) + random.Next(100) / 100m,
                Currencies[random.Next(Currencies.Length)], (CostNature)random.Next(2), (CostRecurrence)random.Next(3), null, new CostSplit(shares)));
        }

        if (rollout.LifecycleStatus != LifecycleStatus.Draft && random.Next(2) == 0)
        {
            var signatories = new AgreementSignatories(rollout.TrainingOwnerId, rollout.ItLiaisonId);
            agreement.Propose();
            agreement.Sign(owner, signatories, now);
            agreement.Sign(liaison, signatories, now);
        }

        foreach (var line in agreement.Lines.Where(_ => random.Next(2) == 0))
        {
            agreement.RecordActual(line.Id, DateOnly.FromDateTime(now.UtcDateTime), random.Next(50, 5_000), null, owner.UserId, now);
        }

        return agreement;
    }

    private static readonly string[] Topics =
        ["Dealer certification", "Safety induction", "Sales onboarding", "Compliance refresher", "Product academy", "Leadership basics", "Cyber awareness"];

    private static readonly string[] RiskTitles =
        ["Vendor late with SCORM packages", "SSO tenant not ready", "Network load at shift start", "Budget not yet agreed", "Works council approval"];
}
