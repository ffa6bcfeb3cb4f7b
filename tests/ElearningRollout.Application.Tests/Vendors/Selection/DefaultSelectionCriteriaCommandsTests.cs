using ElearningRollout.Application.Common;
using ElearningRollout.Application.Seeding;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Application.Vendors.Selection;
using ElearningRollout.Domain.Vendors;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.Vendors.Selection;

public sealed class DefaultSelectionCriteriaCommandsTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private SelectionScenario _selection = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _selection = new SelectionScenario(_database);
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task The_defaults_are_seeded_from_the_domain_content()
    {
        await _database.PlayAsync(Accounts.Executive);

        var defaults = await _selection.DefaultQueries.GetAsync();

        Assert.Equal(
            [("Functional fit", 25), ("Usability", 15), ("Pricing and total cost", 20), ("Integrations", 10), ("Security", 10),
             ("Support and implementation", 10), ("Vendor viability and references", 10)],
            defaults.Criteria.Select(c => (c.Name, c.Weight)));
    }

    [Fact]
    public async Task An_administrators_change_reaches_new_selections_only()
    {
        await _selection.SelectionWithCandidatesAsync();
        await _database.PlayAsync(Accounts.Admin);
        var defaults = await _selection.DefaultQueries.GetAsync();

        await _selection.DefaultCommands.ReviseAsync(
            SelectionScenario.Criteria(("Functional fit", 50, false), ("Security", 30, true), ("Pricing and total cost", 20, false)), defaults.Version);

        await _database.PlayAsync(Accounts.Training);
        var other = _selection.Code;
        await _selection.RolloutAsync();
        await _selection.Commands.StartAsync(_selection.Code, EngagementType.Hosting);
        Assert.Equal(
            [("Functional fit", 50, false), ("Security", 30, true), ("Pricing and total cost", 20, false)],
            (await _selection.SelectionAsync()).Criteria.Select(c => (c.Name, c.Weight, c.MustHave)));
        Assert.Equal(BuiltInSelectionCriteria.Criteria.Count, (await _selection.Queries.GetAsync(other)).Selection!.Criteria.Count);
    }

    [Theory]
    [InlineData(Accounts.Training)]
    [InlineData(Accounts.ItLead)]
    [InlineData(Accounts.Executive)]
    public async Task Only_administrators_change_the_defaults(string account)
    {
        await _database.PlayAsync(account);
        var defaults = await _selection.DefaultQueries.GetAsync();

        var refusal = await Assert.ThrowsAsync<AccessRefusedException>(
            () => _selection.DefaultCommands.ReviseAsync(SelectionScenario.Criteria(("Functional fit", 100, false)), defaults.Version));

        Assert.Equal("Only administrators change the default selection criteria.", refusal.Message);
        Assert.Equal(7, (await _selection.DefaultQueries.GetAsync()).Criteria.Count);
    }

    [Fact]
    public async Task Defaults_must_total_100_with_unique_names()
    {
        await _database.PlayAsync(Accounts.Admin);
        var defaults = await _selection.DefaultQueries.GetAsync();

        var refusal = await Assert.ThrowsAsync<ValidationFailedException>(() => _selection.DefaultCommands.ReviseAsync(
            SelectionScenario.Criteria(("Security", 50, true), ("SECURITY", 40, false)), defaults.Version));

        Assert.Equal(
            ["Two criteria are called Security; each name must be different.", "The weights must total exactly 100; they total 90 now."],
            refusal.Errors[nameof(CriteriaDraft.Criteria)]);
    }

    [Fact]
    public async Task Two_administrators_editing_the_defaults_do_not_overwrite_each_other()
    {
        await _database.PlayAsync(Accounts.Admin);
        var seen = (await _selection.DefaultQueries.GetAsync()).Version;
        await _selection.DefaultCommands.ReviseAsync(SelectionScenario.Criteria(("Functional fit", 100, false)), seen);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => _selection.DefaultCommands.ReviseAsync(SelectionScenario.Criteria(("Security", 100, true)), seen));

        Assert.StartsWith("Alex Admin changed this set of default selection criteria", conflict.Message);
        Assert.Equal(["Functional fit"], (await _selection.DefaultQueries.GetAsync()).Criteria.Select(c => c.Name));
    }
}
