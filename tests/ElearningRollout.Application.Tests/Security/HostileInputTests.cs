using CsCheck;
using ElearningRollout.Application.Administration;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.CostSharing;
using ElearningRollout.Application.Gates;
using ElearningRollout.Application.Glossary;
using ElearningRollout.Application.Risks;
using ElearningRollout.Application.Rollouts;
using ElearningRollout.Application.Vendors;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.CostSharing;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Risks;
using ElearningRollout.Domain.Rollouts;
using ElearningRollout.Domain.Vendors;
using Microsoft.EntityFrameworkCore;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.Security;

/// <summary>
/// Property tests (CsCheck): every validator and command gets random and hostile values. The answer is always a
/// success or a message for the person (ValidationFailedException, DomainException), never another exception;
/// and a refused command writes nothing (row counts, audit trail and the aggregate's version are unchanged).
/// </summary>
public sealed class HostileInputTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>
{
    // Enough to meet every kind of hostile value several times while keeping the class to seconds.
    private const int Iterations = 40;

    private static readonly Gen<RolloutDraft> RolloutDrafts =
        Gen.Select(Hostile.Text, Hostile.Text, Hostile.Text, Hostile.Enum<Audiences>(), Hostile.Int, Hostile.Int, Hostile.Enum<AccessChannels>(), Hostile.Enum<HostingModel>())
        .Select(Gen.Select(Hostile.Enum<Integrations>(), Hostile.Enum<ContentSource>(), Hostile.Text, Hostile.NullableInt, Hostile.Date, Hostile.Date, Hostile.Date, Hostile.Date),
            (a, b) => new RolloutDraft
            {
                Title = a.Item1, Summary = a.Item2, BusinessCase = a.Item3, Audiences = a.Item4, EstimatedLearners = a.Item5,
                PeakConcurrentLearners = a.Item6, AccessChannels = a.Item7, HostingModel = a.Item8, Integrations = b.Item1,
                ContentSource = b.Item2, PilotCohortName = b.Item3, PilotCohortSize = b.Item4, PilotStart = b.Item5, PilotEnd = b.Item6,
                StartDate = b.Item7, TargetGoLive = b.Item8,
            });

    private static readonly Gen<RiskDraft> RiskDrafts = Gen.Select(Hostile.Enum<RiskEntryType>(), Hostile.Text, Hostile.Text,
        Gen.Frequency((3, Gen.OneOf("IT", "Training")), (1, Hostile.Text)), Hostile.Enum<RiskSeverity>(), Hostile.Enum<RiskLikelihood>(), Hostile.NullableText)
        .Select((type, title, description, department, severity, likelihood, owner) => new RiskDraft
        {
            Type = type, Title = title, Description = description, OwningDepartment = department, Severity = severity, Likelihood = likelihood, OwnerId = owner,
        });

    private static readonly Gen<SplitShareDraft> Shares = Gen.Select(Gen.Frequency((3, Gen.OneOf("IT", "Training")), (1, Hostile.Text)), Hostile.Decimal)
        .Select((department, percent) => new SplitShareDraft { Department = department, Percent = percent });

    private static readonly Gen<CostLineDraft> CostLines = Gen.Select(Hostile.Enum<CostCategory>(), Hostile.Text, Hostile.Decimal,
        Gen.Frequency((3, Gen.Const("EUR")), (1, Hostile.Text)), Hostile.Enum<CostNature>(), Hostile.Enum<CostRecurrence>(), Shares.List[0, 5])
        .Select((category, description, amount, currency, nature, recurrence, split) => new CostLineDraft
        {
            Category = category, Description = description, Amount = amount, Currency = currency, Nature = nature, Recurrence = recurrence, Split = split,
        });

    private static readonly Gen<ActualSpendDraft> Spends = Gen.Select(Hostile.Date, Hostile.Decimal, Hostile.NullableText)
        .Select((spentOn, amount, note) => new ActualSpendDraft { SpentOn = spentOn, Amount = amount, Note = note });

