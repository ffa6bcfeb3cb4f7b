using ElearningRollout.Application.Audit;
using ElearningRollout.Application.Identity;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Application.Persistence.Configurations;
using ElearningRollout.Application.Templates;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Risks;
using ElearningRollout.Domain.Rollouts;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Seeding;

/// <summary>
/// Puts the demo portfolio into the real database through the real domain rules: phases are completed
/// by clearing their gates (checklist met, submitted by Training, approved by IT), never by writing states.
/// </summary>
public sealed class DemoRolloutsSeeder(IDbContextFactory<ElearningRolloutDbContext> dbFactory, TimeProvider clock) : IDemoDataSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var lookup = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await lookup.Rollouts.AnyAsync(cancellationToken))
        {
            return;
        }

        var people = await lookup.Users.AsNoTracking()
            .Select(u => new { u.Email, u.Id, u.DisplayName })
            .ToDictionaryAsync(u => u.Email!, u => (u.Id, u.DisplayName), cancellationToken);
        Actor Person(string email, string department, string role) => new(people[email].Id, people[email].DisplayName, department, new HashSet<string> { role });
        var owners = new[] { Person("training@elearning.test", Departments.Training, Roles.TrainingManager), Person("training2@elearning.test", Departments.Training, Roles.TrainingManager) };
        var liaisons = new[] { Person("itlead@elearning.test", Departments.It, Roles.ItLead), Person("itlead2@elearning.test", Departments.It, Roles.ItLead) };
        var executive = Person("exec@elearning.test", Departments.Leadership, Roles.Executive);

        var templates = await GateTemplateStore.CurrentAsync(lookup, cancellationToken);
        var sequence = 0;
        foreach (var demo in DemoRolloutCatalogue.All)
        {
            var owner = owners[demo.Owner - 1];
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            db.AuditActor = AuditActor.Of(owner);
            var (rollout, gates) = Build(demo, ++sequence, owner, liaisons[demo.Liaison - 1], executive, templates);
            db.Rollouts.Add(rollout);
            db.Entry(rollout).Property(RolloutConfiguration.Sequence).CurrentValue = sequence;
            db.ClearanceGates.AddRange(gates);
            db.RiskEntries.AddRange(demo.Risks.Select(r => Risk(rollout, r, r.RaisedBy == Departments.It ? liaisons[demo.Liaison - 1] : owner)));
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>One rollout and its gates, brought to the demo's phase through the rules; the benchmark's generator builds with it too.</summary>
    public (Rollout Rollout, List<ClearanceGate> Gates) Build(
        DemoRolloutCatalogue.DemoRollout demo, int sequence, Actor owner, Actor liaison, Actor executive, GateTemplateSet templates)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var start = today.AddDays(-demo.StartedDaysAgo);
        var goLive = today.AddDays(demo.GoLiveInDays);
        var rollout = new Rollout($"ELR-{sequence:0000}", demo.Title, owner.UserId, demo.Hosting, demo.Integrations, demo.Content, start, goLive, now);
        rollout.Describe(demo.Title, demo.Summary, "Replaces classroom sessions and travel; measurable completion for audits.");
        rollout.AssignPeople(owner.UserId, liaison.UserId, executive.UserId);
        rollout.ChangeAudiences(demo.Audiences, demo.Learners, demo.Peak);
        rollout.ChangeAccessChannels(demo.Channels);
        rollout.ChangePilotCohort(new PilotCohort("IT staff first", Math.Min(25, demo.Learners), start.AddDays(20), start.AddDays(40)));
        PlanPhases(rollout, start, goLive);
        var gates = new RolloutGatePlanner().GatesToAdd(rollout, [], templates).ToList();

        if (demo.Status != LifecycleStatus.Draft)
        {
            rollout.Activate(start);
            while (rollout.CurrentPhase != demo.Reach)
            {
                foreach (var gate in gates.Where(g => g.GuardedPhase == rollout.CurrentPhase && g.IsRequired))
                {
                    Clear(gate, gates, owner, liaison, executive, now);
                }

                // Completed on its planned end, so the timeline shows a believable past.
                var plannedEnd = rollout.Phase(rollout.CurrentPhase).PlannedEnd ?? today;
                rollout.CompleteCurrentPhase(gates, plannedEnd < today ? plannedEnd : today);
            }

            // Leave the current phase's gate waiting for its reviewer, as it would be in real life
            // (at Go-live, that is the executive sponsor's sign-off).
            if (rollout.LifecycleStatus == LifecycleStatus.Active
                && gates.FirstOrDefault(g => g.GuardedPhase == rollout.CurrentPhase && g.IsRequired) is { } waiting)
            {
                MeetChecklist(waiting, owner, now);
                var reviewer = waiting.Approval.DefaultReviewer == RolloutContact.ExecutiveSponsor ? executive : liaison;
                waiting.AssignReviewer(reviewer.UserId, today.AddDays(demo.Health == RolloutHealth.OffTrack ? -3 : 10));
                waiting.Submit(owner.UserId, now);
            }
        }

        if (demo.Status == LifecycleStatus.OnHold)
        {
            rollout.PutOnHold(demo.HealthReason ?? "Paused.");
        }

        if (demo.Health != RolloutHealth.OnTrack)
        {
            rollout.ChangeHealth(demo.Health, demo.HealthReason ?? "See the risks log.");
        }

        return (rollout, gates);
    }

    private static void PlanPhases(Rollout rollout, DateOnly start, DateOnly goLive)
    {
        var phaseDays = Math.Max(1, (goLive.DayNumber - start.DayNumber) / (PhaseTemplate.Standard.Count - 1));
        for (var i = 0; i < PhaseTemplate.Standard.Count; i++)
        {
            var from = start.AddDays(i * phaseDays);
            rollout.PlanPhase(PhaseTemplate.Standard[i], from, from.AddDays(phaseDays - 1));
        }
    }

    private static void Clear(ClearanceGate gate, List<ClearanceGate> gates, Actor owner, Actor liaison, Actor executive, DateTimeOffset now)
    {
        MeetChecklist(gate, owner, now);
        gate.Submit(owner.UserId, now);
        if (gate.Approval.SignsOffRollout)
        {
            gate.SignOffGoLive(executive, "Pilot findings addressed; every gate cleared.", gates, now);
        }
        else
        {
            gate.Approve(liaison, "Evidence reviewed with the vendor.", now);
        }
    }

    private static void MeetChecklist(ClearanceGate gate, Actor owner, DateTimeOffset now)
    {
        foreach (var item in gate.Checklist)
        {
            gate.SetChecklistItem(item.Id, ChecklistItemState.Met, "Evidence filed in the rollout folder.", owner.UserId, now);
        }
    }

    public RiskEntry Risk(Rollout rollout, DemoRolloutCatalogue.DemoRisk demo, Actor raisedBy)
    {
        var risk = new RiskEntry(rollout.Id, demo.Type, demo.Title, "Raised in the weekly Training-IT stand-up.", demo.RaisedBy, demo.OwnedBy,
            demo.Severity, demo.Likelihood, raisedBy.UserId, clock.GetUtcNow());
        return risk;
    }
}
