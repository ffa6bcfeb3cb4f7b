using ElearningRollout.Application.Common;
using ElearningRollout.Application.CostSharing;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Application.Tests.Vendors;
using ElearningRollout.Domain.Vendors;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.CostSharing;

/// <summary>A cost line may name the vendor engagement it pays for, only one of its own rollout's.</summary>
public sealed class CostLineEngagementTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private CostSharingScenario _costs = null!;
    private VendorScenario _vendors = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _costs = new CostSharingScenario(_database);
        _vendors = new VendorScenario(_database);
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task A_line_names_an_engagement_of_its_rollout_and_the_costs_tab_offers_them()
    {
        var vendorId = await _vendors.VendorAsync("Skyline LMS Cloud");
        var (code, engagementId) = await _vendors.EngagementAsync(vendorId, EngagementType.LmsPlatform);
        await _database.PlayAsync(Accounts.Training);
        await _costs.Commands.CreateAsync(code, 24);
        var draft = CostSharingScenario.Line();
        draft.VendorEngagementId = engagementId;

        await _costs.AddLineAsync(code, draft);

        var tab = (await _costs.Queries.GetAsync(code))!;
        Assert.Equal(engagementId, tab.Agreement!.Lines.Single().Line.VendorEngagementId);
        Assert.Equal([new EngagementChoice(engagementId, "Skyline LMS Cloud, LMS platform")], tab.Engagements);
    }

    [Fact]
    public async Task Another_rollouts_engagement_is_refused_beside_the_field_and_nothing_is_written()
    {
        var vendorId = await _vendors.VendorAsync("Skyline LMS Cloud");
        var (_, elsewhere) = await _vendors.EngagementAsync(vendorId, EngagementType.LmsPlatform);
        var code = await _costs.RolloutWithAgreementAsync();
        var draft = CostSharingScenario.Line();
        draft.VendorEngagementId = elsewhere;

        var refusal = await Assert.ThrowsAsync<ValidationFailedException>(() => _costs.AddLineAsync(code, draft));

        Assert.Equal(["Choose one of this rollout's vendor engagements, or none."], refusal.Errors[nameof(CostLineDraft.VendorEngagementId)]);
        Assert.Empty((await _costs.AgreementAsync(code)).Lines);
    }
}
