using ElearningRollout.Application.Common;
using ElearningRollout.Application.CostSharing;
using ElearningRollout.Application.Tests.Infrastructure;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.CostSharing;

public sealed class CostSharingAccessTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private CostSharingScenario _costs = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _costs = new CostSharingScenario(_database);
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task An_IT_lead_cannot_add_cost_lines()
    {
        var code = await _costs.RolloutWithAgreementAsync();
        var version = await _costs.VersionAsync(code);
        await _database.PlayAsync(Accounts.ItLead);

        var refusal = await Assert.ThrowsAsync<AccessRefusedException>(
            () => _costs.Commands.AddLineAsync(code, CostSharingScenario.Line(), version));

        Assert.Equal("Only the rollout's training owner or an administrator can change the cost-sharing agreement.", refusal.Message);
        Assert.Empty((await _costs.AgreementAsync(code)).Lines);
    }

    [Fact]
    public async Task Another_training_manager_cannot_edit_Taras_agreement_but_an_administrator_can()
    {
        var code = await _costs.RolloutWithAgreementAsync();
        var version = await _costs.VersionAsync(code);

        await _database.PlayAsync(Accounts.Training2);
        await Assert.ThrowsAsync<AccessRefusedException>(() => _costs.Commands.AddLineAsync(code, CostSharingScenario.Line(), version));
        await Assert.ThrowsAsync<AccessRefusedException>(() => _costs.Commands.ChangeTermAsync(code, 36, version));

        await _database.PlayAsync(Accounts.Admin);
        await _costs.Commands.AddLineAsync(code, CostSharingScenario.Line(), version);
        Assert.Single((await _costs.AgreementAsync(code)).Lines);
    }

    [Fact]
    public async Task Only_the_owner_creates_the_agreement_and_only_once()
    {
        await _database.PlayAsync(Accounts.Training);
        var code = await _database.Get<Application.Rollouts.RolloutCommands>().CreateAsync(Rollouts.Drafts.Rollout());
        await _database.PlayAsync(Accounts.ItLead);
        await Assert.ThrowsAsync<AccessRefusedException>(() => _costs.Commands.CreateAsync(code, 12));

        await _database.PlayAsync(Accounts.Training);
        Assert.True((await _costs.Queries.GetAsync(code))!.Can.CreateAgreement);
        await _costs.Commands.CreateAsync(code, 12);

        var again = await Assert.ThrowsAsync<Domain.Common.DomainException>(() => _costs.Commands.CreateAsync(code, 12));
        Assert.Equal("This rollout already has a cost-sharing agreement.", again.Message);
    }

    [Fact]
    public async Task An_executive_reads_the_costs_and_may_do_nothing_else()
    {
        var code = await _costs.RolloutWithAgreementAsync();
        await _costs.AddLineAsync(code);
        await _database.PlayAsync(Accounts.Executive);

        var tab = (await _costs.Queries.GetAsync(code))!;

        Assert.Single(tab.Agreement!.Lines);
        Assert.Equal(new CostPermissions(false, false, false, false, false, null, false, false), tab.Can);
        await Assert.ThrowsAsync<AccessRefusedException>(() => _costs.Commands.SignAsync(code, tab.Agreement.Version));
    }

    [Fact]
    public async Task IT_leads_record_actual_spend_and_executives_do_not()
    {
        var code = await _costs.RolloutWithAgreementAsync();
        var lineId = await _costs.AddLineAsync(code);
        var spend = new ActualSpendDraft { SpentOn = new DateOnly(2027, 1, 15), Amount = 500m, Note = "Invoice 1" };

        await _database.PlayAsync(Accounts.Executive);
        var refusal = await Assert.ThrowsAsync<AccessRefusedException>(
            () => _costs.Commands.RecordActualAsync(code, lineId, spend, Guid.Empty));
        Assert.Equal("Only the rollout's training owner, IT leads and administrators can record actual spend.", refusal.Message);

        await _database.PlayAsync(Accounts.ItLead);
        Assert.True((await _costs.Queries.GetAsync(code))!.Can.RecordActuals);
        await _costs.Commands.RecordActualAsync(code, lineId, spend, await _costs.VersionAsync(code));

        var actual = Assert.Single((await _costs.AgreementAsync(code)).Lines[0].Actuals);
        Assert.Equal(("Invoice 1", 500m, "EUR"), (actual.Note, actual.Amount.Amount, actual.Amount.Currency));
    }
}
