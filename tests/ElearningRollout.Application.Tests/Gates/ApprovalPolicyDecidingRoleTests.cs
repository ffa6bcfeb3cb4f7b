using ElearningRollout.Application.Common;
using ElearningRollout.Application.Gates;
using ElearningRollout.Application.Rollouts;
using ElearningRollout.Application.Templates;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Application.Tests.Rollouts;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Gates;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.Gates;

/// <summary>
/// Who decides is part of the approval policy administrators publish: a gate is decided by the role of the policy
/// version it was submitted under, and the editor's choices are checked on the server (real SQLite).
/// </summary>
public sealed class ApprovalPolicyDecidingRoleTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private string _ivan = "";
    private string _erin = "";

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _ivan = (await _database.PlayAsync(Accounts.ItLead)).UserId;
        _erin = (await _database.PlayAsync(Accounts.Executive)).UserId;
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    private GateCommands Commands => _database.Get<GateCommands>();

    private GateQueries Queries => _database.Get<GateQueries>();

    private async Task<int> PublishAsync(GateKind kind, string decidingRole, ApprovalRule rule = ApprovalRule.AnyOneReviewer, List<string>? named = null)
    {
        await _database.PlayAsync(Accounts.Admin);
        var template = (await _database.Get<TemplateQueries>().PhasesAndGatesAsync()).SelectMany(p => p.Gates).Single(g => g.Kind == kind);
        var draft = new ApprovalPolicyDraft { DecidingRole = decidingRole, Rule = rule, RequiredApprovals = 1, NamedReviewerIds = named ?? [] };
        return await _database.Get<TemplateCommands>().PublishApprovalPolicyAsync(kind, draft, template.Version);
    }

    /// <summary>A new rollout's security review, its checklist met, submitted by Tara to <paramref name="reviewerId"/>.</summary>
    private async Task<Guid> SubmittedAsync(string reviewerId)
    {
        await _database.PlayAsync(Accounts.Training);
        var draft = Drafts.Rollout();
        draft.ItLiaisonId = _ivan;
        var code = await _database.Get<RolloutCommands>().CreateAsync(draft);
        var gateId = (await _database.Get<RolloutQueries>().GetAsync(code))!.Gates.Single(g => g.Kind == GateKind.SecurityReview).Id;
        var gate = (await Queries.GetAsync(gateId))!;
        await Commands.SetChecklistItemsAsync(gateId, [.. gate.Checklist.Select(i => new ChecklistItemChange(i.Id, ChecklistItemState.Met, "Filed.", i.SetAt))]);
        await Commands.SubmitAsync(gateId, reviewerId, null, (await Queries.GetAsync(gateId))!.Version);
        return gateId;
    }

    private async Task<GateDetails> AsAsync(string email, Guid gateId)
    {
        await _database.PlayAsync(email);
        return (await Queries.GetAsync(gateId))!;
    }

    private static GateDecisionDraft Approve() => new() { Decision = DecisionKind.Approve, Rationale = "Fine." };

    [Fact]
    public async Task A_gate_is_decided_by_the_role_of_the_policy_version_it_was_submitted_under()
    {
        var underVersion1 = await SubmittedAsync(_ivan);
        Assert.Equal(2, await PublishAsync(GateKind.SecurityReview, Roles.Executive));
        var underVersion2 = await SubmittedAsync(_erin);

        // Submitted under version 2: executives decide, an IT lead is refused and not offered the decision.
        var itLeadView = await AsAsync(Accounts.ItLead, underVersion2);
        Assert.False(itLeadView.Can.OffersDecision);
        Assert.Equal($"Only an executive can decide the {GateKind.SecurityReview.DisplayName()} gate.", itLeadView.Why.Decide);
        await Assert.ThrowsAsync<AccessRefusedException>(() => Commands.RecordDecisionAsync(underVersion2, Approve()));
        var executiveView = await AsAsync(Accounts.Executive, underVersion2);
        Assert.True(executiveView.Can.Decide);
        Assert.Equal("any one executive", executiveView.Reviewing!.Policy);
        await Commands.RecordDecisionAsync(underVersion2, Approve());
        Assert.Equal(GateState.Approved, (await Queries.GetAsync(underVersion2))!.State);

        // Submitted under version 1: IT leads still decide it, an executive does not.
        await _database.PlayAsync(Accounts.Executive);
        await Assert.ThrowsAsync<AccessRefusedException>(() => Commands.RecordDecisionAsync(underVersion1, Approve()));
        await _database.PlayAsync(Accounts.ItLead);
        await Commands.RecordDecisionAsync(underVersion1, Approve());
        Assert.Equal(GateState.Approved, (await Queries.GetAsync(underVersion1))!.State);
    }

    [Fact]
    public async Task Under_executives_an_IT_lead_cannot_be_the_picked_reviewer()
    {
        await PublishAsync(GateKind.SecurityReview, Roles.Executive);

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => SubmittedAsync(_ivan));

        Assert.Contains(nameof(GateSubmissionDraft.ReviewerId), refused.Errors.Keys);
    }

    [Fact]
    public async Task Go_live_sign_off_with_IT_leads_deciding_is_refused_beside_the_field()
    {
        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => PublishAsync(GateKind.GoLiveSignOff, Roles.ItLead));

        Assert.Equal(["Go-live sign-off signs off the whole rollout, so executives decide it."], refused.Errors[nameof(ApprovalPolicyDraft.DecidingRole)]);
    }

    [Fact]
    public async Task The_named_reviewers_must_hold_the_role_the_policy_says_decides()
    {
        var refused = await Assert.ThrowsAsync<ValidationFailedException>(
            () => PublishAsync(GateKind.SecurityReview, Roles.Executive, ApprovalRule.MOfNamedReviewers, [_ivan]));
        Assert.Contains("active executive", refused.Errors[nameof(ApprovalPolicyDraft.NamedReviewerIds)].Single());

        Assert.Equal(2, await PublishAsync(GateKind.SecurityReview, Roles.Executive, ApprovalRule.MOfNamedReviewers, [_erin]));
        await _database.PlayAsync(Accounts.Admin);
        var people = await _database.Get<TemplateQueries>().ApprovalPolicyPeopleAsync(GateKind.SecurityReview);
        Assert.Contains(people.ReviewersFor(Roles.Executive), p => p.Id == _erin);
        Assert.DoesNotContain(people.ReviewersFor(Roles.Executive), p => p.Id == _ivan);
        Assert.Equal([Roles.Executive], (await _database.Get<TemplateQueries>().ApprovalPolicyPeopleAsync(GateKind.GoLiveSignOff)).ReviewersByRole.Keys);
    }
}
