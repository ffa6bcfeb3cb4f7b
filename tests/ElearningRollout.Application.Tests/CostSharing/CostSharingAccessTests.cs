using ElearningRollout.Application.Common;
using ElearningRollout.Application.CostSharing;
using ElearningRollout.Application.Tests.Infrastructure;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.CostSharing;

public sealed class CostSharingAccessTests : CostSharingTest
{
    [Fact]
    public async Task An_IT_lead_cannot_add_cost_lines()
    {
        var code = await Costs.RolloutWithAgreementAsync();
        var version = await Costs.VersionAsync(code);
        await Database.PlayAsync(Accounts.ItLead);

        var refusal = await Assert.ThrowsAsync<AccessRefusedException>(
            () => Costs.Commands.AddLineAsync(code, CostSharingScenario.Line(), version));

        Assert.Equal("Only the rollout's training owner or an administrator can change the cost-sharing agreement.", refusal.Message);
        Assert.Empty((await Costs.AgreementAsync(code)).Lines);
    }

    [Fact]
    public async Task Another_training_manager_cannot_edit_Taras_agreement_but_an_administrator_can()
    {
        var code = await Costs.RolloutWithAgreementAsync();
        var version = await Costs.VersionAsync(code);

        await Database.PlayAsync(Accounts.Training2);
        await Assert.ThrowsAsync<AccessRefusedException>(() => Costs.Commands.AddLineAsync(code, CostSharingScenario.Line(), version));
        await Assert.ThrowsAsync<AccessRefusedException>(() => Costs.Commands.ChangeTermAsync(code, 36, version));

        await Database.PlayAsync(Accounts.Admin);
        await Costs.Commands.AddLineAsync(code, CostSharingScenario.Line(), version);
        Assert.Single((await Costs.AgreementAsync(code)).Lines);
    }

    [Fact]
    public async Task Only_the_owner_creates_the_agreement_and_only_once()
    {
        await Database.PlayAsync(Accounts.Training);
        var code = await Database.Get<Application.Rollouts.RolloutCommands>().CreateAsync(Rollouts.Drafts.Rollout());
        await Database.PlayAsync(Accounts.ItLead);
        await Assert.ThrowsAsync<AccessRefusedException>(() => Costs.Commands.CreateAsync(code, 12));

        await Database.PlayAsync(Accounts.Training);
        Assert.True((await Costs.Queries.GetAsync(code))!.Can.CreateAgreement);
        await Costs.Commands.CreateAsync(code, 12);

        var again = await Assert.ThrowsAsync<Domain.Common.DomainException>(() => Costs.Commands.CreateAsync(code, 12));
        Assert.Equal("This rollout already has a cost-sharing agreement.", again.Message);
    }

    [Fact]
    public async Task An_executive_reads_theCosts_and_may_do_nothing_else()
    {
        var code = await Costs.RolloutWithAgreementAsync();
        await Costs.AddLineAsync(code);
        await Database.PlayAsync(Accounts.Executive);

        var tab = (await Costs.Queries.GetAsync(code))!;

        Assert.Single(tab.Agreement!.Lines);
        Assert.Equal(new CostPermissions(false, false, false, false, false, null, false, false), tab.Can);
        await Assert.ThrowsAsync<AccessRefusedException>(() => Costs.Commands.SignAsync(code, tab.Agreement.Version));
    }

    [Fact]
    public async Task IT_leads_record_actual_spend_and_executives_do_not()
    {
        var code = await Costs.RolloutWithAgreementAsync();
        var lineId = await Costs.AddLineAsync(code);
        var spend = new ActualSpendDraft { SpentOn = new DateOnly(2027, 1, 15), Amount = 500m, Note = "Invoice 1" };

        await Database.PlayAsync(Accounts.Executive);
        var refusal = await Assert.ThrowsAsync<AccessRefusedException>(
            () => Costs.Commands.RecordActualAsync(code, lineId, spend, Guid.Empty));
        Assert.Equal("Only the rollout's training owner, IT leads and administrators can record actual spend.", refusal.Message);

        await Database.PlayAsync(Accounts.ItLead);
        Assert.True((await Costs.Queries.GetAsync(code))!.Can.RecordActuals);
        await Costs.Commands.RecordActualAsync(code, lineId, spend, await Costs.VersionAsync(code));

        var actual = Assert.Single((await Costs.AgreementAsync(code)).Lines[0].Actuals);
        Assert.Equal(("Invoice 1", 500m, "EUR"), (actual.Note, actual.Amount.Amount, actual.Amount.Currency));
    }
}
