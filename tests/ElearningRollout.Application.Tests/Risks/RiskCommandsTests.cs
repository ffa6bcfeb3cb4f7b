using ElearningRollout.Application.Common;
using ElearningRollout.Application.Risks;
using ElearningRollout.Application.Rollouts;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Application.Tests.Rollouts;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Risks;
using ElearningRollout.Domain.Rollouts;
using Microsoft.EntityFrameworkCore;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.Risks;

public sealed class RiskCommandsTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private string _code = "";

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await _database.PlayAsync(Accounts.Training);
        _code = await _database.Get<RolloutCommands>().CreateAsync(Drafts.Rollout());
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    private RiskCommands Commands => _database.Get<RiskCommands>();

    private RiskQueries Queries => _database.Get<RiskQueries>();

    [Fact]
    public async Task An_IT_lead_raises_a_risk_on_any_rollout_as_IT()
    {
        await _database.PlayAsync(Accounts.ItLead);

        await Commands.RaiseAsync(_code, Drafts.Risk(owningDepartment: Departments.Training));

        var risk = Assert.Single((await Queries.ListAsync(_code, new RiskListQuery(), new PageRequest())).Items);
        Assert.Equal((Departments.It, Departments.Training, "Ivan IT", RiskStatus.Open), (risk.RaisedByDepartment, risk.OwningDepartment, risk.RaisedBy, risk.Status));
    }

    [Theory]
    [InlineData(Accounts.Executive)]
    [InlineData(Accounts.Training2)]
    public async Task Executives_and_other_training_managers_cannot_raise_risks_here(string email)
    {
        await _database.PlayAsync(email);

        await Assert.ThrowsAsync<AccessRefusedException>(() => Commands.RaiseAsync(_code, Drafts.Risk()));

        Assert.Equal(0, (await Queries.ListAsync(_code, new RiskListQuery(), new PageRequest())).TotalCount);
    }

    [Theory]
    [InlineData(LifecycleAction.Cancel)]
    [InlineData(LifecycleAction.Close)]
    public async Task No_risk_is_raised_on_a_closed_or_cancelled_rollout(LifecycleAction action)
    {
        var commands = _database.Get<RolloutCommands>();
        var rollout = (await _database.Get<RolloutQueries>().GetAsync(_code))!;
        await commands.ActivateAsync(_code, rollout.Version);
        if (action == LifecycleAction.Close)
        {
            // Closing for real needs a whole go-live; the state is what matters here.
            await using var db = await _database.CreateDbContextAsync();
            await db.Database.ExecuteSqlAsync($"UPDATE Rollouts SET LifecycleStatus = 'Closed' WHERE Code = {_code}");
        }
        else
        {
            await commands.ChangeLifecycleAsync(_code, action, "Budget withdrawn", (await _database.Get<RolloutQueries>().GetAsync(_code))!.Version);
        }

        await _database.PlayAsync(Accounts.ItLead);
        var refusal = await Assert.ThrowsAsync<DomainException>(() => Commands.RaiseAsync(_code, Drafts.Risk()));

        Assert.Equal($"This rollout is {(action == LifecycleAction.Close ? "closed" : "cancelled")}; its risks and issues can no longer change.", refusal.Message);
        Assert.Equal(0, (await Queries.ListAsync(_code, new RiskListQuery(), new PageRequest())).TotalCount);
    }

    [Fact]
    public async Task Open_entries_are_still_settled_after_the_rollout_was_cancelled_and_the_log_offers_the_moves()
    {
        await Commands.RaiseAsync(_code, Drafts.Risk());
        var commands = _database.Get<RolloutCommands>();
        await commands.ActivateAsync(_code, (await _database.Get<RolloutQueries>().GetAsync(_code))!.Version);
        await commands.ChangeLifecycleAsync(_code, LifecycleAction.Cancel, "Budget withdrawn", (await _database.Get<RolloutQueries>().GetAsync(_code))!.Version);

        var open = await SingleRiskAsync();
        Assert.Equal(
            [new(RiskAction.StartMitigating, false), new(RiskAction.Resolve, true), new(RiskAction.Accept, true), new(RiskAction.Close, true)],
            open.Moves);
        await Commands.ChangeStatusAsync(open.Id, RiskAction.Resolve, "Contract ended with the project", open.Version);

        var resolved = await SingleRiskAsync();
        Assert.Equal((RiskStatus.Resolved, "Contract ended with the project"), (resolved.Status, resolved.Resolution));
        Assert.Equal([new(RiskAction.Reopen, false), new(RiskAction.Close, false)], resolved.Moves);
    }

    [Fact]
    public async Task Whoever_raised_an_entry_moves_it_after_the_rollout_changed_hands_and_readers_are_offered_no_move()
    {
        await Commands.RaiseAsync(_code, Drafts.Risk());
        var newOwner = await _database.PlayAsync(Accounts.Training2);
        await _database.PlayAsync(Accounts.Admin);
        var rollout = (await _database.Get<RolloutQueries>().GetAsync(_code))!;
        var handedOver = rollout.ToDraft();
        handedOver.TrainingOwnerId = newOwner.UserId;
        await _database.Get<RolloutCommands>().UpdateDetailsAsync(_code, handedOver, rollout.Version);

        await _database.PlayAsync(Accounts.Executive);
        Assert.Empty((await SingleRiskAsync()).Moves);
        await _database.PlayAsync(Accounts.Training);
        var risk = await SingleRiskAsync();
        Assert.Contains(new RiskMove(RiskAction.StartMitigating, false), risk.Moves);
        await Assert.ThrowsAsync<AccessRefusedException>(() => Commands.RaiseAsync(_code, Drafts.Risk()));

        await Commands.ChangeStatusAsync(risk.Id, RiskAction.StartMitigating, null, risk.Version);

        Assert.Equal(RiskStatus.Mitigating, (await SingleRiskAsync()).Status);
    }

    [Fact]
    public async Task Closing_a_resolved_entry_keeps_its_resolution_and_asks_for_none()
    {
        await Commands.RaiseAsync(_code, Drafts.Risk());
        var risk = await SingleRiskAsync();
        await Commands.ChangeStatusAsync(risk.Id, RiskAction.Resolve, "Licence raised to 500", risk.Version);
        var resolved = await SingleRiskAsync();

        Assert.Contains(new RiskMove(RiskAction.Close, false), resolved.Moves);
        await Commands.ChangeStatusAsync(resolved.Id, RiskAction.Close, null, resolved.Version);

        var closed = await SingleRiskAsync();
        Assert.Equal((RiskStatus.Closed, "Licence raised to 500"), (closed.Status, closed.Resolution));
        Assert.Empty(closed.Moves);
    }

    private async Task<RiskRow> SingleRiskAsync() => Assert.Single((await Queries.ListAsync(_code, new RiskListQuery(), new PageRequest())).Items);

    [Fact]
    public async Task A_named_risk_owner_must_have_an_active_account()
    {
        var draft = Drafts.Risk();
        draft.OwnerId = "no-such-user";

        var failure = await Assert.ThrowsAsync<ValidationFailedException>(() => Commands.RaiseAsync(_code, draft));

        Assert.Equal(["Choose an owner from the list: that person has no active account."], failure.Errors[nameof(RiskDraft.OwnerId)]);
        Assert.Equal(0, (await Queries.ListAsync(_code, new RiskListQuery(), new PageRequest())).TotalCount);
    }

    [Fact]
    public async Task A_risk_needs_a_likelihood_and_an_issue_does_not()
    {
        var risk = Drafts.Risk();
        risk.Likelihood = null;
        var issue = Drafts.Risk();
        issue.Type = RiskEntryType.Issue;
        issue.Likelihood = RiskLikelihood.Likely;

        var failure = await Assert.ThrowsAsync<ValidationFailedException>(() => Commands.RaiseAsync(_code, risk));
        await Commands.RaiseAsync(_code, issue);

        Assert.Equal(["A risk needs a likelihood."], failure.Errors[nameof(RiskDraft.Likelihood)]);
        var stored = Assert.Single((await Queries.ListAsync(_code, new RiskListQuery(), new PageRequest())).Items);
        Assert.Null(stored.Likelihood);
    }

    [Fact]
    public async Task An_unknown_owning_department_is_refused_beside_its_field()
    {
        var failure = await Assert.ThrowsAsync<ValidationFailedException>(() => Commands.RaiseAsync(_code, Drafts.Risk("Marketing")));

        Assert.Equal(["Choose one of the departments."], failure.Errors[nameof(RiskDraft.OwningDepartment)]);
    }

    [Fact]
    public async Task Resolving_needs_a_resolution_and_the_filters_find_it()
    {
        await Commands.RaiseAsync(_code, Drafts.Risk());
        var issue = Drafts.Risk();
        issue.Type = RiskEntryType.Issue;
        issue.Title = "Leavers keep access";
        await Commands.RaiseAsync(_code, issue);
        var open = (await Queries.ListAsync(_code, new RiskListQuery(Type: RiskEntryType.Issue), new PageRequest())).Items.Single();

        await Assert.ThrowsAsync<DomainException>(() => Commands.ChangeStatusAsync(open.Id, RiskAction.Resolve, " ", open.Version));
        await Commands.ChangeStatusAsync(open.Id, RiskAction.Resolve, "HR feed now disables leavers nightly.", open.Version);

        var resolved = (await Queries.ListAsync(_code, new RiskListQuery(Status: RiskStatus.Resolved), new PageRequest())).Items.Single();
        Assert.Equal(("Leavers keep access", "HR feed now disables leavers nightly."), (resolved.Title, resolved.Resolution));
        Assert.Equal(1, (await Queries.ListAsync(_code, new RiskListQuery(Status: RiskStatus.Open), new PageRequest())).TotalCount);
    }

    [Fact]
    public async Task A_stale_version_of_a_risk_is_a_conflict()
    {
        await Commands.RaiseAsync(_code, Drafts.Risk());
        var seen = (await Queries.ListAsync(_code, new RiskListQuery(), new PageRequest())).Items.Single();
        await Commands.ChangeStatusAsync(seen.Id, RiskAction.StartMitigating, null, seen.Version);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => Commands.ChangeStatusAsync(seen.Id, RiskAction.Accept, "We live with it.", seen.Version));

        Assert.StartsWith("Tara Training changed this risk or issue", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(RiskStatus.Mitigating, (await Queries.ListAsync(_code, new RiskListQuery(), new PageRequest())).Items.Single().Status);
    }
}
