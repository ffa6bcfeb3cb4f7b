using ElearningRollout.Application.Common;
using ElearningRollout.Application.Gates;
using ElearningRollout.Application.Rollouts;
using ElearningRollout.Application.Templates;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Application.Tests.Rollouts;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Rollouts;
using Microsoft.EntityFrameworkCore;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.Templates;

public sealed class GateTemplateTests : IAsyncLifetime
{
    private const string NewItem = "Vendor's security contact named in the contract";

    private readonly SqliteTestDatabase _database = new();
    private TemplateScenario _templates = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _templates = new TemplateScenario(_database);
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    private async Task<string> CreateRolloutAsync(string title = "Dealer certification academy", HostingModel hosting = HostingModel.VendorHostedSaas)
    {
        await _database.PlayAsync(Accounts.Training);
        var draft = Drafts.Rollout(title);
        draft.HostingModel = hosting;
        return await _database.Get<RolloutCommands>().CreateAsync(draft);
    }

    private async Task<GateDetails> GateAsync(string code, GateKind kind)
    {
        await _database.PlayAsync(Accounts.Training);
        var id = (await _database.Get<RolloutQueries>().GetAsync(code))!.Gates.Single(g => g.Kind == kind).Id;
        return (await _database.Get<GateQueries>().GetAsync(id))!;
    }

    private async Task<int> GateTemplateVersionAsync(string code, GateKind kind)
    {
        await using var db = await _database.CreateDbContextAsync();
        return await db.ClearanceGates.Where(g => g.Kind == kind && db.Rollouts.Any(r => r.Id == g.RolloutId && r.Code == code))
            .Select(g => g.TemplateVersion).SingleAsync();
    }

    [Fact]
    public async Task A_fresh_database_holds_the_built_in_phases_gates_and_profiles_as_version_1()
    {
        await _database.PlayAsync(Accounts.Admin);

        var phases = await _templates.Queries.PhasesAndGatesAsync();

        Assert.Equal(PhaseTemplate.Standard, phases.Select(p => p.Phase));
        Assert.Equal(
            [[GateKind.BudgetAgreement], [GateKind.InfrastructureAndNetwork], [GateKind.SecurityReview, GateKind.PrivacyAndDataProtection],
             [GateKind.IntegrationAndContentStandards], [GateKind.AccessibilityAndSupport], [GateKind.GoLiveSignOff], []],
            phases.Select(p => p.Gates.Select(g => g.Kind).ToArray()));
        var gates = phases.SelectMany(p => p.Gates).ToDictionary(g => g.Kind);
        Assert.All(gates.Values, g => Assert.Equal((1, null, 0), (g.TemplateVersion, g.PublishedBy, g.RolloutsOnOlderVersions)));
        Assert.Equal(InvolvementProfiles.Standard | InvolvementProfiles.Deep, gates[GateKind.IntegrationAndContentStandards].RequiredFor);
        Assert.Equal([GateKind.SecurityReview, GateKind.PrivacyAndDataProtection],
            gates.Values.Where(g => g.OnlyWhenVendorInvolved).Select(g => g.Kind).Order());
        Assert.Equal([3, 8, 7, 8, 7, 5, 3], gates.Values.OrderBy(g => g.GuardedPhase).ThenBy(g => g.Kind).Select(g => g.Items.Count));
        Assert.Equal(
            [AgreementFact.EveryLineCategorisedAndSplit, AgreementFact.AgreementSigned, null],
            gates[GateKind.BudgetAgreement].Items.Select(i => i.FollowsAgreement));
    }

    [Fact]
    public async Task A_fresh_database_requires_the_same_gates_as_the_built_in_table()
    {
        var light = await CreateRolloutAsync("Light, vendor involved");
        var inHouse = await CreateRolloutAsync("Deep, in-house", HostingModel.ItHostedOnPremises);

        var lightKinds = (await _database.Get<RolloutQueries>().GetAsync(light))!.Gates.Select(g => g.Kind).Order();
        var inHouseKinds = (await _database.Get<RolloutQueries>().GetAsync(inHouse))!.Gates.Select(g => g.Kind).Order();

        Assert.Equal(
            [GateKind.SecurityReview, GateKind.PrivacyAndDataProtection, GateKind.InfrastructureAndNetwork,
             GateKind.AccessibilityAndSupport, GateKind.BudgetAgreement, GateKind.GoLiveSignOff],
            lightKinds);
        Assert.Equal(
            [GateKind.InfrastructureAndNetwork, GateKind.IntegrationAndContentStandards, GateKind.AccessibilityAndSupport,
             GateKind.BudgetAgreement, GateKind.GoLiveSignOff],
            inHouseKinds);
    }

