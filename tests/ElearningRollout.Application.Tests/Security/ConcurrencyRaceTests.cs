using ElearningRollout.Application.Bandwidth;
using ElearningRollout.Application.Tests.Bandwidth;
using ElearningRollout.Domain.Bandwidth;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.CostSharing;
using ElearningRollout.Application.Gates;
using ElearningRollout.Application.Glossary;
using ElearningRollout.Application.Risks;
using ElearningRollout.Application.Rollouts;
using ElearningRollout.Application.Templates;
using ElearningRollout.Application.Tests.CostSharing;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Application.Tests.Rollouts;
using ElearningRollout.Application.Tests.Vendors;
using ElearningRollout.Application.Vendors;
using ElearningRollout.Application.Vendors.Selection;
using ElearningRollout.Domain.CostSharing;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Glossary;
using ElearningRollout.Domain.Risks;
using ElearningRollout.Domain.Rollouts;
using ElearningRollout.Domain.Vendors;
using ElearningRollout.Domain.Vendors.Selection;
using Microsoft.EntityFrameworkCore;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.Security;

/// <summary>
/// 1,000 randomized two-party races over every aggregate two people edit: both start from the same version and save
/// at once. Exactly one wins and what is stored is the winner's; the loser gets ConcurrencyConflictException naming
/// the winner, so no update is ever lost silently. Add an aggregate with one more <see cref="RaceTarget"/> and its type in
/// <see cref="RacedAggregates"/>: AuditConventionTests fails while an aggregate of the model is not raced here.
/// </summary>
public sealed class ConcurrencyRaceTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>
{
    private const int Races = 1_000;

    /// <param name="Version">The version both parties saw.</param>
    /// <param name="Edit">Party's edit number n (a value no other race writes).</param>
    /// <param name="Stored">Whether edit number n is what is stored now.</param>
    /// <summary>The aggregates raced below, one <see cref="RaceTarget"/> each (the test checks the two agree).</summary>
    public static readonly IReadOnlySet<Type> RacedAggregates = new HashSet<Type>
    {
        typeof(Rollout), typeof(ClearanceGate), typeof(CostSharingAgreement), typeof(Vendor), typeof(VendorEngagement), typeof(VendorSelection),
        typeof(RiskEntry), typeof(GlossaryTerm), typeof(GateTemplate), typeof(DefaultSelectionCriteria),
        typeof(BandwidthPlan),
        typeof(ReviewerAbsence),
    };

    /// <param name="Aggregate">The aggregate root type whose version the race is about.</param>
    private sealed record RaceTarget(string Name, Type Aggregate, Func<Task<Guid>> Version, Func<SqliteTestDatabaseActorScope, int, Guid, Task> Edit, Func<int, Task<bool>> Stored)
    {
        /// <summary>The two people who race: by default the training owner and an administrator; the same account twice where only one may edit.</summary>
        public (string First, string Second) Editors { get; init; } = (Accounts.Training, Accounts.Admin);
    }

    [Fact]
    public async Task Two_people_saving_the_same_thing_at_once_never_lose_an_update_silently()
    {
        var targets = await TargetsAsync();
        Assert.Equal(RacedAggregates.OrderBy(t => t.Name), targets.Select(t => t.Aggregate).Distinct().OrderBy(t => t.Name));

        // One circuit per person and side (an administrator may race an administrator); the administrator plays last,
        // so the shared test actor, which reads the outcome, may read everything.
        var scopes = new Dictionary<(string, int), SqliteTestDatabaseActorScope>();
        foreach (var (account, side) in targets.SelectMany(t => new[] { (t.Editors.First, 0), (t.Editors.Second, 1) }).Distinct().OrderBy(e => e.Item1 == Accounts.Admin))
        {
            scopes[(account, side)] = new SqliteTestDatabaseActorScope(database, await database.PlayAsync(account));
        }

        var random = new Random(20261102);

        for (var race = 0; race < Races; race++)
        {
            var target = targets[random.Next(targets.Count)];
            var (a, b) = (scopes[(target.Editors.First, 0)], scopes[(target.Editors.Second, 1)]);
            var (first, second) = random.Next(2) == 0 ? (a, b) : (b, a);
            var version = await target.Version();
            var edits = new[] { 2 * race, 2 * race + 1 };

            var outcomes = await Task.WhenAll(
                OutcomeAsync(() => target.Edit(first, edits[0], version)),
                OutcomeAsync(() => target.Edit(second, edits[1], version)));

            var winner = Array.FindIndex(outcomes, o => o is null);
            var loser = 1 - winner;
            Assert.True(winner >= 0 && outcomes[loser] is ConcurrencyConflictException,
                $"Race {race} on the {target.Name}: {string.Join(", ", outcomes.Select(o => o?.GetType().Name ?? "saved"))}");
            var winnerName = (winner == 0 ? first : second).Actor.DisplayName;
            Assert.StartsWith($"{winnerName} changed this {target.Name}", outcomes[loser]!.Message, StringComparison.Ordinal);
            Assert.True(await target.Stored(edits[winner]), $"Race {race} on the {target.Name}: the winner's change is not what is stored.");
        }
    }

