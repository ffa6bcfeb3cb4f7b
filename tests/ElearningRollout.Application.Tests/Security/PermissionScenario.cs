using ElearningRollout.Application.Administration;
using ElearningRollout.Application.CostSharing;
using ElearningRollout.Application.Gates;
using ElearningRollout.Application.Glossary;
using ElearningRollout.Application.Risks;
using ElearningRollout.Application.Rollouts;
using ElearningRollout.Application.Templates;
using ElearningRollout.Application.Tests.CostSharing;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Application.Tests.Rollouts;
using ElearningRollout.Application.Tests.Vendors;
using ElearningRollout.Application.Vendors;
using ElearningRollout.Application.Vendors.Selection;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Vendors;
using Microsoft.Extensions.DependencyInjection;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.Security;

/// <summary>
/// Fresh things for one attempt of the permission matrix, each made through the real use cases by the people
/// who would make them: Tara (training@) owns every rollout, Ivan (itlead@) is its IT liaison and Erin (exec@)
/// its executive sponsor. Every attempt gets its own rollout (or term, or account), so an allowed attempt
/// never changes what the next person finds.
/// </summary>
internal sealed class PermissionScenario(SqliteTestDatabase database)
{
    public SqliteTestDatabase Database => database;

    public T Get<T>() where T : notnull => ActingServices is { } acting ? acting.GetRequiredService<T>() : database.Get<T>();

    /// <summary>
    /// Where the use cases come from while set; otherwise from the SQLite database. The SQL Server statement test
    /// arranges on SQLite, then acts through services whose contexts use the SQL Server provider.
    /// </summary>
    public IServiceProvider? ActingServices { get; set; }

    public sealed record RolloutRef(Guid Id, string Code, Guid Version);

    public async Task<RolloutRef> RolloutAsync()
    {
        var draft = Drafts.Rollout();
        draft.ItLiaisonId = (await database.PlayAsync(Accounts.ItLead)).UserId;
        draft.ExecutiveSponsorId = (await database.PlayAsync(Accounts.Executive)).UserId;
        await database.PlayAsync(Accounts.Training);
        return await ReloadAsync(await Get<RolloutCommands>().CreateAsync(draft));
    }

    public async Task<RolloutRef> ActiveRolloutAsync()
    {
        var rollout = await RolloutAsync();
        await Get<RolloutCommands>().ActivateAsync(rollout.Code, rollout.Version);
        return await ReloadAsync(rollout.Code);
    }

    /// <summary>Active in Initiation with its budget gate waived, so Initiation can be completed.</summary>
    public async Task<RolloutRef> RolloutReadyToCompleteInitiationAsync()
    {
        var rollout = await RolloutAsync();
        await WaiveAsync(await GateAsync(rollout, GateKind.BudgetAgreement));
        await database.PlayAsync(Accounts.Training);
        await Get<RolloutCommands>().ActivateAsync(rollout.Code, (await ReloadAsync(rollout.Code)).Version);
        return await ReloadAsync(rollout.Code);
    }

    /// <summary>Active and in Assessment, so it can be sent back to Initiation (the budget gate of Initiation is waived).</summary>
    public async Task<RolloutRef> RolloutInAssessmentAsync()
    {
        var rollout = await RolloutReadyToCompleteInitiationAsync();
        await Get<RolloutCommands>().CompleteCurrentPhaseAsync(rollout.Code, (await ReloadAsync(rollout.Code)).Version);
        return await ReloadAsync(rollout.Code);
    }

    public async Task<RolloutRef> ReloadAsync(string code)
    {
        var details = (await Get<RolloutQueries>().GetAsync(code))!;
        return new RolloutRef(details.Id, details.Code, details.Version);
    }

    public async Task<GateDetails> GateAsync(RolloutRef rollout, GateKind kind)
    {
        var id = (await Get<RolloutQueries>().GetAsync(rollout.Code))!.Gates.Single(g => g.Kind == kind).Id;
        return await GateAsync(id);
    }

    public async Task<GateDetails> GateAsync(Guid id) => (await Get<GateQueries>().GetAsync(id))!;

