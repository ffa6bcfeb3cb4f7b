using ElearningRollout.Application.Common;
using ElearningRollout.Application.CostSharing;
using ElearningRollout.Application.Gates;
using ElearningRollout.Application.Rollouts;
using ElearningRollout.Application.Tests.CostSharing;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Application.Tests.Vendors;
using ElearningRollout.Application.Vendors;
using ElearningRollout.Application.Vendors.Selection;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Rollouts;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.Security;

/// <summary>
/// 1,000 randomized two-party races over every aggregate two people edit: both start from the same version and save
/// at once. Exactly one wins and what is stored is the winner's; the loser gets ConcurrencyConflictException naming
/// the winner, so no update is ever lost silently. Add an aggregate with one more <see cref="RaceTarget"/>.
/// </summary>
public sealed class ConcurrencyRaceTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>
{
    private const int Races = 1_000;

    /// <param name="Version">The version both parties saw.</param>
    /// <param name="Edit">Party's edit number n (a value no other race writes).</param>
    /// <param name="Stored">Whether edit number n is what is stored now.</param>
    private sealed record RaceTarget(string Name, Func<Task<Guid>> Version, Func<SqliteTestDatabaseActorScope, int, Guid, Task> Edit, Func<int, Task<bool>> Stored);

    [Fact]
    public async Task Two_people_saving_the_same_thing_at_once_never_lose_an_update_silently()
    {
        var targets = await TargetsAsync();
        var tara = new SqliteTestDatabaseActorScope(database, await database.PlayAsync(Accounts.Training));
        var admin = new SqliteTestDatabaseActorScope(database, await database.PlayAsync(Accounts.Admin));
        var random = new Random(20261102);

        for (var race = 0; race < Races; race++)
        {
            var target = targets[random.Next(targets.Count)];
            var (first, second) = random.Next(2) == 0 ? (tara, admin) : (admin, tara);
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
        var rollout = await scenario.RolloutAsync();
        var gate = await scenario.GateAsync(rollout, GateKind.InfrastructureAndNetwork);
        var item = gate.Checklist[0].Id;
        var agreement = await scenario.AgreementAsync();
        var catalog = database.Get<RolloutCatalog>();
        var gates = database.Get<GateQueries>();
        var costs = database.Get<CostSharingQueries>();
        var vendor = await scenario.VendorAsync();
        var vendorName = (await database.Get<VendorQueries>().GetAsync(vendor.Id))!.Name;
        var engagement = await scenario.EngagementAsync();
        var selection = await scenario.SelectionAsync();
        var vendors = database.Get<VendorQueries>();
        var engagements = database.Get<VendorEngagementQueries>();
        var selections = database.Get<VendorSelectionQueries>();

        return
        [
            new("rollout",
                async () => (await catalog.GetAsync(rollout.Code))!.Version,
                (party, n, version) => party.Get<RolloutCommands>().ChangeHealthAsync(rollout.Code, RolloutHealth.AtRisk, $"Reason {n}", version),
                async n => (await catalog.GetAsync(rollout.Code))!.HealthReason == $"Reason {n}"),
            new("clearance gate",
                async () => (await gates.GetAsync(gate.Id))!.Version,
                (party, n, version) => party.Get<GateCommands>().SetChecklistItemAsync(gate.Id, item, ChecklistItemState.Met, $"Evidence {n}", version),
                async n => (await gates.GetAsync(gate.Id))!.Checklist.Single(i => i.Id == item).Evidence == $"Evidence {n}"),
            new("cost-sharing agreement",
                async () => (await costs.GetAsync(agreement.Code))!.Agreement!.Version,
                (party, n, version) => party.Get<CostSharingCommands>().UpdateLineAsync(agreement.Code, agreement.LineId, CostSharingScenario.Line(description: $"Licences {n}"), version),
                async n => (await costs.GetAsync(agreement.Code))!.Agreement!.Lines.Single().Line.Description == $"Licences {n}"),
            new("vendor",
                async () => (await vendors.GetAsync(vendor.Id))!.Version,
                (party, n, version) => party.Get<VendorCommands>().DescribeAsync(vendor.Id, new VendorDraft { Name = vendorName, ContactName = $"Contact {n}" }, version),
                async n => (await vendors.GetAsync(vendor.Id))!.ContactName == $"Contact {n}"),
            new("vendor engagement",
                async () => (await EngagementAsync()).Version,
                (party, n, version) => party.Get<VendorEngagementCommands>().ChangeTermsAsync(engagement.Id, ContractWorth(1_000 + n), version),
                async n => (await EngagementAsync()).ContractValue == 1_000 + n),
            new("vendor selection",
                async () => (await selections.GetAsync(selection.Code)).Selection!.Version,
                (party, n, version) => party.Get<VendorSelectionCommands>().ReviseCriteriaAsync(selection.Code, Renamed(selection.Criteria, $"Criterion {n}"), version),
                async n => (await selections.GetAsync(selection.Code)).Selection!.Criteria[0].Name == $"Criterion {n}"),
        ];

        async Task<EngagementView> EngagementAsync() => (await engagements.GetTabAsync(engagement.Code))!.Engagements.Single(e => e.Id == engagement.Id);
    }

    private static EngagementTermsDraft ContractWorth(decimal value)
    {
        var terms = VendorScenario.Contract();
        terms.ContractValue = value;
        return terms;
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
