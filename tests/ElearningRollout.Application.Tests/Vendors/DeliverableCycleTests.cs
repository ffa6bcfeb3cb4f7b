using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Application.Vendors;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Vendors;

namespace ElearningRollout.Application.Tests.Vendors;

public sealed class DeliverableCycleTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private VendorScenario _vendors = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _vendors = new VendorScenario(_database);
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    private async Task<(string Code, Guid Id)> ContractedCourseDevelopmentAsync()
    {
        var (code, id) = await _vendors.EngagementAsync(await _vendors.VendorAsync(), EngagementType.CourseDevelopment, VendorScenario.Contract(withSla: false));
        await _vendors.MoveAsync(code, id, EngagementStatus.Evaluating, EngagementStatus.Contracted);
        return (code, id);
    }

    private async Task<DeliverableView> StageAsync(string code, Guid id, DeliverableStage stage) =>
        (await _vendors.EngagementAsync(code, id)).Deliverables.Single(d => d.Stage == stage);

    [Fact]
    public async Task Only_the_next_stage_is_offered_and_a_later_one_is_refused()
    {
        var (code, id) = await ContractedCourseDevelopmentAsync();

        var offered = (await _vendors.EngagementAsync(code, id)).Deliverables.Where(d => d.CanSubmit).Select(d => d.Stage);
        var refusal = await Assert.ThrowsAsync<DomainException>(async () =>
            await _vendors.Engagements.SubmitDeliverableAsync(id, DeliverableStage.Beta, null, await _vendors.VersionAsync(code, id)));

        Assert.Equal([DeliverableStage.Storyboard], offered);
        Assert.Equal("The storyboard must be signed off before the beta is submitted.", refusal.Message);
    }

    [Fact]
    public async Task A_rejected_storyboard_goes_back_with_comments_then_the_cycle_runs_to_gold_and_the_engagement_completes()
    {
        var (code, id) = await ContractedCourseDevelopmentAsync();
        await _vendors.MoveAsync(code, id, EngagementStatus.Active);
        await _vendors.Engagements.SubmitDeliverableAsync(id, DeliverableStage.Storyboard, "Storyboard v1", await _vendors.VersionAsync(code, id));
        Assert.True((await StageAsync(code, id, DeliverableStage.Storyboard)).CanDecide);

        await _vendors.Engagements.RejectDeliverableAsync(id, DeliverableStage.Storyboard, "Module 2 uses last year's price list.", await _vendors.VersionAsync(code, id));

        var rejected = await StageAsync(code, id, DeliverableStage.Storyboard);
        Assert.Equal((DeliverableState.Rejected, "Module 2 uses last year's price list.", 1, "Tara Training", true),
            (rejected.State, rejected.RejectionComments, rejected.Rejections, rejected.DecidedBy, rejected.CanSubmit));

        foreach (var stage in Enum.GetValues<DeliverableStage>())
        {
            await _vendors.Engagements.SubmitDeliverableAsync(id, stage, null, await _vendors.VersionAsync(code, id));
            await _vendors.Engagements.SignOffDeliverableAsync(id, stage, await _vendors.VersionAsync(code, id));
        }

        await _vendors.MoveAsync(code, id, EngagementStatus.Completed);
        var done = await _vendors.EngagementAsync(code, id);
        Assert.Equal(EngagementStatus.Completed, done.Status);
        Assert.All(done.Deliverables, d => Assert.Equal(DeliverableState.SignedOff, d.State));
    }

    [Fact]
    public async Task Rejecting_without_comments_is_refused()
    {
        var (code, id) = await ContractedCourseDevelopmentAsync();
        await _vendors.Engagements.SubmitDeliverableAsync(id, DeliverableStage.Storyboard, null, await _vendors.VersionAsync(code, id));

        var refusal = await Assert.ThrowsAsync<DomainException>(async () =>
            await _vendors.Engagements.RejectDeliverableAsync(id, DeliverableStage.Storyboard, " ", await _vendors.VersionAsync(code, id)));

        Assert.Equal("Comments for the vendor is required.", refusal.Message);
        Assert.Equal(DeliverableState.Submitted, (await StageAsync(code, id, DeliverableStage.Storyboard)).State);
    }
}
