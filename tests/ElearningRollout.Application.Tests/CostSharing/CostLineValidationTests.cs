using ElearningRollout.Application.Common;
using ElearningRollout.Application.CostSharing;
using ElearningRollout.Application.Tests.Infrastructure;

namespace ElearningRollout.Application.Tests.CostSharing;

public sealed class CostLineValidationTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private CostSharingScenario _costs = null!;
    private string _code = "";

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _costs = new CostSharingScenario(_database);
        _code = await _costs.RolloutWithAgreementAsync();
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Every_missing_field_is_named_beside_its_field_and_nothing_is_written()
    {
        var failure = await AddAsync(new CostLineDraft { Currency = "eur" });

        Assert.Equal(["Amount", "Category", "Currency", "Description", "Split"], failure.Errors.Keys.Order());
        Assert.Equal(["Choose a cost category."], failure.Errors[nameof(CostLineDraft.Category)]);
        Assert.Equal(["Enter the amount."], failure.Errors[nameof(CostLineDraft.Amount)]);
        Assert.Equal(["Use a three-letter ISO 4217 currency code in capitals, such as EUR."], failure.Errors[nameof(CostLineDraft.Currency)]);
        Assert.Equal(["Split the cost between at least one department."], failure.Errors[nameof(CostLineDraft.Split)]);
        Assert.Empty((await _costs.AgreementAsync(_code)).Lines);
    }

    [Fact]
    public async Task A_split_that_does_not_total_100_is_explained_under_Split()
    {
        var failure = await AddAsync(CostSharingScenario.Line(split: [("Training", 50m), ("IT", 30m)]));

        Assert.Equal(["The shares add up to 80%; they must total exactly 100%."], failure.Errors[nameof(CostLineDraft.Split)]);
    }

    [Fact]
    public async Task Every_problem_of_a_split_is_listed_at_once()
    {
        var failure = await AddAsync(CostSharingScenario.Line(split: [("IT", 50m), ("IT", 0m), ("", 20m)]));

        Assert.Equal(
            [
                "Choose a department for every share.",
                "Every department's share must be more than 0%.",
                "IT appears twice in the split; give each department one share.",
                "The shares add up to 70%; they must total exactly 100%.",
            ],
            failure.Errors[nameof(CostLineDraft.Split)]);
    }

    [Fact]
    public async Task A_department_that_does_not_exist_is_refused_and_a_known_one_is_stored_as_spelled_in_the_list()
    {
        var failure = await AddAsync(CostSharingScenario.Line(split: [("Training", 50m), ("Finance", 50m)]));
        Assert.Equal(["Finance is not a department; choose one of the departments."], failure.Errors[nameof(CostLineDraft.Split)]);

        await _costs.AddLineAsync(_code, CostSharingScenario.Line(split: [("training", 50m), ("it", 50m)]));

        Assert.Equal(["Training", "IT"], (await _costs.AgreementAsync(_code)).Lines[0].Line.Split.Select(s => s.Department));
    }

    [Fact]
    public async Task An_amount_with_fractions_of_a_cent_is_refused()
    {
        var failure = await AddAsync(CostSharingScenario.Line(amount: 10.001m));

        Assert.Equal(["The amount can have at most two decimals (cents)."], failure.Errors[nameof(CostLineDraft.Amount)]);
    }

    [Fact]
    public async Task Actual_spend_needs_a_date_and_an_amount()
    {
        var lineId = await _costs.AddLineAsync(_code);

        var failure = await Assert.ThrowsAsync<ValidationFailedException>(
            async () => await _costs.Commands.RecordActualAsync(_code, lineId, new ActualSpendDraft(), await _costs.VersionAsync(_code)));

        Assert.Equal(["Enter the date the money was spent."], failure.Errors[nameof(ActualSpendDraft.SpentOn)]);
        Assert.Equal(["Enter the amount spent."], failure.Errors[nameof(ActualSpendDraft.Amount)]);
    }

    private async Task<ValidationFailedException> AddAsync(CostLineDraft draft)
    {
        var version = await _costs.VersionAsync(_code);
        return await Assert.ThrowsAsync<ValidationFailedException>(() => _costs.Commands.AddLineAsync(_code, draft, version));
    }
}