    /// <summary>Tara meets every checklist item and submits; the reviewer is the default (liaison or sponsor).</summary>
    public async Task<GateDetails> SubmittedGateAsync(GateKind kind, RolloutRef? rollout = null)
    {
        rollout ??= await RolloutAsync();
        await database.PlayAsync(Accounts.Training);
        var gate = await GateAsync(rollout, kind);
        foreach (var item in gate.Checklist)
        {
            await Get<GateCommands>().SetChecklistItemAsync(gate.Id, item.Id, ChecklistItemState.Met, "Filed.", (await GateAsync(gate.Id)).Version);
        }

        await Get<GateCommands>().SubmitAsync(gate.Id, null, null, (await GateAsync(gate.Id)).Version);
        return await GateAsync(gate.Id);
    }

    /// <summary>Ivan approves the security review with one condition owned by Tara.</summary>
    public async Task<(GateDetails Gate, Guid ConditionId)> GateWithConditionAsync()
    {
        var gate = await SubmittedGateAsync(GateKind.SecurityReview);
        var owner = await database.PlayAsync(Accounts.Training);
        await database.PlayAsync(Accounts.ItLead);
        await Get<GateCommands>().DecideAsync(gate.Id, new GateDecisionDraft
        {
            Decision = DecisionKind.ApproveWithConditions,
            Rationale = "Pen test summary still to come.",
            Conditions = [new ConditionDraft { Text = "Send the pen test summary", OwnerId = owner.UserId, DueDate = new DateOnly(2026, 12, 1) }],
        }, gate.Version);
        var decided = await GateAsync(gate.Id);
        return (decided, decided.Conditions.Single().Id);
    }

    /// <summary>Every other gate waived by Erin; Tara submits go-live sign-off to Erin.</summary>
    public async Task<GateDetails> GoLiveSignOffReadyAsync()
    {
        var rollout = await RolloutAsync();
        foreach (var gate in (await Get<RolloutQueries>().GetAsync(rollout.Code))!.Gates.Where(g => g.Kind != GateKind.GoLiveSignOff))
        {
            await WaiveAsync(await GateAsync(gate.Id));
        }

        return await SubmittedGateAsync(GateKind.GoLiveSignOff, rollout);
    }

    private async Task WaiveAsync(GateDetails gate)
    {
        await database.PlayAsync(Accounts.Executive);
        await Get<GateCommands>().WaiveAsync(gate.Id, "Not needed for this rollout.", gate.Version);
    }

    public sealed record AgreementRef(string Code, Guid Version, Guid LineId);

    /// <summary>A rollout of Tara's with a draft agreement of one line.</summary>
    public async Task<AgreementRef> AgreementAsync()
    {
        var rollout = await RolloutAsync();
        var commands = Get<CostSharingCommands>();
        await commands.CreateAsync(rollout.Code, 24);
        var lineId = await commands.AddLineAsync(rollout.Code, CostSharingScenario.Line(), await AgreementVersionAsync(rollout.Code));
        return new AgreementRef(rollout.Code, await AgreementVersionAsync(rollout.Code), lineId);
    }

    public async Task<AgreementRef> ProposedAgreementAsync()
    {
        var agreement = await AgreementAsync();
        await Get<CostSharingCommands>().ProposeAsync(agreement.Code, agreement.Version);
        return agreement with { Version = await AgreementVersionAsync(agreement.Code) };
    }

    private async Task<Guid> AgreementVersionAsync(string code) => (await Get<CostSharingQueries>().GetAsync(code))!.Agreement!.Version;

    /// <summary>A risk Tara raised on her rollout.</summary>
    public async Task<RiskRow> RiskAsync()
    {
        var rollout = await RolloutAsync();
        await Get<RiskCommands>().RaiseAsync(rollout.Code, Drafts.Risk());
        return (await Get<RiskQueries>().ListAsync(rollout.Code, new RiskListQuery(), new Common.PageRequest())).Items.Single();
    }

    public async Task<GlossaryEntry> GlossaryTermAsync()
    {
        await database.PlayAsync(Accounts.ItLead);
        var draft = UniqueTerm();
        await Get<GlossaryCommands>().AddAsync(draft);
        return (await Get<GlossaryQueries>().SearchAsync(draft.Term, new Common.PageRequest())).Items.Single();
    }