    private static readonly Gen<GateDecisionDraft> Decisions = Gen.Select(Hostile.Enum<DecisionKind>(), Hostile.Text,
            Gen.Select(Hostile.Text, Hostile.NullableText, Hostile.Date).Select((text, owner, due) => new ConditionDraft { Text = text, OwnerId = owner, DueDate = due }).List[0, 3])
        .Select((decision, rationale, conditions) => new GateDecisionDraft { Decision = decision, Rationale = rationale, Conditions = conditions });

    [Fact]
    public void Validators_answer_every_input_with_a_result_never_an_exception()
    {
        RolloutDrafts.Sample(d => _ = new RolloutDraftValidator().Validate(d), iter: 500);
        RiskDrafts.Sample(d => _ = new RiskDraftValidator().Validate(d), iter: 500);
        CostLines.Sample(d => _ = new CostLineDraftValidator().Validate(d), iter: 500);
        Spends.Sample(d => _ = new ActualSpendDraftValidator().Validate(d), iter: 500);
        Decisions.Sample(d => _ = new GateDecisionDraftValidator(database.Clock).Validate(d), iter: 500);
    }

    [Fact]
    public async Task Creating_and_editing_rollouts()
    {
        var scenario = new PermissionScenario(database);
        var rollout = await scenario.RolloutAsync();
        var commands = database.Get<RolloutCommands>();

        await HostileAsync(RolloutDrafts, d => commands.CreateAsync(d));
        await HostileAsync(RolloutDrafts, async d => commands.UpdateDetailsAsync(rollout.Code, d, await VersionOfRolloutAsync(rollout.Code)), rollout.Id);
        await HostileAsync(Gen.Select(Hostile.Enum<RolloutHealth>(), Hostile.Text),
            async x => commands.ChangeHealthAsync(rollout.Code, x.Item1, x.Item2, await VersionOfRolloutAsync(rollout.Code)), rollout.Id);
        await HostileAsync(Gen.Select(Hostile.Enum<PhaseKind>(), Hostile.Date, Hostile.Date),
            async x => commands.PlanPhaseAsync(rollout.Code, x.Item1, x.Item2, x.Item3, await VersionOfRolloutAsync(rollout.Code)), rollout.Id);
        await HostileAsync(Gen.Select(Hostile.Enum<LifecycleAction>(), Hostile.NullableText),
            async x => commands.ChangeLifecycleAsync(rollout.Code, x.Item1, x.Item2, await VersionOfRolloutAsync(rollout.Code)), rollout.Id);
    }

    [Fact]
    public async Task Raising_risks_and_maintaining_the_glossary()
    {
        var rollout = await new PermissionScenario(database).RolloutAsync();
        await HostileAsync(RiskDrafts, d => database.Get<RiskCommands>().RaiseAsync(rollout.Code, d));

        await database.PlayAsync(Accounts.ItLead);
        var glossary = database.Get<GlossaryCommands>();
        await HostileAsync(Gen.Select(Hostile.Text, Hostile.Text), x => glossary.AddAsync(new GlossaryDraft { Term = x.Item1, Definition = x.Item2 }));
    }

    private static readonly Gen<VendorDraft> VendorDrafts = Gen.Select(Hostile.Text, Hostile.NullableText, Hostile.NullableText, Hostile.NullableText)
        .Select((name, contact, email, phone) => new VendorDraft { Name = name, ContactName = contact, ContactEmail = email, ContactPhone = phone });

    private static readonly Gen<EngagementTermsDraft> Terms = Gen.Select(Hostile.Decimal, Gen.Frequency((3, Gen.Const("EUR")), (1, Hostile.Text)),
            Hostile.Date, Hostile.Date, Hostile.Decimal, Hostile.NullableInt)
        .Select((value, currency, start, end, uptime, p1) => new EngagementTermsDraft
        {
            ContractValue = value, Currency = currency, StartDate = start, EndDate = end, UptimePercent = uptime, P1ResponseHours = p1,
        });

    private static readonly Gen<RequirementDraft> Requirements = Gen.Select(Hostile.Text, Hostile.Text)
        .Select((topic, text) => new RequirementDraft { Topic = topic, Text = text });

