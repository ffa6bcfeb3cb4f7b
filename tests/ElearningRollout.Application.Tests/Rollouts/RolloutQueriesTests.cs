using ElearningRollout.Application.Common;
using ElearningRollout.Application.Rollouts;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Domain.Rollouts;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.Rollouts;

public sealed class RolloutQueriesTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await _database.PlayAsync(Accounts.Training);
        var commands = _database.Get<RolloutCommands>();
        await commands.CreateAsync(Drafts.Rollout("Dealer academy"));
        var deep = Drafts.Rollout("Plant compliance with SAP");
        deep.HostingModel = HostingModel.Hybrid;
        deep.Integrations = Integrations.Sap;
        await commands.CreateAsync(deep);
        await _database.PlayAsync(Accounts.Training2);
        await commands.CreateAsync(Drafts.Rollout("Customer onboarding portal"));
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    private RolloutQueries Catalog => _database.Get<RolloutQueries>();

    [Fact]
    public async Task Everyone_signed_in_reads_every_rollout_with_owner_phase_and_profile()
    {
        await _database.PlayAsync(Accounts.Executive);

        var page = await Catalog.ListAsync(new RolloutListQuery(), new PageRequest());

        Assert.Equal(3, page.TotalCount);
        var first = page.Items[0];
        Assert.Equal(("ELR-0001", "Dealer academy", "Tara Training", PhaseKind.Initiation, ItInvolvementProfile.Light),
            (first.Code, first.Title, first.TrainingOwner, first.CurrentPhase, first.Profile));
    }

    [Fact]
    public async Task Search_matches_code_or_title_and_filters_combine()
    {
        var byTitle = await Catalog.ListAsync(new RolloutListQuery(Search: "SAP"), new PageRequest());
        var byCode = await Catalog.ListAsync(new RolloutListQuery(Search: "elr-0003"), new PageRequest());
        var deep = await Catalog.ListAsync(new RolloutListQuery(Profile: ItInvolvementProfile.Deep), new PageRequest());
        var tarasDrafts = await Catalog.ListAsync(
            new RolloutListQuery(Status: LifecycleStatus.Draft, TrainingOwnerId: (await _database.PlayAsync(Accounts.Training)).UserId), new PageRequest());

        Assert.Equal(["Plant compliance with SAP"], byTitle.Items.Select(r => r.Title));
        Assert.Equal(["Customer onboarding portal"], byCode.Items.Select(r => r.Title));
        Assert.Equal(["ELR-0002"], deep.Items.Select(r => r.Code));
        Assert.Equal(2, tarasDrafts.TotalCount);
    }

    [Fact]
    public async Task Pages_and_sorting_are_done_by_the_database()
    {
        var firstPage = await Catalog.ListAsync(new RolloutListQuery(Sort: RolloutSort.Title), new PageRequest(0, 2));
        var secondPage = await Catalog.ListAsync(new RolloutListQuery(Sort: RolloutSort.Title), new PageRequest(1, 2));
        var descending = await Catalog.ListAsync(new RolloutListQuery(Sort: RolloutSort.Code, Descending: true), new PageRequest(0, 1));

        Assert.Equal(["Customer onboarding portal", "Dealer academy"], firstPage.Items.Select(r => r.Title));
        Assert.Equal(["Plant compliance with SAP"], secondPage.Items.Select(r => r.Title));
        Assert.Equal(3, secondPage.TotalCount);
        Assert.Equal("ELR-0003", descending.Items.Single().Code);
    }

    [Fact]
    public async Task The_screen_is_told_what_the_reader_may_do()
    {
        await _database.PlayAsync(Accounts.ItLead);
        var asItLead = (await Catalog.GetAsync("ELR-0001"))!;
        await _database.PlayAsync(Accounts.Training);
        var asOwner = (await Catalog.GetAsync("ELR-0001"))!;

        Assert.Equal(new RolloutPermissions(Edit: false, MovePhases: false, RaiseRisks: true), asItLead.Can with { EditRefusal = null });
        Assert.Equal(new RolloutPermissions(Edit: true, MovePhases: true, RaiseRisks: true), asOwner.Can);
        Assert.Null(await Catalog.GetAsync("ELR-9999"));
    }

    [Fact]
    public async Task A_reader_who_may_not_change_a_rollout_is_told_who_can_and_how_to_ask()
    {
        await _database.PlayAsync(Accounts.Training2);
        var colleague = (await Catalog.GetAsync("ELR-0001"))!;
        await _database.PlayAsync(Accounts.ItLead);
        var itLead = (await Catalog.GetAsync("ELR-0001"))!;
        await _database.PlayAsync(Accounts.Admin);
        var administrator = (await Catalog.GetAsync("ELR-0001"))!;

        Assert.False(colleague.Can.Edit);
        Assert.StartsWith("Only the training owner, Tara Training, or an administrator can change this rollout. To change it, ask Tara Training",
            colleague.Can.EditRefusal, StringComparison.Ordinal);
        Assert.Contains("IT leads can log risks and issues", colleague.Can.EditRefusal, StringComparison.Ordinal);
        Assert.Contains("As an IT lead you can log risks and issues", itLead.Can.EditRefusal, StringComparison.Ordinal);
        Assert.Null(administrator.Can.EditRefusal);
    }
}
