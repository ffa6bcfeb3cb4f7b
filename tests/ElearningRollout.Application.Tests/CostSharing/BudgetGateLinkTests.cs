using ElearningRollout.Application.Gates;
using ElearningRollout.Application.Rollouts;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Gates;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.CostSharing;

/// <summary>The Budget agreement gate's required items are met by the agreement's state, not by hand.</summary>
public sealed class BudgetGateLinkTests : CostSharingTest
{
    [Fact]
    public async Task The_required_items_follow_the_agreement_and_cannot_be_ticked_by_hand()
    {
        var code = await Costs.RolloutWithAgreementAsync();
        var before = await BudgetGateAsync(code);
        var required = before.Checklist.Where(i => i.IsRequired).ToList();

        var manual = await Assert.ThrowsAsync<DomainException>(() => Database.Get<GateCommands>()
            .SetChecklistItemAsync(before.Id, required[0].Id, ChecklistItemState.Met, "Trust me", before.Version));
        await Costs.AddLineAsync(code);
        var withLines = await BudgetGateAsync(code);
        await Costs.SignByBothSidesAsync(code);
        var signed = await BudgetGateAsync(code);

        Assert.Equal("This item follows the cost-sharing agreement: complete and sign the agreement on the Costs tab.", manual.Message);
        Assert.All(required, i => Assert.Equal(ChecklistItemState.Open, i.State));
        Assert.Equal([ChecklistItemState.Met, ChecklistItemState.Open], withLines.Checklist.Where(i => i.IsRequired).Select(i => i.State));
        Assert.All(signed.Checklist.Where(i => i.IsRequired), i => Assert.Equal(ChecklistItemState.Met, i.State));
    }

    [Fact]
    public async Task Once_the_agreement_is_signed_the_gate_can_be_submitted_and_approved()
    {
        var code = await Costs.RolloutWithAgreementAsync();
        await Costs.AddLineAsync(code);
        await Costs.SignByBothSidesAsync(code);
        var ivan = (await Database.PlayAsync(Accounts.ItLead)).UserId;
        await Database.PlayAsync(Accounts.Training);
        var gate = await BudgetGateAsync(code);
        await Database.Get<GateCommands>().SubmitAsync(gate.Id, ivan, null, gate.Version);
        await Database.PlayAsync(Accounts.ItLead);
        gate = await BudgetGateAsync(code);

        await Database.Get<GateCommands>().DecideAsync(gate.Id, new GateDecisionDraft { Decision = DecisionKind.Approve }, gate.Version);

        Assert.Equal(GateState.Approved, (await BudgetGateAsync(code)).State);
    }

    [Fact]
    public async Task The_link_follows_the_marked_items_after_an_administrator_reorders_and_rewords_the_template()
    {
        await new Templates.TemplateScenario(Database).PublishAsync(GateKind.BudgetAgreement, d =>
        {
            d.Items.Reverse();
            d.Items[0].IsRequired = true;
            d.Items[1].Text = "Recurring costs priced for the whole term";
        });
        var code = await Costs.RolloutWithAgreementAsync();

        await Costs.AddLineAsync(code);
        var gate = await BudgetGateAsync(code);

        Assert.Equal(
            [("CapEx or OpEx set on every line for finance", ChecklistItemState.Open),
             ("Recurring costs priced for the whole term", ChecklistItemState.Open),
             ("Every cost line has a category and an owner department split", ChecklistItemState.Met)],
            gate.Checklist.Select(i => (i.Text, i.State)));
    }

    private async Task<GateDetails> BudgetGateAsync(string code)
    {
        var me = Database.Actor.Current;
        await Database.PlayAsync(Accounts.Training);
        var id = (await Database.Get<RolloutQueries>().GetAsync(code))!.Gates.Single(g => g.Kind == GateKind.BudgetAgreement).Id;
        var gate = (await Database.Get<GateQueries>().GetAsync(id))!;
        Database.Actor.PlayAs(me);
        return gate;
    }
}