    [Fact]
    public async Task A_new_checklist_item_appears_on_gates_created_afterwards_only()
    {
        var before = await CreateRolloutAsync("Created before the change");
        var cancelled = await CreateRolloutAsync("Cancelled before the change");
        await _database.Get<RolloutCommands>().ChangeLifecycleAsync(
            cancelled, LifecycleAction.Cancel, "Budget withdrawn", (await _database.Get<RolloutQueries>().GetAsync(cancelled))!.Version);

        var version = await _templates.PublishAsync(GateKind.SecurityReview, d => d.Items.Add(new ChecklistItemDraft { Text = NewItem, IsRequired = true }));
        var after = await CreateRolloutAsync("Created after the change");

        var old = await GateAsync(before, GateKind.SecurityReview);
        var fresh = await GateAsync(after, GateKind.SecurityReview);
        Assert.Equal(2, version);
        Assert.DoesNotContain(old.Checklist, i => i.Text == NewItem);
        Assert.Equal(7, old.Checklist.Count);
        Assert.Equal((8, NewItem, true), (fresh.Checklist.Count, fresh.Checklist[^1].Text, fresh.Checklist[^1].IsRequired));
        Assert.Equal((1, 2), (await GateTemplateVersionAsync(before, GateKind.SecurityReview), await GateTemplateVersionAsync(after, GateKind.SecurityReview)));
        Assert.Equal(1, await GateTemplateVersionAsync(after, GateKind.PrivacyAndDataProtection));

        await _database.PlayAsync(Accounts.Admin);
        var onOlder = await _templates.Queries.RolloutsOnOlderVersionsAsync(GateKind.SecurityReview, new PageRequest());
        var security = await _templates.TemplateAsync(GateKind.SecurityReview);
        Assert.Equal([(before, "Created before the change", 1, GateState.Draft)], onOlder.Items.Select(r => (r.Code, r.Title, r.TemplateVersion, r.GateState)));
        Assert.Equal(1, onOlder.TotalCount);
        Assert.Equal((2, "Alex Admin", 1), (security.TemplateVersion, security.PublishedBy, security.RolloutsOnOlderVersions));
        Assert.Equal(0, (await _templates.TemplateAsync(GateKind.PrivacyAndDataProtection)).RolloutsOnOlderVersions);
    }

    [Fact]
    public async Task Publishing_is_recorded_in_the_audit_trail()
    {
        await _templates.PublishAsync(GateKind.GoLiveSignOff, d => d.Items.Add(new ChecklistItemDraft { Text = "Communication plan sent" }));

        await using var db = await _database.CreateDbContextAsync();
        var entries = await db.AuditEntries.Where(a => a.EntityType == nameof(GateTemplate) || a.EntityType == nameof(GateTemplateItem))
            .Where(a => a.UserName == "Alex Admin").ToListAsync();
        Assert.Contains(entries, a => a.EntityType == nameof(GateTemplate) && a.Action == "Changed"
            && a.After!.Contains("\"TemplateVersion\":\"2\""));
        Assert.Contains(entries, a => a.EntityType == nameof(GateTemplateItem) && a.After!.Contains("Communication plan sent"));
    }

    [Fact]
    public async Task A_profile_change_applies_to_rollouts_planned_afterwards()
    {
        var before = await CreateRolloutAsync("Light before");

        await _templates.PublishAsync(GateKind.IntegrationAndContentStandards, d => d.RequiredForLight = true);
        var after = await CreateRolloutAsync("Light after");

        Assert.DoesNotContain((await _database.Get<RolloutQueries>().GetAsync(before))!.Gates, g => g.Kind == GateKind.IntegrationAndContentStandards);
        Assert.Contains((await _database.Get<RolloutQueries>().GetAsync(after))!.Gates, g => g.Kind == GateKind.IntegrationAndContentStandards);
    }

    [Fact]
    public async Task Reordering_and_removing_lines_keeps_the_other_lines_and_their_order()
    {
        await _templates.PublishAsync(GateKind.AccessibilityAndSupport, d =>
        {
            d.Items.RemoveAt(1);
            (d.Items[0], d.Items[1]) = (d.Items[1], d.Items[0]);
            d.Items[0].IsRequired = false;
            d.Items[1].Text = "Target WCAG 2.2 AA; vendor conformance report reviewed";
        });
        var code = await CreateRolloutAsync();

        var gate = await GateAsync(code, GateKind.AccessibilityAndSupport);

        Assert.Equal(
            [("Support tiers defined: service desk, LMS administrator, application and infrastructure teams, vendor", false),
             ("Target WCAG 2.2 AA; vendor conformance report reviewed", true)],
            gate.Checklist.Take(2).Select(i => (i.Text, i.IsRequired)));
        Assert.Equal(4, gate.Checklist.Count);
    }

