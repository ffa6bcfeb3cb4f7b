using ElearningRollout.Application.Common;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Application.Vendors.Selection;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Vendors;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.Vendors.Selection;

/// <summary>Every command of the selection for each of the four roles (and for a training manager who does not own the rollout).</summary>
public sealed class SelectionPermissionTests : IAsyncLifetime
{
    private const string ManageRefusal = "Only the rollout's training owner or an administrator can run its vendor selection.";
    private const string WinnerRefusal = "Only the rollout's training owner chooses the winning vendor.";

    private readonly SqliteTestDatabase _database = new();
    private SelectionScenario _selection = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _selection = new SelectionScenario(_database);
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    [Theory]
    [InlineData(Accounts.ItLead)]
    [InlineData(Accounts.Executive)]
    [InlineData(Accounts.Training2)]
    public async Task Only_the_owner_or_an_administrator_starts_and_runs_the_selection(string account)
    {
        var code = await _selection.RolloutAsync();
        await _database.PlayAsync(account);
        Assert.Equal(ManageRefusal, (await Assert.ThrowsAsync<AccessRefusedException>(() => _selection.Commands.StartAsync(code, EngagementType.Hosting))).Message);

        await _database.PlayAsync(Accounts.Admin);
        await _selection.Commands.StartAsync(code, EngagementType.Hosting);
        var version = await _selection.VersionAsync();
        var criteria = CriteriaDraft.From((await _selection.SelectionAsync()).Criteria);

        await _database.PlayAsync(account);
        var refusals = new List<Func<Task>>
        {
            () => _selection.Commands.AddCandidateAsync(code, _selection.Acme, version),
            () => _selection.Commands.RemoveCandidateAsync(code, _selection.Acme, version),
            () => _selection.Commands.AddEvaluatorAsync(code, "anyone", version),
            () => _selection.Commands.RemoveEvaluatorAsync(code, "anyone", version),
            () => _selection.Commands.ReviseCriteriaAsync(code, criteria, version),
        };
        foreach (var refused in refusals)
        {
            Assert.Equal(ManageRefusal, (await Assert.ThrowsAsync<AccessRefusedException>(refused)).Message);
        }

        var page = await _selection.Queries.GetAsync(code);
        Assert.False(page.CanManage);
        Assert.Empty(page.Selection!.Candidates);
    }

    [Fact]
    public async Task An_administrator_runs_the_selection_but_does_not_choose_the_winner()
    {
        await _selection.SelectionWithCandidatesAsync();
        await _selection.ScoreAsync(_selection.Acme, 4);
        await _database.PlayAsync(Accounts.Admin);

        await _selection.Commands.RemoveCandidateAsync(_selection.Code, _selection.Bright, await _selection.VersionAsync());
        var refusal = await Assert.ThrowsAsync<AccessRefusedException>(
            async () => await _selection.Commands.ChooseWinnerAsync(_selection.Code, _selection.Acme, await _selection.VersionAsync()));

        Assert.Equal(WinnerRefusal, refusal.Message);
        var page = await _selection.Queries.GetAsync(_selection.Code);
        Assert.Equal((true, false, false), (page.CanManage, page.CanChooseWinner, page.CanScore));
        Assert.True(page.Selection!.IsOpen);
    }

    [Theory]
    [InlineData(Accounts.ItLead)]
    [InlineData(Accounts.Executive)]
    [InlineData(Accounts.Training2)]
    public async Task Nobody_but_the_owner_chooses_the_winner(string account)
    {
        await _selection.SelectionWithCandidatesAsync();
        await _selection.ScoreAsync(_selection.Acme, 4);
        var version = await _selection.VersionAsync();
        await _database.PlayAsync(account);

        var refusal = await Assert.ThrowsAsync<AccessRefusedException>(() => _selection.Commands.ChooseWinnerAsync(_selection.Code, _selection.Acme, version));

        Assert.Equal(WinnerRefusal, refusal.Message);
    }

    [Theory]
    [InlineData(Accounts.Executive)]
    [InlineData(Accounts.Admin)]
    public async Task Executives_and_administrators_do_not_score_but_read_the_ranking(string account)
    {
        await _selection.SelectionWithCandidatesAsync();
        await _selection.ScoreAsync(_selection.Acme, 4);
        await _database.PlayAsync(account);

        var refusal = await Assert.ThrowsAsync<AccessRefusedException>(() => _selection.ScoreAsync(_selection.Acme, 1));

        Assert.Equal("Only training managers and IT leads score vendors.", refusal.Message);
        var page = await _selection.Queries.GetAsync(_selection.Code);
        Assert.False(page.CanScore);
        Assert.Equal(80m, page.Selection!.Ranking.Single(r => r.VendorId == _selection.Acme).Total);
    }

    [Fact]
    public async Task The_IT_liaison_scores_and_an_IT_lead_off_the_panel_is_told_to_ask_the_owner()
    {
        await _selection.SelectionWithCandidatesAsync();
        await _database.PlayAsync(Accounts.ItLead);
        await _selection.ScoreAsync(_selection.Bright, 5);

        await _database.PlayAsync(Accounts.ItLead2);
        var refusal = await Assert.ThrowsAsync<DomainException>(() => _selection.ScoreAsync(_selection.Bright, 1));

        Assert.Equal("Only evaluators on this selection's panel score it; ask the training owner to add you.", refusal.Message);
        Assert.Equal(100m, (await _selection.SelectionAsync()).Ranking.Single(r => r.VendorId == _selection.Bright).Total);
    }

    [Fact]
    public async Task Signed_out_nobody_reads_or_scores()
    {
        await _selection.SelectionWithCandidatesAsync();
        _database.Actor.PlayAs(null);

        await Assert.ThrowsAsync<AccessRefusedException>(() => _selection.Queries.GetAsync(_selection.Code));
        await Assert.ThrowsAsync<AccessRefusedException>(() => _selection.Commands.RecordScoresAsync(_selection.Code, []));
    }
}
