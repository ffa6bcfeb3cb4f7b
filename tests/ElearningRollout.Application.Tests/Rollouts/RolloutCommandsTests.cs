using ElearningRollout.Application.Common;
using ElearningRollout.Application.Rollouts;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Rollouts;
using Microsoft.EntityFrameworkCore;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.Rollouts;

public sealed class RolloutCommandsTests : DatabaseTest
{
    private RolloutCommands Commands => Database.Get<RolloutCommands>();

    private RolloutQueries Catalog => Database.Get<RolloutQueries>();

    [Fact]
    public async Task A_training_manager_creates_a_rollout_with_its_phases_and_the_gates_its_profile_requires()
    {
        var me = await Database.PlayAsync(Accounts.Training);

        var code = await Commands.CreateAsync(Drafts.Rollout());

        Assert.Equal("ELR-0001", code);
        var details = (await Catalog.GetAsync(code))!;
        Assert.Equal(me.UserId, details.TrainingOwner.Id);
        Assert.Equal(ItInvolvementProfile.Light, details.Profile);
        Assert.Equal(PhaseTemplate.Standard, details.Phases.Select(p => p.Kind));
        Assert.Equal(
            [GateKind.BudgetAgreement, GateKind.InfrastructureAndNetwork, GateKind.SecurityReview, GateKind.PrivacyAndDataProtection, GateKind.AccessibilityAndSupport, GateKind.GoLiveSignOff],
            details.Gates.Select(g => g.Kind));
        Assert.All(details.Gates, g => Assert.Equal(GateState.Draft, g.State));
        Assert.All(details.Gates, g => Assert.True(g.ChecklistItems > 0));
        Assert.Equal("IT staff first", details.PilotCohort!.Name);
    }

    [Fact]
    public async Task Codes_count_up()
    {
        await Database.PlayAsync(Accounts.Training);

        var first = await Commands.CreateAsync(Drafts.Rollout("One"));
        var second = await Commands.CreateAsync(Drafts.Rollout("Two"));

        Assert.Equal(["ELR-0001", "ELR-0002"], [first, second]);
    }

    [Theory]
    [InlineData(Accounts.ItLead)]
    [InlineData(Accounts.Executive)]
    public async Task Only_training_managers_create_rollouts(string email)
    {
        await Database.PlayAsync(email);

        var refusal = await Assert.ThrowsAsync<AccessRefusedException>(() => Commands.CreateAsync(Drafts.Rollout()));

        Assert.Equal("Only training managers can create rollouts.", refusal.Message);
        await using var db = await Database.CreateDbContextAsync();
        Assert.Equal(0, await db.Rollouts.CountAsync());
    }

    [Theory]
    [InlineData(Accounts.ItLead)]
    [InlineData(Accounts.Executive)]
    [InlineData(Accounts.Training2)]
    public async Task Only_the_training_owner_or_an_administrator_edits(string email)
    {
        var code = await CreateAsTrainingAsync();
        var details = (await Catalog.GetAsync(code))!;
        await Database.PlayAsync(email);

        var refusal = await Assert.ThrowsAsync<AccessRefusedException>(
            () => Commands.ChangeHealthAsync(code, RolloutHealth.AtRisk, "Vendor late", details.Version));

        Assert.Equal("Only the rollout's training owner or an administrator can change this rollout.", refusal.Message);
        Assert.Equal(RolloutHealth.OnTrack, (await Catalog.GetAsync(code))!.Health);
    }

    [Fact]
    public async Task An_administrator_may_step_in_for_the_owner()
    {
        var code = await CreateAsTrainingAsync();
        var version = (await Catalog.GetAsync(code))!.Version;
        await Database.PlayAsync(Accounts.Admin);

        await Commands.ChangeHealthAsync(code, RolloutHealth.AtRisk, "Owner on leave; vendor late", version);

        Assert.Equal(RolloutHealth.AtRisk, (await Catalog.GetAsync(code))!.Health);
    }

    [Fact]
    public async Task A_target_go_live_before_the_start_is_refused_beside_the_field_and_nothing_is_written()
    {
        await Database.PlayAsync(Accounts.Training);
        var draft = Drafts.Rollout();
        draft.TargetGoLive = draft.StartDate!.Value.AddDays(-1);

        var failure = await Assert.ThrowsAsync<ValidationFailedException>(() => Commands.CreateAsync(draft));

        Assert.Equal(["The target go-live cannot be before the planned start."], failure.Errors[nameof(RolloutDraft.TargetGoLive)]);
        await using var db = await Database.CreateDbContextAsync();
        Assert.Equal(0, await db.Rollouts.CountAsync());
    }