    [Fact]
    public async Task Vendors_engagements_requirements_and_agreement_comments()
    {
        await database.PlayAsync(Accounts.ItLead);
        var vendors = database.Get<VendorCommands>();
        await HostileAsync(VendorDrafts, d => vendors.RegisterAsync(d));
        var vendorId = await vendors.RegisterAsync(new VendorDraft { Name = $"Hostile test vendor {Guid.NewGuid():N}" });
        await HostileAsync(VendorDrafts, async d => vendors.DescribeAsync(vendorId, d, await VersionOfVendorAsync(vendorId)), vendorId);
        await HostileAsync(Hostile.Date, async expires => vendors.RecordCertificationAsync(vendorId, new CertificationDraft { Kind = CertificationKind.Iso27001, ExpiresOn = expires },
            await VersionOfVendorAsync(vendorId)), vendorId);

        var agreement = await new PermissionScenario(database).AgreementAsync();
        var engagements = database.Get<VendorEngagementCommands>();
        var engagementId = await engagements.ProposeAsync(agreement.Code, vendorId, EngagementType.Support);
        await HostileAsync(Terms, async t => engagements.ChangeTermsAsync(engagementId, t, await VersionOfEngagementAsync(engagementId)), engagementId);
        await HostileAsync(Gen.Select(Hostile.Enum<EngagementStatus>(), Hostile.NullableText),
            async x => engagements.ChangeStatusAsync(engagementId, x.Item1, x.Item2, await VersionOfEngagementAsync(engagementId)), engagementId);
        await HostileAsync(Hostile.Text, text => database.Get<CostSharingCommands>().CommentAsync(agreement.Code, text));

        await database.PlayAsync(Accounts.ItLead);
        await HostileAsync(Requirements, async d => engagements.AddRequirementAsync(engagementId, d, await VersionOfEngagementAsync(engagementId)), engagementId);
    }

    [Fact]
    public async Task Cost_lines_actual_spend_and_terms()
    {
        var agreement = await new PermissionScenario(database).AgreementAsync();
        var commands = database.Get<CostSharingCommands>();

        await HostileAsync(CostLines, async d => commands.AddLineAsync(agreement.Code, d, await VersionOfAgreementAsync(agreement.Code)));
        await HostileAsync(Hostile.Int, async months => commands.ChangeTermAsync(agreement.Code, months, await VersionOfAgreementAsync(agreement.Code)));
        await HostileAsync(Spends, async d => commands.RecordActualAsync(agreement.Code, agreement.LineId, d, await VersionOfAgreementAsync(agreement.Code)));
    }

    [Fact]
    public async Task Gate_checklists_submissions_decisions_waivers_and_comments()
    {
        var scenario = new PermissionScenario(database);
        var rollout = await scenario.RolloutAsync();
        var gates = database.Get<GateCommands>();
        var checklistGate = await scenario.GateAsync(rollout, GateKind.InfrastructureAndNetwork);
        await HostileAsync(Gen.Select(Hostile.Enum<ChecklistItemState>(), Hostile.NullableText),
            async x => gates.SetChecklistItemAsync(checklistGate.Id, checklistGate.Checklist[0].Id, x.Item1, x.Item2, await VersionOfGateAsync(checklistGate.Id)), checklistGate.Id);
        await HostileAsync(Gen.Select(Hostile.NullableText, Hostile.Date),
            async x => gates.SubmitAsync(checklistGate.Id, x.Item1, x.Item2, await VersionOfGateAsync(checklistGate.Id)), checklistGate.Id);
        await HostileAsync(Hostile.Text, text => gates.CommentAsync(checklistGate.Id, text));

        var submitted = await scenario.SubmittedGateAsync(GateKind.SecurityReview);
        await database.PlayAsync(Accounts.ItLead);
        await HostileAsync(Decisions, async d => gates.DecideAsync(submitted.Id, d, await VersionOfGateAsync(submitted.Id)), submitted.Id);

        var budget = await scenario.GateAsync(await scenario.RolloutAsync(), GateKind.BudgetAgreement);
        await database.PlayAsync(Accounts.Executive);
        await HostileAsync(Hostile.Text, async text => gates.WaiveAsync(budget.Id, text, await VersionOfGateAsync(budget.Id)), budget.Id);
    }