    public static GlossaryDraft UniqueTerm() => new() { Term = $"Term {Guid.NewGuid():N}"[..20], Definition = "A word the matrix test needs." };

    public static NewUserDraft NewUser() => new()
    {
        DisplayName = "Nina New",
        Email = $"nina-{Guid.NewGuid():N}@elearning.test",
        Department = "Training",
        Roles = [Roles.TrainingManager],
    };

    /// <summary>An account made by admin@, for the administration rows; returns its id.</summary>
    /// <summary>A personal access token's form: a fresh name, read only, a month.</summary>
    public static Application.Identity.ApiAccess.ApiTokenDraft ApiTokenDraft() => new()
    {
        Name = $"script {Guid.NewGuid():N}"[..20],
        ExpiresOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30),
    };

    /// <summary>A SCIM token an administrator created, for one attempt to revoke it.</summary>
    public async Task<Guid> ScimTokenAsync()
    {
        await database.PlayAsync(Accounts.Admin);
        return (await Get<Application.Identity.Provisioning.ScimTokenCommands>().CreateAsync(new Application.Identity.Provisioning.ScimTokenDraft { Name = $"Entra {Guid.NewGuid():N}"[..20] })).Id;
    }

    private static int _holidays;

    /// <summary>A holiday on a date no other row uses (one a day from 2090 on, inside the calendar's years).</summary>
    public static Application.Calendar.HolidayDraft UniqueHoliday() => new()
    {
        Date = new DateOnly(2090, 1, 1).AddDays(Interlocked.Increment(ref _holidays)),
        Name = "Matrix day",
    };

    /// <summary>A holiday an administrator added, for one attempt to remove it.</summary>
    public async Task<Guid> HolidayAsync()
    {
        await database.PlayAsync(Accounts.Admin);
        var draft = UniqueHoliday();
        await Get<Application.Calendar.HolidayCommands>().AddAsync(draft);
        return (await Get<Application.Calendar.HolidayQueries>().ListAsync(draft.Date!.Value.Year)).Single(h => h.Date == draft.Date).Id;
    }

    public static Application.Webhooks.WebhookEndpointDraft WebhookDraft() => new()
    {
        Name = $"Receiver {Guid.NewGuid():N}"[..20],
        Url = "https://203.0.113.10/elearning", // a documentation address: no DNS lookup at save
        Events = [Application.Webhooks.WebhookEvents.RolloutCreated],
    };

    public async Task<Guid> WebhookEndpointAsync(bool disabled = false)
    {
        await database.PlayAsync(Accounts.Admin);
        var id = (await Get<Application.Webhooks.WebhookCommands>().CreateAsync(WebhookDraft())).Id;
        if (disabled)
        {
            await Get<Application.Webhooks.WebhookCommands>().DisableAsync(id);
        }

        return id;
    }

    /// <summary>An endpoint and the version an administrator's page shows of it.</summary>
    public async Task<(Guid Id, Guid Version)> WebhookEndpointVersionAsync()
    {
        var id = await WebhookEndpointAsync();
        return (id, (await Get<Application.Webhooks.WebhookQueries>().ListEndpointsAsync()).Single(e => e.Id == id).Version);
    }

    /// <summary>A message in the outbox: an endpoint for new rollouts, and a rollout created.</summary>
    public async Task<long> WebhookMessageAsync()
    {
        var endpoint = await WebhookEndpointAsync();
        await database.PlayAsync(Accounts.Training);
        await Get<Application.Rollouts.RolloutCommands>().CreateAsync(Tests.Rollouts.Drafts.Rollout($"Hooked {Guid.NewGuid():N}"[..20]));
        await using var db = await database.CreateDbContextAsync();
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.WebhookMessages.Where(m => m.EndpointId == endpoint).Select(m => m.Id));
    }

    public async Task<string> UserAsync() => (await AccountAsync()).Id;

    /// <summary>A new account as the Users list shows it (its version included), created by the administrator.</summary>
    public async Task<UserListRow> AccountAsync()
    {
        await database.PlayAsync(Accounts.Admin);
        var draft = NewUser();
        await Get<UserCommands>().CreateAsync(draft);
        return (await Get<UserQueries>().ListAsync(new UserListQuery(draft.Email), new Common.PageRequest())).Items.Single();
    }

    /// <summary>
    /// An absence far in the future (so it routes nothing today and never overlaps another attempt's), with a new stand-in
    /// who is both IT lead and executive, so whichever reviewer sets it has a stand-in of their role.
    /// </summary>
    public async Task<AwayDraft> AwayDraftAsync()
    {
        await database.PlayAsync(Accounts.Admin);
        var draft = NewUser();
        draft.Department = "IT";
        draft.Roles = [Roles.ItLead, Roles.Executive];
        await Get<UserCommands>().CreateAsync(draft);
        var standIn = (await Get<UserQueries>().ListAsync(new UserListQuery(draft.Email), new Common.PageRequest())).Items.Single().Id;
        var from = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(400 + Random.Shared.Next(0, 20_000) * 10);
        return new AwayDraft { From = from, Until = from.AddDays(3), StandInId = standIn };
    }

    /// <summary>Ivan's (itlead@) absence, far in the future, for the rows that change or end it.</summary>
    public async Task<(Guid Id, Guid Version, AwayDraft Draft)> AbsenceOfIvanAsync()
    {
        var draft = await AwayDraftAsync();
        await database.PlayAsync(Accounts.ItLead);
        var id = await Get<StandInCommands>().SetAwayAsync(draft);
        var absence = (await Get<StandInQueries>().MineAsync()).Mine.Single(a => a.Id == id);
        return (id, absence.Version, draft);
    }

    /// <summary>An account made by admin@ with a company account (single sign-on) linked, as a first sign-in through the provider would link it.</summary>
    public async Task<(string UserId, Microsoft.AspNetCore.Identity.UserLoginInfo Login)> UserWithProviderLoginAsync()
    {
        var id = await UserAsync();
        var login = new Microsoft.AspNetCore.Identity.UserLoginInfo("oidc", $"sub-{Guid.NewGuid():N}", "Company account");
        var users = Get<Microsoft.AspNetCore.Identity.UserManager<ElearningRollout.Application.Identity.ApplicationUser>>();
        var user = await users.FindByIdAsync(id) ?? throw new InvalidOperationException("The account was not created.");
        var linked = await users.AddLoginAsync(user, login);
        return linked.Succeeded ? (id, login) : throw new InvalidOperationException(string.Join(" ", linked.Errors.Select(e => e.Description)));
    }

    /// <summary>A rollout form naming Tara as the training owner (an administrator creates rollouts for a training manager).</summary>
    public async Task<RolloutDraft> DraftOwnedByTaraAsync()
    {
        var draft = Drafts.Rollout();
        draft.TrainingOwnerId = (await database.PlayAsync(Accounts.Training)).UserId;
        return draft;
    }

    public sealed record VendorRef(Guid Id, Guid Version);

    /// <summary>A vendor Ivan (IT lead) registered, under a name no other attempt uses.</summary>
    public async Task<VendorRef> VendorAsync()
    {
        await database.PlayAsync(Accounts.ItLead);
        var id = await Get<VendorCommands>().RegisterAsync(VendorScenario.Draft(UniqueVendorName()));
        return new VendorRef(id, (await Get<VendorQueries>().GetAsync(id))!.Version);
    }

    public static string UniqueVendorName() => $"Vendor {Guid.NewGuid():N}"[..20];

    public sealed record EngagementRef(string Code, Guid Id, Guid Version, Guid RequirementId);

    /// <summary>Tara proposes a fresh vendor on a fresh rollout of hers, with contract terms; its requirements come from the rollout.</summary>
    public async Task<EngagementRef> EngagementAsync(EngagementType type = EngagementType.LmsPlatform)
    {
        var vendor = await VendorAsync();
        var rollout = await RolloutAsync();
        var id = await Get<VendorEngagementCommands>().ProposeAsync(rollout.Code, vendor.Id, type, VendorScenario.Contract(withSla: false));
        return await ReloadAsync(rollout.Code, id);
    }

    /// <summary>A contracted course-development engagement, so deliverables can be submitted; with <paramref name="storyboardSubmitted"/> Tara has submitted the storyboard.</summary>
    public async Task<EngagementRef> ContractedCourseDevelopmentAsync(bool storyboardSubmitted = false)
    {
        var engagement = await EngagementAsync(EngagementType.CourseDevelopment);
        var commands = Get<VendorEngagementCommands>();
        foreach (var step in new[] { EngagementStatus.Evaluating, EngagementStatus.Contracted })
        {
            await commands.ChangeStatusAsync(engagement.Id, step, null, (await ReloadAsync(engagement.Code, engagement.Id)).Version);
        }

        if (storyboardSubmitted)
        {
            await commands.SubmitDeliverableAsync(engagement.Id, DeliverableStage.Storyboard, "Storyboard v1", (await ReloadAsync(engagement.Code, engagement.Id)).Version);
        }

        return await ReloadAsync(engagement.Code, engagement.Id);
    }

    private async Task<EngagementRef> ReloadAsync(string code, Guid id)
    {
        var view = (await Get<VendorEngagementQueries>().GetTabAsync(code))!.Engagements.Single(e => e.Id == id);
        return new EngagementRef(code, id, view.Version, view.Requirements[0].Id);
    }

    public sealed record SelectionRef(string Code, Guid Version, Guid Candidate, Guid NotCandidate, CriteriaDraft Criteria);

    /// <summary>
    /// Tara's rollout (Ivan its IT liaison, so the panel is Tara and Ivan) with her selection started and one candidate;
    /// with <paramref name="scored"/> Tara has scored the candidate on every criterion, so a winner can be chosen.
    /// </summary>
    public async Task<SelectionRef> SelectionAsync(bool scored = false)
    {
        var candidate = await VendorAsync();
        var other = await VendorAsync();
        var rollout = await RolloutAsync();
        var commands = Get<VendorSelectionCommands>();
        await commands.StartAsync(rollout.Code, EngagementType.LmsPlatform);
        await commands.AddCandidateAsync(rollout.Code, candidate.Id, (await Get<VendorSelectionQueries>().GetAsync(rollout.Code)).Selection!.Version);
        var selection = (await Get<VendorSelectionQueries>().GetAsync(rollout.Code)).Selection!;
        if (scored)
        {
            await commands.RecordScoresAsync(rollout.Code, selection.Criteria.Select(c => new ScoreDraft(candidate.Id, c.Id, 4)).ToList());
        }

        return new SelectionRef(rollout.Code, selection.Version, candidate.Id, other.Id, CriteriaDraft.From(selection.Criteria));
    }

    public async Task<IReadOnlyList<ScoreDraft>> ScoresAsync(SelectionRef selection) =>
        (await Get<VendorSelectionQueries>().GetAsync(selection.Code)).Selection!.Criteria.Select(c => new ScoreDraft(selection.Candidate, c.Id, 3)).ToList();

    public async Task<DefaultCriteriaView> DefaultCriteriaAsync()
    {
        await database.PlayAsync(Accounts.Admin);
        return await Get<DefaultSelectionCriteriaQueries>().GetAsync();
    }

    /// <summary>The administrator's view of a gate template, for publishing it again unchanged.</summary>
    public async Task<GateTemplateView> GateTemplateAsync(GateKind kind)
    {
        await database.PlayAsync(Accounts.Admin);
        return (await Get<TemplateQueries>().PhasesAndGatesAsync()).SelectMany(p => p.Gates).Single(g => g.Kind == kind);
    }

    /// <summary>The template with its last item reworded (a publish of no change is refused); the wording alternates, so attempts never pile up text.</summary>
    public static GateTemplateDraft Reworded(GateTemplateView template)
    {
        const string Note = " (as agreed)";
        var draft = GateTemplateDraft.From(template);
        var item = draft.Items[^1];
        item.Text = item.Text.EndsWith(Note, StringComparison.Ordinal) ? item.Text[..^Note.Length] : item.Text + Note;
        return draft;
    }
}