    [Fact]
    public async Task Validation_names_each_problem_beside_its_field_and_publishes_nothing()
    {
        var template = await _templates.TemplateAsync(GateKind.BudgetAgreement);
        var draft = GateTemplateDraft.From(template);
        draft.RequiredForLight = draft.RequiredForStandard = draft.RequiredForDeep = false;
        draft.Items[1].IsRequired = false;
        draft.Items[2].Text = "  ";
        draft.Items.Add(new ChecklistItemDraft { Text = "every cost line has a category and an owner department split " });
        draft.Items.Add(new ChecklistItemDraft { Text = new string('x', GateChecklistItem.MaxTextLength + 1) });
        await _database.PlayAsync(Accounts.Admin);

        var invalid = await Assert.ThrowsAsync<ValidationFailedException>(
            () => _templates.Commands.PublishGateTemplateAsync(GateKind.BudgetAgreement, draft, template.Version));
        var empty = await Assert.ThrowsAsync<ValidationFailedException>(() => _templates.Commands.PublishGateTemplateAsync(
            GateKind.BudgetAgreement, new GateTemplateDraft { RequiredForDeep = true }, template.Version));

        Assert.Equal(
            ["Items[1].IsRequired", "Items[2].Text", "Items[3].Text", "Items[4].Text", "RequiredFor"],
            invalid.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["This repeats item 1; each item must be different."], invalid.Errors["Items[3].Text"]);
        Assert.Equal(["Enter the item's text, or remove the item."], invalid.Errors["Items[2].Text"]);
        Assert.Equal(["This item follows the cost-sharing agreement, so it stays required."], invalid.Errors["Items[1].IsRequired"]);
        Assert.Equal(["Add at least one checklist item."], empty.Errors["Items"]);
        Assert.Equal(1, (await _templates.TemplateAsync(GateKind.BudgetAgreement)).TemplateVersion);
    }

    [Fact]
    public async Task Publishing_an_unchanged_template_is_refused()
    {
        var refusal = await Assert.ThrowsAsync<Domain.Common.DomainException>(() => _templates.PublishAsync(GateKind.SecurityReview, _ => { }));

        Assert.Equal("Nothing has changed since version 1.", refusal.Message);
    }

    [Fact]
    public async Task Two_administrators_editing_the_same_template_cannot_overwrite_each_other()
    {
        var seenByBoth = await _templates.TemplateAsync(GateKind.PrivacyAndDataProtection);
        var first = GateTemplateDraft.From(seenByBoth);
        first.Items.Add(new ChecklistItemDraft { Text = "Cookie banner reviewed" });
        var second = GateTemplateDraft.From(seenByBoth);
        second.Items.RemoveAt(7);
        await _database.PlayAsync(Accounts.Admin);

        await _templates.Commands.PublishGateTemplateAsync(GateKind.PrivacyAndDataProtection, first, seenByBoth.Version);
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => _templates.Commands.PublishGateTemplateAsync(GateKind.PrivacyAndDataProtection, second, seenByBoth.Version));

        Assert.StartsWith("Alex Admin changed this gate template at 2026-11-02 09:00 UTC", conflict.Message, StringComparison.Ordinal);
        var now = await _templates.TemplateAsync(GateKind.PrivacyAndDataProtection);
        Assert.Equal((2, 9), (now.TemplateVersion, now.Items.Count));
    }

    [Theory]
    [InlineData(Accounts.Training)]
    [InlineData(Accounts.ItLead)]
    [InlineData(Accounts.Executive)]
    public async Task Only_administrators_read_templates_for_editing_and_publish_them(string email)
    {
        var template = await _templates.TemplateAsync(GateKind.SecurityReview);
        var draft = GateTemplateDraft.From(template);
        draft.Items.Add(new ChecklistItemDraft { Text = NewItem });
        await _database.PlayAsync(email);

        var publish = await Assert.ThrowsAsync<AccessRefusedException>(
            () => _templates.Commands.PublishGateTemplateAsync(GateKind.SecurityReview, draft, template.Version));
        await Assert.ThrowsAsync<AccessRefusedException>(() => _templates.Queries.PhasesAndGatesAsync());
        await Assert.ThrowsAsync<AccessRefusedException>(
            () => _templates.Queries.RolloutsOnOlderVersionsAsync(GateKind.SecurityReview, new PageRequest()));

        Assert.Equal("Only administrators manage the phase and gate templates.", publish.Message);
        Assert.Equal(1, (await _templates.TemplateAsync(GateKind.SecurityReview)).TemplateVersion);
        Assert.Equal(7, (await _templates.Queries.CurrentTemplatesAsync()).Of(GateKind.SecurityReview).Items.Count);
    }

    [Fact]
    public async Task An_administrator_publishes_a_template()
    {
        var version = await _templates.PublishAsync(GateKind.SecurityReview, d => d.Items.Add(new ChecklistItemDraft { Text = NewItem }));

        Assert.Equal(2, version);
    }

    [Fact]
    public async Task Nobody_signed_out_reads_the_current_templates()
    {
        _database.Actor.PlayAs(null);

        await Assert.ThrowsAsync<AccessRefusedException>(() => _templates.Queries.CurrentTemplatesAsync());
    }
}
