using ElearningRollout.Application.Gates;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Application.Tests.Security;
using ElearningRollout.Domain.Gates;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.Gates;

/// <summary>
/// A gate's checklist, rounds, conditions and reviews are read each by a statement of its own (GateStore): in one
/// statement they would come back multiplied, every item with every round with every condition with every review.
/// </summary>
public sealed class GateStoreTests : DatabaseTest
{
    [Fact]
    public async Task A_gate_is_read_whole_with_a_statement_per_collection_not_their_product_in_one()
    {
        // Submitted, rejected, submitted again and approved with two conditions: two rounds, a review in each.
        var scenario = new PermissionScenario(Database);
        var gate = await scenario.SubmittedGateAsync(GateKind.SecurityReview);
        var owner = await Database.PlayAsync(Accounts.Training);
        var commands = Database.Get<GateCommands>();
        await Database.PlayAsync(Accounts.ItLead);
        await commands.DecideAsync(gate.Id, new GateDecisionDraft { Decision = DecisionKind.Reject, Rationale = "No data flow diagram." }, gate.Version);
        await Database.PlayAsync(Accounts.Training);
        await commands.SubmitAsync(gate.Id, null, null, (await scenario.GateAsync(gate.Id)).Version);
        await Database.PlayAsync(Accounts.ItLead);
        await commands.DecideAsync(gate.Id, new GateDecisionDraft
        {
            Decision = DecisionKind.ApproveWithConditions,
            Rationale = "Two documents still to come.",
            Conditions =
            [
                new ConditionDraft { Text = "Send the pen test summary", OwnerId = owner.UserId, DueDate = new DateOnly(2026, 12, 1) },
                new ConditionDraft { Text = "Send the data flow diagram", OwnerId = owner.UserId, DueDate = new DateOnly(2026, 12, 8) },
            ],
        }, (await scenario.GateAsync(gate.Id)).Version);
        var shown = await scenario.GateAsync(gate.Id);

        await using var db = await Database.CreateDbContextAsync();
        Database.Statements.Reset();
        var loaded = await GateCommands.Gate(gate.Id).Load(db, CancellationToken.None);
        var statements = Database.Statements.Count;

        Assert.True(shown.Checklist.Count > 1);
        Assert.Equal((shown.Checklist.Count, 2, 2, 2), (loaded.Checklist.Count, loaded.Rounds.Count, loaded.Conditions.Count, loaded.Reviews.Count));
        Assert.Equal(5, statements);
    }
}