    [Fact]
    public async Task Accounts_and_departments()
    {
        await database.PlayAsync(Accounts.Admin);
        await HostileAsync(Hostile.Text, name => database.Get<DepartmentCommands>().AddAsync(name));
        var roles = Gen.Frequency((3, Gen.OneOf(Roles.All.ToArray())), (1, Hostile.Text)).List[0, 3];
        await HostileAsync(Gen.Select(Hostile.Text, Hostile.Text, Gen.Frequency((3, Gen.OneOf("IT", "Training")), (1, Hostile.Text)), roles),
            x => database.Get<UserCommands>().CreateAsync(new NewUserDraft { DisplayName = x.Item1, Email = x.Item2, Department = x.Item3, Roles = x.Item4 }));
    }

    /// <summary>
    /// Runs the command with generated input as whoever is played now. Success is fine; a refusal must be a message and
    /// leave every count (and <paramref name="aggregateId"/>'s version) as it was.
    /// </summary>
    private async Task HostileAsync<T>(Gen<T> input, Func<T, Task> command, Guid? aggregateId = null)
    {
        var actor = database.Actor.Current;
        await input.SampleAsync(async value =>
        {
            database.Actor.PlayAs(actor);
            var before = await SnapshotAsync(aggregateId);
            Exception? outcome = null;
            try
            {
                await command(value);
            }
            catch (Exception e)
            {
                outcome = e;
            }

            if (outcome is null)
            {
                return;
            }

            Assert.True(outcome is ValidationFailedException or DomainException, $"{outcome.GetType().Name}: {outcome.Message}");
            Assert.Equal(before, await SnapshotAsync(aggregateId));
        }, iter: Iterations, threads: 1);
    }

    private Task HostileAsync<T>(Gen<T> input, Func<T, Task<Task>> command, Guid? aggregateId = null)
        => HostileAsync(input, async value => await await command(value), aggregateId);

    private sealed record Snapshot(
        int Audit, int Rollouts, int Gates, int Risks, int Terms, int Agreements, int Users, int Departments, int Comments, int Vendors, int Engagements, Guid? Version);

    private async Task<Snapshot> SnapshotAsync(Guid? aggregateId)
    {
        await using var db = await database.CreateDbContextAsync();
        var version = aggregateId is not { } id
            ? (Guid?)null
            : await db.Rollouts.Where(r => r.Id == id).Select(r => (Guid?)r.Version).SingleOrDefaultAsync()
              ?? await db.ClearanceGates.Where(g => g.Id == id).Select(g => (Guid?)g.Version).SingleOrDefaultAsync()
              ?? await db.Vendors.Where(v => v.Id == id).Select(v => (Guid?)v.Version).SingleOrDefaultAsync()
              ?? await db.VendorEngagements.Where(e => e.Id == id).Select(e => (Guid?)e.Version).SingleOrDefaultAsync();
        return new Snapshot(await db.AuditEntries.CountAsync(), await db.Rollouts.CountAsync(), await db.ClearanceGates.CountAsync(),
            await db.RiskEntries.CountAsync(), await db.GlossaryTerms.CountAsync(), await db.CostSharingAgreements.CountAsync(),
            await db.Users.CountAsync(), await db.Departments.CountAsync(), await db.GateComments.CountAsync() + await db.AgreementComments.CountAsync(),
            await db.Vendors.CountAsync(), await db.VendorEngagements.CountAsync(), version);
    }

    private async Task<Guid> VersionOfRolloutAsync(string code) => (await database.Get<RolloutQueries>().GetAsync(code))!.Version;

    private async Task<Guid> VersionOfGateAsync(Guid id) => (await database.Get<GateQueries>().GetAsync(id))!.Version;

    private async Task<Guid> VersionOfVendorAsync(Guid id) => (await database.Get<VendorQueries>().GetAsync(id))!.Version;

    private async Task<Guid> VersionOfEngagementAsync(Guid id)
    {
        await using var db = await database.CreateDbContextAsync();
        return await db.VendorEngagements.Where(e => e.Id == id).Select(e => e.Version).SingleAsync();
    }

    private async Task<Guid> VersionOfAgreementAsync(string code) => (await database.Get<CostSharingQueries>().GetAsync(code))!.Agreement!.Version;
}