    [Fact]
    public async Task Every_required_field_is_named_when_missing()
    {
        await Database.PlayAsync(Accounts.Training);

        var failure = await Assert.ThrowsAsync<ValidationFailedException>(() => Commands.CreateAsync(new RolloutDraft()));

        Assert.Equal(
            new[] { "AccessChannels", "Audiences", "EstimatedLearners", "StartDate", "TargetGoLive", "Title" },
            failure.Errors.Keys.Order());
    }

    [Fact]
    public async Task People_must_hold_the_role_of_their_place()
    {
        var itLead = await Database.PlayAsync(Accounts.ItLead);
        var executive = await Database.PlayAsync(Accounts.Executive);
        await Database.PlayAsync(Accounts.Training);
        var draft = Drafts.Rollout();
        draft.TrainingOwnerId = itLead.UserId;
        draft.ItLiaisonId = executive.UserId;
        draft.ExecutiveSponsorId = itLead.UserId;

        var failure = await Assert.ThrowsAsync<ValidationFailedException>(() => Commands.CreateAsync(draft));

        Assert.Equal(["The training owner must be a training manager."], failure.Errors[nameof(RolloutDraft.TrainingOwnerId)]);
        Assert.Equal(["The IT liaison must be an IT lead."], failure.Errors[nameof(RolloutDraft.ItLiaisonId)]);
        Assert.Equal(["The executive sponsor must be an executive."], failure.Errors[nameof(RolloutDraft.ExecutiveSponsorId)]);

        draft.TrainingOwnerId = null;
        draft.ItLiaisonId = itLead.UserId;
        draft.ExecutiveSponsorId = executive.UserId;
        await Commands.CreateAsync(draft);
    }

    [Fact]
    public async Task Nobody_who_left_takes_a_place_on_a_rollout_nor_keeps_one_through_the_next_change()
    {
        var liaison = await Database.PlayAsync(Accounts.ItLead);
        var sponsor = await Database.PlayAsync(Accounts.Executive);
        var owner = await Database.PlayAsync(Accounts.Training2);
        await Database.PlayAsync(Accounts.Training);
        var draft = Drafts.Rollout();
        draft.ItLiaisonId = liaison.UserId;
        var code = await Commands.CreateAsync(draft);
        await Database.PlayAsync(Accounts.Admin);
        foreach (var person in new[] { liaison, sponsor, owner })
        {
            await Database.Get<ElearningRollout.Application.Administration.UserCommands>().SetDisabledAsync(person.UserId, true);
        }

        await Database.PlayAsync(Accounts.Training);
        var created = Drafts.Rollout("Second");
        created.TrainingOwnerId = owner.UserId;
        created.ItLiaisonId = liaison.UserId;
        created.ExecutiveSponsorId = sponsor.UserId;
        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => Commands.CreateAsync(created));
        var details = (await Catalog.GetAsync(code))!;
        var kept = await Assert.ThrowsAsync<ValidationFailedException>(() => Commands.UpdateDetailsAsync(code, details.ToDraft(), details.Version));

        Assert.Equal(["Choose the training owner from the list: that person has no active account."], refused.Errors[nameof(RolloutDraft.TrainingOwnerId)]);
        Assert.Equal(["Choose the IT liaison from the list: that person has no active account."], refused.Errors[nameof(RolloutDraft.ItLiaisonId)]);
        Assert.Equal(["Choose the executive sponsor from the list: that person has no active account."], refused.Errors[nameof(RolloutDraft.ExecutiveSponsorId)]);
        Assert.Equal(refused.Errors[nameof(RolloutDraft.ItLiaisonId)], kept.Errors[nameof(RolloutDraft.ItLiaisonId)]);
        await using (var db = await Database.CreateDbContextAsync())
        {
            Assert.Equal(1, await db.Rollouts.CountAsync());
        }