    private async Task<IReadOnlyList<RaceTarget>> TargetsAsync()
    {
        var scenario = new PermissionScenario(database);

        // Ivan's absence, far in the future; he changes it from two circuits at once (only he may).
        var (absenceId, _, away) = await scenario.AbsenceOfIvanAsync();
        var awayFrom = away.From!.Value;
        async Task<ReviewerAbsence> AbsenceAsync()
        {
            await using var db = await database.CreateDbContextAsync();
            return await db.ReviewerAbsences.AsNoTracking().SingleAsync(a => a.Id == absenceId);
        }

        var rollout = await scenario.RolloutAsync();
        var gate = await scenario.GateAsync(rollout, GateKind.InfrastructureAndNetwork);
        var item = gate.Checklist[0].Id;
        var agreement = await scenario.AgreementAsync();
        var catalog = database.Get<RolloutQueries>();
        var gates = database.Get<GateQueries>();
        var costs = database.Get<CostSharingQueries>();
        var vendor = await scenario.VendorAsync();
        var vendorName = (await database.Get<VendorQueries>().GetAsync(vendor.Id))!.Name;
        var engagement = await scenario.EngagementAsync();
        var selection = await scenario.SelectionAsync();
        var vendors = database.Get<VendorQueries>();
        var engagements = database.Get<VendorEngagementQueries>();
        var selections = database.Get<VendorSelectionQueries>();
        var riskRollout = await scenario.RolloutAsync();
        var risks = database.Get<RiskQueries>();
        var riskCommands = database.Get<RiskCommands>();
        await riskCommands.RaiseAsync(riskRollout.Code, Drafts.Risk());
        var risk = (await risks.ListAsync(riskRollout.Code, new RiskListQuery(), new PageRequest())).Items.Single();
        var term = await scenario.GlossaryTermAsync();
        var glossary = database.Get<GlossaryQueries>();
        var templates = database.Get<TemplateQueries>();
        var defaults = database.Get<DefaultSelectionCriteriaQueries>();
        await scenario.GateTemplateAsync(GateKind.SecurityReview);
        var bandwidth = await BandwidthScenario.PlannedRolloutAsync(scenario);
        var plans = database.Get<BandwidthPlanQueries>();

        return
        [
            new("rollout", typeof(Rollout),
                async () => (await catalog.GetAsync(rollout.Code))!.Version,
                (party, n, version) => party.Get<RolloutCommands>().ChangeHealthAsync(rollout.Code, RolloutHealth.AtRisk, $"Reason {n}", version),
                async n => (await catalog.GetAsync(rollout.Code))!.HealthReason == $"Reason {n}"),
            new("clearance gate", typeof(ClearanceGate),
                async () => (await gates.GetAsync(gate.Id))!.Version,
                (party, n, version) => party.Get<GateCommands>().SetChecklistItemAsync(gate.Id, item, ChecklistItemState.Met, $"Evidence {n}", version),
                async n => (await gates.GetAsync(gate.Id))!.Checklist.Single(i => i.Id == item).Evidence == $"Evidence {n}"),
            new("cost-sharing agreement", typeof(CostSharingAgreement),
                async () => (await costs.GetAsync(agreement.Code))!.Agreement!.Version,
                (party, n, version) => party.Get<CostSharingCommands>().UpdateLineAsync(agreement.Code, agreement.LineId, CostSharingScenario.Line(description: $"Licences {n}"), version),
                async n => (await costs.GetAsync(agreement.Code))!.Agreement!.Lines.Single().Line.Description == $"Licences {n}"),
            new("vendor", typeof(Vendor),
                async () => (await vendors.GetAsync(vendor.Id))!.Version,
                (party, n, version) => party.Get<VendorCommands>().DescribeAsync(vendor.Id, new VendorDraft { Name = vendorName, ContactName = $"Contact {n}" }, version),
                async n => (await vendors.GetAsync(vendor.Id))!.ContactName == $"Contact {n}"),
            new("vendor engagement", typeof(VendorEngagement),
                async () => (await EngagementAsync()).Version,
                (party, n, version) => party.Get<VendorEngagementCommands>().ChangeTermsAsync(engagement.Id, ContractWorth(1_000 + n), version),
                async n => (await EngagementAsync()).ContractValue == 1_000 + n),
            new("vendor selection", typeof(VendorSelection),
                async () => (await selections.GetAsync(selection.Code)).Selection!.Version,
                (party, n, version) => party.Get<VendorSelectionCommands>().ReviseCriteriaAsync(selection.Code, Renamed(selection.Criteria, $"Criterion {n}"), version),
                async n => (await selections.GetAsync(selection.Code)).Selection!.Criteria[0].Name == $"Criterion {n}"),

            // Resolving needs an open entry: the shared actor (an administrator) reopens a settled one before each race.
            new("risk or issue", typeof(RiskEntry),
                async () => (await OpenRiskAsync()).Version,
                (party, n, version) => party.Get<RiskCommands>().ChangeStatusAsync(risk.Id, RiskAction.Resolve, $"Resolution {n}", version),
                async n => (await RiskAsync()).Resolution == $"Resolution {n}"),
            new("term", typeof(GlossaryTerm),
                async () => (await glossary.GetAsync(term.Id))!.Version,
                (party, n, version) => party.Get<GlossaryCommands>().EditAsync(term.Id, new GlossaryDraft { Term = term.Term, Definition = $"Definition {n}" }, version),
                async n => (await glossary.GetAsync(term.Id))!.Definition == $"Definition {n}")
            {
                Editors = (Accounts.ItLead, Accounts.Admin),
            },
            new("gate template", typeof(GateTemplate),
                async () => (await TemplateAsync()).Version,
                async (party, n, version) => await party.Get<TemplateCommands>().PublishGateTemplateAsync(GateKind.SecurityReview, FirstItemSaying(await TemplateAsync(), $"Item {n}"), version),
                async n => (await TemplateAsync()).Items[0].Text == $"Item {n}")
            {
                Editors = (Accounts.Admin, Accounts.Admin),
            },
            new("set of default selection criteria", typeof(DefaultSelectionCriteria),
                async () => (await defaults.GetAsync()).Version,
                async (party, n, version) => await party.Get<DefaultSelectionCriteriaCommands>().ReviseAsync(Renamed(CriteriaDraft.From((await defaults.GetAsync()).Criteria), $"Criterion {n}"), version),
                async n => (await defaults.GetAsync()).Criteria[0].Name == $"Criterion {n}")
            {
                Editors = (Accounts.Admin, Accounts.Admin),
            },
            new("bandwidth plan", typeof(BandwidthPlan),
                async () => (await plans.ForGateAsync(bandwidth.GateId))!.Plan!.Version,
                (party, n, version) => party.Get<BandwidthPlanCommands>().SaveAsync(bandwidth.Code, SiteCalled($"Site {n}"), version),
                async n => (await plans.ForGateAsync(bandwidth.GateId))!.Plan!.Sites[0].Site.Name == $"Site {n}"),
            new("absence", typeof(ReviewerAbsence),
                async () => (await AbsenceAsync()).Version,
                (party, n, version) => party.Get<StandInCommands>().ChangeAwayAsync(
                    absenceId, new AwayDraft { From = awayFrom.AddDays(n), Until = awayFrom.AddDays(n + 1), StandInId = away.StandInId }, version),
                async n => (await AbsenceAsync()).From == awayFrom.AddDays(n))
            {
                Editors = (Accounts.ItLead, Accounts.ItLead),
            },
        ];

        async Task<EngagementView> EngagementAsync() => (await engagements.GetTabAsync(engagement.Code))!.Engagements.Single(e => e.Id == engagement.Id);

        async Task<RiskRow> RiskAsync() => (await risks.ListAsync(riskRollout.Code, new RiskListQuery(), new PageRequest())).Items.Single(r => r.Id == risk.Id);

        async Task<RiskRow> OpenRiskAsync()
        {
            var row = await RiskAsync();
            if (row.Status is RiskStatus.Open or RiskStatus.Mitigating)
            {
                return row;
            }

            await riskCommands.ChangeStatusAsync(risk.Id, RiskAction.Reopen, null, row.Version);
            return await RiskAsync();
        }

        async Task<GateTemplateView> TemplateAsync() => (await templates.PhasesAndGatesAsync()).SelectMany(p => p.Gates).Single(g => g.Kind == GateKind.SecurityReview);
    }

    private static EngagementTermsDraft ContractWorth(decimal value)
    {
        var terms = VendorScenario.Contract();
        terms.ContractValue = value;
        return terms;
    }

    private static GateTemplateDraft FirstItemSaying(GateTemplateView template, string text)
    {
        var draft = GateTemplateDraft.From(template);
        draft.Items[0].Text = text;
        return draft;
    }

    private static CriteriaDraft Renamed(CriteriaDraft criteria, string firstName)
    {
        var draft = new CriteriaDraft
        {
            Criteria = criteria.Criteria.Select(c => new CriterionDraft { Id = c.Id, Name = c.Name, Weight = c.Weight, MustHave = c.MustHave }).ToList(),
        };
        draft.Criteria[0].Name = firstName;
        return draft;
    }

    private static BandwidthPlanDraft SiteCalled(string name)
    {
        var draft = BandwidthScenario.Plan();
        draft.Sites[0].Name = name;
        return draft;
    }

    private static async Task<Exception?> OutcomeAsync(Func<Task> edit)
    {
        try
        {
            await Task.Yield();
            await edit();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