        var cleared = details.ToDraft();
        cleared.ItLiaisonId = null;
        await Commands.UpdateDetailsAsync(code, cleared, details.Version);
        Assert.Null((await Catalog.GetAsync(code))!.ItLiaison);
    }

    [Fact]
    public async Task A_title_over_200_characters_is_refused()
    {
        await Database.PlayAsync(Accounts.Training);

        var failure = await Assert.ThrowsAsync<ValidationFailedException>(() => Commands.CreateAsync(Drafts.Rollout(new string('t', 201))));

        Assert.Equal(["Keep the title to 200 characters."], failure.Errors[nameof(RolloutDraft.Title)]);
    }

    [Fact]
    public async Task Moving_to_IT_hosting_adds_the_integration_gate_and_keeps_every_existing_gate()
    {
        var code = await CreateAsTrainingAsync();
        var details = (await Catalog.GetAsync(code))!;
        var draft = details.ToDraft();
        draft.HostingModel = HostingModel.ItHostedOnPremises;
        draft.Integrations = Integrations.HrisFeed;

        await Commands.UpdateDetailsAsync(code, draft, details.Version);

        var after = (await Catalog.GetAsync(code))!;
        Assert.Equal(ItInvolvementProfile.Deep, after.Profile);
        Assert.Contains(after.Gates, g => g.Kind == GateKind.IntegrationAndContentStandards && g.IsRequired);
        Assert.Superset(details.Gates.Select(g => g.Id).ToHashSet(), after.Gates.Select(g => g.Id).ToHashSet());
    }

    [Fact]
    public async Task The_second_of_two_people_editing_the_same_version_is_told_who_saved_first()
    {
        var code = await CreateAsTrainingAsync();
        var seenByBoth = (await Catalog.GetAsync(code))!.Version;
        await Database.PlayAsync(Accounts.Admin);
        await Commands.ChangeHealthAsync(code, RolloutHealth.AtRisk, "Vendor late", seenByBoth);
        await Database.PlayAsync(Accounts.Training);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => Commands.ChangeHealthAsync(code, RolloutHealth.OffTrack, "Budget cut", seenByBoth));

        Assert.StartsWith("Alex Admin changed this rollout at ", conflict.Message, StringComparison.Ordinal);
        var stored = (await Catalog.GetAsync(code))!;
        Assert.Equal((RolloutHealth.AtRisk, "Vendor late"), (stored.Health, stored.HealthReason));
    }

    [Fact]
    public async Task A_phase_with_an_uncleared_required_gate_cannot_complete()
    {
        var code = await CreateAsTrainingAsync();
        await Commands.ActivateAsync(code, (await Catalog.GetAsync(code))!.Version);

        var version = (await Catalog.GetAsync(code))!.Version;

        var refusal = await Assert.ThrowsAsync<DomainException>(() => Commands.CompleteCurrentPhaseAsync(code, version));

        Assert.Contains("Budget agreement", refusal.Message, StringComparison.Ordinal);
        var details = (await Catalog.GetAsync(code))!;
        Assert.Equal(PhaseKind.Initiation, details.CurrentPhase);
        Assert.Equal(PhaseStatus.InProgress, details.Phases[0].Status);
    }

    [Fact]
    public async Task A_health_change_needs_a_reason()
    {
        var code = await CreateAsTrainingAsync();
        var version = (await Catalog.GetAsync(code))!.Version;

        await Assert.ThrowsAsync<DomainException>(() => Commands.ChangeHealthAsync(code, RolloutHealth.AtRisk, "  ", version));

        Assert.Equal(RolloutHealth.OnTrack, (await Catalog.GetAsync(code))!.Health);
    }

    [Fact]
    public async Task Every_change_is_in_the_history_with_who_and_what()
    {
        var code = await CreateAsTrainingAsync();
        await Commands.ChangeHealthAsync(code, RolloutHealth.AtRisk, "Vendor late", (await Catalog.GetAsync(code))!.Version);

        var history = await Catalog.HistoryAsync(code, new PageRequest(0, 100));

        var latest = history.Items[0];
        Assert.Equal(("Tara Training", "Changed", "Rollout"), (latest.Who, latest.What, latest.Subject));
        Assert.Contains("Health: On track → At risk", latest.Changes, StringComparison.Ordinal);
        Assert.Contains(history.Items, h => h.What == "Created" && h.Subject == "Clearance gate");
        Assert.Equal(7, history.Items.Count(h => h.What == "Created" && h.Subject == "Phase"));
    }

    [Fact]
    public async Task The_audit_trail_refuses_to_be_changed_or_deleted()
    {
        await CreateAsTrainingAsync();
        await using var db = await Database.CreateDbContextAsync();
        var entry = await db.AuditEntries.FirstAsync();

        db.AuditEntries.Remove(entry);

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        Assert.Equal("The audit trail is append-only: entries cannot be changed or removed.", refusal.Message);
    }

    private async Task<string> CreateAsTrainingAsync()
    {
        await Database.PlayAsync(Accounts.Training);
        return await Commands.CreateAsync(Drafts.Rollout());
    }
}
