using ElearningRollout.Application.Administration;
using ElearningRollout.Application.Calendar;
using ElearningRollout.Application.CalendarFeeds;
using ElearningRollout.Application.Webhooks;
using ElearningRollout.Application.Bandwidth;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.CostSharing;
using ElearningRollout.Application.CoursePackages;
using ElearningRollout.Application.Dashboard;
using ElearningRollout.Application.Gates;
using ElearningRollout.Application.Glossary;
using ElearningRollout.Application.Identity.Provisioning;
using ElearningRollout.Application.Notifications;
using ElearningRollout.Application.Preferences;
using ElearningRollout.Application.Risks;
using ElearningRollout.Domain.Risks;
using ElearningRollout.Application.Rollouts;
using ElearningRollout.Application.Templates;
using ElearningRollout.Application.Tests.Bandwidth;
using ElearningRollout.Application.Tests.CostSharing;
using ElearningRollout.Application.Tests.Rollouts;
using ElearningRollout.Application.Tests.Vendors;
using ElearningRollout.Application.Vendors;
using ElearningRollout.Application.Vendors.Selection;
using ElearningRollout.Application.Workload;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Rollouts;
using ElearningRollout.Domain.Vendors;
using ElearningRollout.Tests.Shared.CoursePackages;
using static ElearningRollout.Application.Tests.Security.Who;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.Security;

/// <summary>The people the matrix plays; a row says which of them may run the use case.</summary>
[Flags]
public enum Who
{
    None = 0,
    /// <summary>training@, the rollout's training owner (and the submitter of its gates).</summary>
    Owner = 1,
    /// <summary>training2@, a training manager who does not own the rollout.</summary>
    OtherTrainingManager = 2,
    /// <summary>itlead@, an IT lead (the rollout's IT liaison).</summary>
    ItLead = 4,
    /// <summary>exec@, an executive (the rollout's sponsor).</summary>
    Executive = 8,
    Administrator = 16,
    /// <summary>Nobody signed in.</summary>
    SignedOut = 32,
    SignedIn = Owner | OtherTrainingManager | ItLead | Executive | Administrator,
    Everyone = SignedIn | SignedOut,
}

/// <summary>One use case: who may run it, and how to run it once on fresh data (arrange as the owners, then act).</summary>
internal sealed record PermissionRow(Type Service, string Method, Who Allowed, Func<PermissionScenario, Task<Func<Task>>> Arrange)
{
    public string Key => $"{Service.Name}.{Method}";
}

/// <summary>
/// THE permission matrix: one line per public method of every application service that acts for a person.
/// docs/security.md ("Permission matrix") must list the same rows with the same answers; PermissionMatrixTests
/// checks both, and fails for a public method that has no row here. To add a use case, add one line here and
/// one in the table (see docs/security.md).
/// </summary>
internal static class PermissionMatrix
{
    /// <summary>The demo account each person of the matrix is played by (everyone but the signed-out).</summary>
    public static string AccountOf(Who person) => person switch
    {
        Who.Owner => Accounts.Training,
        Who.OtherTrainingManager => Accounts.Training2,
        Who.ItLead => Accounts.ItLead,
        Who.Executive => Accounts.Executive,
        _ => Accounts.Admin,
    };

    public static readonly IReadOnlyList<PermissionRow> Rows =
    [
        // Rollouts
        Row<RolloutQueries>(nameof(RolloutQueries.ListAsync), SignedIn, s => Act(() => s.Get<RolloutQueries>().ListAsync(new RolloutListQuery(), new PageRequest()))),
        Row<RolloutQueries>(nameof(RolloutQueries.GetAsync), SignedIn, async s => { var r = await s.RolloutAsync(); return () => s.Get<RolloutQueries>().GetAsync(r.Code); }),
        Row<RolloutQueries>(nameof(RolloutQueries.HistoryAsync), SignedIn, async s => { var r = await s.RolloutAsync(); return () => s.Get<RolloutQueries>().HistoryAsync(r.Code, new PageRequest()); }),
        Row<RolloutQueries>(nameof(RolloutQueries.PeopleChoicesAsync), SignedIn, s => Act(() => s.Get<RolloutQueries>().PeopleChoicesAsync())),
        Row<RolloutQueries>(nameof(RolloutQueries.CanCreateAsync), Everyone, s => Act(() => s.Get<RolloutQueries>().CanCreateAsync())),
        Row<RolloutCommands>(nameof(RolloutCommands.CreateAsync), Owner | OtherTrainingManager | Administrator, async s => { var d = await s.DraftOwnedByTaraAsync(); return () => s.Get<RolloutCommands>().CreateAsync(d); }),
        Row<RolloutCommands>(nameof(RolloutCommands.UpdateDetailsAsync), Owner | Administrator, async s => { var r = await s.RolloutAsync(); return () => s.Get<RolloutCommands>().UpdateDetailsAsync(r.Code, Drafts.Rollout("Renamed"), r.Version); }),
        Row<RolloutCommands>(nameof(RolloutCommands.ChangeHealthAsync), Owner | Administrator, async s => { var r = await s.RolloutAsync(); return () => s.Get<RolloutCommands>().ChangeHealthAsync(r.Code, RolloutHealth.AtRisk, "Vendor late", r.Version); }),
        Row<RolloutCommands>(nameof(RolloutCommands.ActivateAsync), Owner | Administrator, async s => { var r = await s.RolloutAsync(); return () => s.Get<RolloutCommands>().ActivateAsync(r.Code, r.Version); }),
        Row<RolloutCommands>(nameof(RolloutCommands.CompleteCurrentPhaseAsync), Owner | Administrator, async s => { var r = await s.RolloutReadyToCompleteInitiationAsync(); return () => s.Get<RolloutCommands>().CompleteCurrentPhaseAsync(r.Code, r.Version); }),
        Row<RolloutCommands>(nameof(RolloutCommands.SkipPhaseAsync), Owner | Administrator, async s => { var r = await s.ActiveRolloutAsync(); return () => s.Get<RolloutCommands>().SkipPhaseAsync(r.Code, PhaseKind.Evaluation, "Measured by HR instead", r.Version); }),
        Row<RolloutCommands>(nameof(RolloutCommands.SendBackAsync), Owner | Administrator, async s => { var r = await s.RolloutInAssessmentAsync(); return () => s.Get<RolloutCommands>().SendBackAsync(r.Code, PhaseKind.Initiation, "Scope changed", r.Version); }),
        Row<RolloutCommands>(nameof(RolloutCommands.PlanPhaseAsync), Owner | Administrator, async s => { var r = await s.RolloutAsync(); return () => s.Get<RolloutCommands>().PlanPhaseAsync(r.Code, PhaseKind.Pilot, new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 31), r.Version); }),
        Row<RolloutCommands>(nameof(RolloutCommands.ChangeLifecycleAsync), Owner | Administrator, async s => { var r = await s.ActiveRolloutAsync(); return () => s.Get<RolloutCommands>().ChangeLifecycleAsync(r.Code, LifecycleAction.PutOnHold, "Budget freeze", r.Version); }),

        // Risks and issues
        Row<RiskQueries>(nameof(RiskQueries.ListAsync), SignedIn, async s => { var r = await s.RolloutAsync(); return () => s.Get<RiskQueries>().ListAsync(r.Code, new RiskListQuery(), new PageRequest()); }),
        Row<RiskCommands>(nameof(RiskCommands.RaiseAsync), Owner | ItLead | Administrator, async s => { var r = await s.RolloutAsync(); return () => s.Get<RiskCommands>().RaiseAsync(r.Code, Drafts.Risk()); }),
        Row<RiskCommands>(nameof(RiskCommands.ChangeStatusAsync), Owner | ItLead | Administrator, async s => { var risk = await s.RiskAsync(); return () => s.Get<RiskCommands>().ChangeStatusAsync(risk.Id, RiskAction.StartMitigating, null, risk.Version); }),

        // Clearance gates
        Row<GateQueries>(nameof(GateQueries.GetAsync), SignedIn, async s => { var g = await s.GateAsync(await s.RolloutAsync(), GateKind.SecurityReview); return () => s.Get<GateQueries>().GetAsync(g.Id); }),
        Row<GateQueries>(nameof(GateQueries.ReviewQueueAsync), ItLead | Executive | Administrator, s => Act(() => s.Get<GateQueries>().ReviewQueueAsync(new ReviewQueueQuery(), new PageRequest()))),
        Row<GateCommands>(nameof(GateCommands.SetChecklistItemAsync), Owner | Administrator, async s => { var g = await s.GateAsync(await s.RolloutAsync(), GateKind.SecurityReview); return () => s.Get<GateCommands>().SetChecklistItemAsync(g.Id, g.Checklist[0].Id, ChecklistItemState.Met, "Filed.", g.Version); }),
        Row<GateCommands>(nameof(GateCommands.SetChecklistItemsAsync), Owner | Administrator, async s => { var g = await s.GateAsync(await s.RolloutAsync(), GateKind.SecurityReview); return () => s.Get<GateCommands>().SetChecklistItemsAsync(g.Id, [new ChecklistItemChange(g.Checklist[0].Id, ChecklistItemState.Met, "Filed.", g.Checklist[0].SetAt)]); }),
        Row<GateCommands>(nameof(GateCommands.SubmitAsync), Owner | Administrator, async s => { var g = await s.GateAsync(await s.RolloutAsync(), GateKind.SecurityReview); return () => s.Get<GateCommands>().SubmitAsync(g.Id, null, null, g.Version); }),
        Row<GateCommands>(nameof(GateCommands.DecideAsync), ItLead, async s => { var g = await s.SubmittedGateAsync(GateKind.SecurityReview); return () => s.Get<GateCommands>().DecideAsync(g.Id, new GateDecisionDraft { Decision = DecisionKind.Approve }, g.Version); }),
        Row<GateCommands>(nameof(GateCommands.SignOffAsync), Executive, async s => { var g = await s.GoLiveSignOffReadyAsync(); return () => s.Get<GateCommands>().SignOffAsync(g.Id, "Ready.", g.Version); }),
        Row<GateCommands>(nameof(GateCommands.WaiveAsync), Executive, async s => { var g = await s.GateAsync(await s.RolloutAsync(), GateKind.BudgetAgreement); return () => s.Get<GateCommands>().WaiveAsync(g.Id, "Centrally funded.", g.Version); }),
        Row<GateCommands>(nameof(GateCommands.MeetConditionAsync), Owner, async s => { var (g, condition) = await s.GateWithConditionAsync(); return () => s.Get<GateCommands>().MeetConditionAsync(g.Id, condition, g.Version); }),
        Row<GateCommands>(nameof(GateCommands.RecordDecisionAsync), ItLead, async s => { var g = await s.SubmittedGateAsync(GateKind.SecurityReview); return () => s.Get<GateCommands>().RecordDecisionAsync(g.Id, new GateDecisionDraft { Decision = DecisionKind.Approve }); }),
        Row<GateCommands>(nameof(GateCommands.ReassignReviewAsync), Administrator, async s => { var g = await s.SubmittedGateAsync(GateKind.SecurityReview); var to = g.ReviewerChoices.First(p => p.Id != g.Reviewer?.Id).Id; return () => s.Get<GateCommands>().ReassignReviewAsync(g.Id, g.Reviewing!.Reviews[0].Id, to, g.Version); }),
        Row<StandInQueries>(nameof(StandInQueries.MineAsync), SignedIn, s => Act(() => s.Get<StandInQueries>().MineAsync())),
        Row<StandInCommands>(nameof(StandInCommands.SetAwayAsync), ItLead | Executive, async s => { var d = await s.AwayDraftAsync(); return () => s.Get<StandInCommands>().SetAwayAsync(d); }),
        Row<StandInCommands>(nameof(StandInCommands.ChangeAwayAsync), ItLead, async s => { var (id, version, d) = await s.AbsenceOfIvanAsync(); d.Until = d.Until!.Value.AddDays(1); return () => s.Get<StandInCommands>().ChangeAwayAsync(id, d, version); }),
        Row<StandInCommands>(nameof(StandInCommands.EndAwayAsync), ItLead, async s => { var (id, version, _) = await s.AbsenceOfIvanAsync(); return () => s.Get<StandInCommands>().EndAwayAsync(id, version); }),
        Row<GateCommands>(nameof(GateCommands.CommentAsync), Owner | ItLead | Executive | Administrator, async s => { var g = await s.GateAsync(await s.RolloutAsync(), GateKind.SecurityReview); return () => s.Get<GateCommands>().CommentAsync(g.Id, "Looks fine."); }),

        // Cost-sharing
        Row<CostSharingQueries>(nameof(CostSharingQueries.GetAsync), SignedIn, async s => { var a = await s.AgreementAsync(); return () => s.Get<CostSharingQueries>().GetAsync(a.Code); }),
        Row<CostSharingQueries>(nameof(CostSharingQueries.GetVersionAsync), SignedIn, async s => { var a = await s.AgreementAsync(); return () => s.Get<CostSharingQueries>().GetVersionAsync(a.Code, 1); }),
        Row<CostSharingQueries>(nameof(CostSharingQueries.ExportCsvAsync), SignedIn, async s => { var a = await s.AgreementAsync(); return () => s.Get<CostSharingQueries>().ExportCsvAsync(a.Code); }),
        Row<CostSharingQueries>(nameof(CostSharingQueries.ExportExcelAsync), SignedIn, async s => { var a = await s.AgreementAsync(); return () => s.Get<CostSharingQueries>().ExportExcelAsync(a.Code); }),
        Row<CostSharingCommands>(nameof(CostSharingCommands.CreateAsync), Owner | Administrator, async s => { var r = await s.RolloutAsync(); return () => s.Get<CostSharingCommands>().CreateAsync(r.Code, 24); }),
        Row<CostSharingCommands>(nameof(CostSharingCommands.AddLineAsync), Owner | Administrator, async s => { var a = await s.AgreementAsync(); return () => s.Get<CostSharingCommands>().AddLineAsync(a.Code, CostSharingScenario.Line(), a.Version); }),
        Row<CostSharingCommands>(nameof(CostSharingCommands.UpdateLineAsync), Owner | Administrator, async s => { var a = await s.AgreementAsync(); return () => s.Get<CostSharingCommands>().UpdateLineAsync(a.Code, a.LineId, CostSharingScenario.Line(amount: 9000m), a.Version); }),
        Row<CostSharingCommands>(nameof(CostSharingCommands.RemoveLineAsync), Owner | Administrator, async s => { var a = await s.AgreementAsync(); return () => s.Get<CostSharingCommands>().RemoveLineAsync(a.Code, a.LineId, a.Version); }),
        Row<CostSharingCommands>(nameof(CostSharingCommands.ChangeTermAsync), Owner | Administrator, async s => { var a = await s.AgreementAsync(); return () => s.Get<CostSharingCommands>().ChangeTermAsync(a.Code, 36, a.Version); }),
        Row<CostSharingCommands>(nameof(CostSharingCommands.ProposeAsync), Owner | Administrator, async s => { var a = await s.AgreementAsync(); return () => s.Get<CostSharingCommands>().ProposeAsync(a.Code, a.Version); }),
        Row<CostSharingCommands>(nameof(CostSharingCommands.WithdrawAsync), Owner | Administrator, async s => { var a = await s.ProposedAgreementAsync(); return () => s.Get<CostSharingCommands>().WithdrawAsync(a.Code, a.Version); }),
        Row<CostSharingCommands>(nameof(CostSharingCommands.SignAsync), Owner | ItLead, async s => { var a = await s.ProposedAgreementAsync(); return () => s.Get<CostSharingCommands>().SignAsync(a.Code, a.Version); }),
        Row<CostSharingCommands>(nameof(CostSharingCommands.CommentAsync), Owner | ItLead | Administrator, async s => { var a = await s.AgreementAsync(); return () => s.Get<CostSharingCommands>().CommentAsync(a.Code, "Is the licence split right?"); }),
        Row<CostSharingCommands>(nameof(CostSharingCommands.RecordActualAsync), Owner | ItLead | Administrator, async s => { var a = await s.AgreementAsync(); return () => s.Get<CostSharingCommands>().RecordActualAsync(a.Code, a.LineId, new ActualSpendDraft { SpentOn = new DateOnly(2026, 11, 1), Amount = 100m }, a.Version); }),

        // Vendors
        Row<VendorQueries>(nameof(VendorQueries.CanRegisterAsync), SignedIn, s => Act(() => s.Get<VendorQueries>().CanRegisterAsync())),
        Row<VendorQueries>(nameof(VendorQueries.ListAsync), SignedIn, s => Act(() => s.Get<VendorQueries>().ListAsync(new VendorListQuery(), new PageRequest()))),
        Row<VendorQueries>(nameof(VendorQueries.GetAsync), SignedIn, async s => { var v = await s.VendorAsync(); return () => s.Get<VendorQueries>().GetAsync(v.Id); }),
        Row<VendorCommands>(nameof(VendorCommands.RegisterAsync), Owner | OtherTrainingManager | ItLead | Administrator, s => Act(() => s.Get<VendorCommands>().RegisterAsync(VendorScenario.Draft(PermissionScenario.UniqueVendorName())))),
        Row<VendorCommands>(nameof(VendorCommands.DescribeAsync), Owner | OtherTrainingManager | ItLead | Administrator, async s => { var v = await s.VendorAsync(); return () => s.Get<VendorCommands>().DescribeAsync(v.Id, VendorScenario.Draft(PermissionScenario.UniqueVendorName()), v.Version); }),
        Row<VendorCommands>(nameof(VendorCommands.RecordSecurityProfileAsync), ItLead | Administrator, async s => { var v = await s.VendorAsync(); return () => s.Get<VendorCommands>().RecordSecurityProfileAsync(v.Id, new VendorSecurityDraft { DpaSigned = true, DataResidency = "EU" }, v.Version); }),
        Row<VendorCommands>(nameof(VendorCommands.RecordCertificationAsync), ItLead | Administrator, async s => { var v = await s.VendorAsync(); return () => s.Get<VendorCommands>().RecordCertificationAsync(v.Id, new CertificationDraft { Kind = CertificationKind.Iso27001, ExpiresOn = new DateOnly(2027, 6, 30) }, v.Version); }),
        Row<VendorCommands>(nameof(VendorCommands.RemoveCertificationAsync), ItLead | Administrator, async s => { var v = await s.VendorAsync(); await s.Get<VendorCommands>().RecordCertificationAsync(v.Id, CertificationKind.Iso27001, new DateOnly(2027, 6, 30), v.Version); var version = (await s.Get<VendorQueries>().GetAsync(v.Id))!.Version; return () => s.Get<VendorCommands>().RemoveCertificationAsync(v.Id, CertificationKind.Iso27001, version); }),
        Row<VendorEngagementQueries>(nameof(VendorEngagementQueries.GetTabAsync), SignedIn, async s => { var e = await s.EngagementAsync(); return () => s.Get<VendorEngagementQueries>().GetTabAsync(e.Code); }),
        Row<VendorEngagementQueries>(nameof(VendorEngagementQueries.RequirementsSheetAsync), SignedIn, async s => { var e = await s.EngagementAsync(); return () => s.Get<VendorEngagementQueries>().RequirementsSheetAsync(e.Id); }),
        Row<VendorEngagementCommands>(nameof(VendorEngagementCommands.ProposeAsync), Owner | Administrator, async s => { var v = await s.VendorAsync(); var r = await s.RolloutAsync(); return () => s.Get<VendorEngagementCommands>().ProposeAsync(r.Code, new EngagementProposalDraft { VendorId = v.Id, Type = EngagementType.Hosting }); }),
        Row<VendorEngagementCommands>(nameof(VendorEngagementCommands.ChangeTermsAsync), Owner | Administrator, async s => { var e = await s.EngagementAsync(); return () => s.Get<VendorEngagementCommands>().ChangeTermsAsync(e.Id, VendorScenario.Contract(), e.Version); }),
        Row<VendorEngagementCommands>(nameof(VendorEngagementCommands.ChangeStatusAsync), Owner | Administrator, async s => { var e = await s.EngagementAsync(); return () => s.Get<VendorEngagementCommands>().ChangeStatusAsync(e.Id, EngagementStatus.Evaluating, null, e.Version); }),
        Row<VendorEngagementCommands>(nameof(VendorEngagementCommands.AddRequirementAsync), ItLead | Administrator, async s => { var e = await s.EngagementAsync(); return () => s.Get<VendorEngagementCommands>().AddRequirementAsync(e.Id, new RequirementDraft { Topic = "Ports", Text = "UDP 3478 open for live classes." }, e.Version); }),
        Row<VendorEngagementCommands>(nameof(VendorEngagementCommands.ChangeRequirementAsync), ItLead | Administrator, async s => { var e = await s.EngagementAsync(); return () => s.Get<VendorEngagementCommands>().ChangeRequirementAsync(e.Id, e.RequirementId, new RequirementDraft { Topic = "Browsers", Text = "Edge and Chrome, current and previous." }, e.Version); }),
        Row<VendorEngagementCommands>(nameof(VendorEngagementCommands.RemoveRequirementAsync), ItLead | Administrator, async s => { var e = await s.EngagementAsync(); return () => s.Get<VendorEngagementCommands>().RemoveRequirementAsync(e.Id, e.RequirementId, e.Version); }),
        Row<VendorEngagementCommands>(nameof(VendorEngagementCommands.RecordAcknowledgementAsync), Owner | Administrator, async s => { var e = await s.EngagementAsync(); return () => s.Get<VendorEngagementCommands>().RecordAcknowledgementAsync(e.Id, e.RequirementId, "Nina Holm", e.Version); }),
        Row<VendorEngagementCommands>(nameof(VendorEngagementCommands.SubmitDeliverableAsync), Owner | Administrator, async s => { var e = await s.ContractedCourseDevelopmentAsync(); return () => s.Get<VendorEngagementCommands>().SubmitDeliverableAsync(e.Id, DeliverableStage.Storyboard, null, e.Version); }),
        Row<VendorEngagementCommands>(nameof(VendorEngagementCommands.SignOffDeliverableAsync), Owner | Administrator, async s => { var e = await s.ContractedCourseDevelopmentAsync(storyboardSubmitted: true); return () => s.Get<VendorEngagementCommands>().SignOffDeliverableAsync(e.Id, DeliverableStage.Storyboard, e.Version); }),
        Row<VendorEngagementCommands>(nameof(VendorEngagementCommands.RejectDeliverableAsync), Owner | Administrator, async s => { var e = await s.ContractedCourseDevelopmentAsync(storyboardSubmitted: true); return () => s.Get<VendorEngagementCommands>().RejectDeliverableAsync(e.Id, DeliverableStage.Storyboard, "Module 2 is out of date.", e.Version); }),

        // Course package pre-flight
        Row<CoursePackageCommands>(nameof(CoursePackageCommands.UploadAsync), Owner | Administrator, async s => { var e = await s.ContractedCourseDevelopmentAsync(); return () => s.Get<CoursePackageCommands>().UploadAsync(e.Id, DeliverableStage.Alpha, "alpha.zip", new MemoryStream(CoursePackageBuilder.Scorm12().Build())); }),
        Row<CoursePackageQueries>(nameof(CoursePackageQueries.EvidenceForGateAsync), SignedIn, async s => { var g = await s.GateAsync(await s.RolloutAsync(), GateKind.SecurityReview); return () => s.Get<CoursePackageQueries>().EvidenceForGateAsync(g.Id); }),

        // Bandwidth planner and launch waves
        Row<BandwidthPlanCommands>(nameof(BandwidthPlanCommands.SaveAsync), Owner | ItLead | Administrator, async s => { var r = await s.RolloutAsync(); return () => s.Get<BandwidthPlanCommands>().SaveAsync(r.Code, BandwidthScenario.Plan(), null); }),
        Row<BandwidthPlanCommands>(nameof(BandwidthPlanCommands.SaveWavesAsync), Owner | ItLead | Administrator, async s => { var p = await BandwidthScenario.PlannedRolloutAsync(s); return () => s.Get<BandwidthPlanCommands>().SaveWavesAsync(p.Code, p.Waves, p.Version); }),
        Row<BandwidthPlanQueries>(nameof(BandwidthPlanQueries.ForGateAsync), SignedIn, async s => { var p = await BandwidthScenario.PlannedRolloutAsync(s); return () => s.Get<BandwidthPlanQueries>().ForGateAsync(p.GateId); }),
        Row<BandwidthPlanQueries>(nameof(BandwidthPlanQueries.SuggestWavesAsync), SignedIn, async s => { var p = await BandwidthScenario.PlannedRolloutAsync(s); return () => s.Get<BandwidthPlanQueries>().SuggestWavesAsync(p.Code, new WaveSuggestionDraft { FirstWaveStartsOn = new DateOnly(2026, 12, 1), DaysBetweenWaves = 7 }); }),
        Row<BandwidthPlanQueries>(nameof(BandwidthPlanQueries.WavesOfRolloutAsync), SignedIn, async s => { var p = await BandwidthScenario.PlannedRolloutAsync(s); return () => s.Get<BandwidthPlanQueries>().WavesOfRolloutAsync(p.Code); }),
        Row<BandwidthPlanQueries>(nameof(BandwidthPlanQueries.WavesSoonAsync), SignedIn, s => Act(() => s.Get<BandwidthPlanQueries>().WavesSoonAsync(new DashboardFilter()))),

        // Vendor selection
        Row<VendorSelectionQueries>(nameof(VendorSelectionQueries.GetAsync), SignedIn, async s => { var sel = await s.SelectionAsync(); return () => s.Get<VendorSelectionQueries>().GetAsync(sel.Code); }),
        Row<VendorSelectionQueries>(nameof(VendorSelectionQueries.VendorChoicesAsync), SignedIn, async s => { var sel = await s.SelectionAsync(); return () => s.Get<VendorSelectionQueries>().VendorChoicesAsync(sel.Code, null); }),
        Row<VendorSelectionQueries>(nameof(VendorSelectionQueries.EvaluatorChoicesAsync), SignedIn, s => Act(() => s.Get<VendorSelectionQueries>().EvaluatorChoicesAsync())),
        Row<VendorSelectionCommands>(nameof(VendorSelectionCommands.StartAsync), Owner | Administrator, async s => { var r = await s.RolloutAsync(); return () => s.Get<VendorSelectionCommands>().StartAsync(r.Code, EngagementType.LmsPlatform); }),
        Row<VendorSelectionCommands>(nameof(VendorSelectionCommands.AddCandidateAsync), Owner | Administrator, async s => { var sel = await s.SelectionAsync(); return () => s.Get<VendorSelectionCommands>().AddCandidateAsync(sel.Code, sel.NotCandidate, sel.Version); }),
        Row<VendorSelectionCommands>(nameof(VendorSelectionCommands.RemoveCandidateAsync), Owner | Administrator, async s => { var sel = await s.SelectionAsync(); return () => s.Get<VendorSelectionCommands>().RemoveCandidateAsync(sel.Code, sel.Candidate, sel.Version); }),
        Row<VendorSelectionCommands>(nameof(VendorSelectionCommands.AddEvaluatorAsync), Owner | Administrator, async s => { var sel = await s.SelectionAsync(); var evaluator = await s.Database.PlayAsync(Accounts.ItLead2); return () => s.Get<VendorSelectionCommands>().AddEvaluatorAsync(sel.Code, evaluator.UserId, sel.Version); }),
        Row<VendorSelectionCommands>(nameof(VendorSelectionCommands.RemoveEvaluatorAsync), Owner | Administrator, async s => { var sel = await s.SelectionAsync(); var liaison = await s.Database.PlayAsync(Accounts.ItLead); return () => s.Get<VendorSelectionCommands>().RemoveEvaluatorAsync(sel.Code, liaison.UserId, sel.Version); }),
        Row<VendorSelectionCommands>(nameof(VendorSelectionCommands.ReviseCriteriaAsync), Owner | Administrator, async s => { var sel = await s.SelectionAsync(); return () => s.Get<VendorSelectionCommands>().ReviseCriteriaAsync(sel.Code, sel.Criteria, sel.Version); }),
        Row<VendorSelectionCommands>(nameof(VendorSelectionCommands.RecordScoresAsync), Owner | ItLead, async s => { var sel = await s.SelectionAsync(); var scores = await s.ScoresAsync(sel); return () => s.Get<VendorSelectionCommands>().RecordScoresAsync(sel.Code, scores); }),
        Row<VendorSelectionCommands>(nameof(VendorSelectionCommands.ChooseWinnerAsync), Owner, async s => { var sel = await s.SelectionAsync(scored: true); return () => s.Get<VendorSelectionCommands>().ChooseWinnerAsync(sel.Code, sel.Candidate, sel.Version); }),
        Row<DefaultSelectionCriteriaQueries>(nameof(DefaultSelectionCriteriaQueries.GetAsync), SignedIn, s => Act(() => s.Get<DefaultSelectionCriteriaQueries>().GetAsync())),
        Row<DefaultSelectionCriteriaCommands>(nameof(DefaultSelectionCriteriaCommands.ReviseAsync), Administrator, async s => { var d = await s.DefaultCriteriaAsync(); return () => s.Get<DefaultSelectionCriteriaCommands>().ReviseAsync(CriteriaDraft.From(d.Criteria), d.Version); }),

        // Phase and gate templates
        Row<TemplateQueries>(nameof(TemplateQueries.PhasesAndGatesAsync), Administrator, s => Act(() => s.Get<TemplateQueries>().PhasesAndGatesAsync())),
        Row<TemplateQueries>(nameof(TemplateQueries.RolloutsOnOlderVersionsAsync), Administrator, s => Act(() => s.Get<TemplateQueries>().RolloutsOnOlderVersionsAsync(GateKind.SecurityReview, new PageRequest()))),
        Row<TemplateQueries>(nameof(TemplateQueries.CurrentTemplatesAsync), SignedIn, s => Act(() => s.Get<TemplateQueries>().CurrentTemplatesAsync())),
        Row<TemplateCommands>(nameof(TemplateCommands.PublishGateTemplateAsync), Administrator, async s => { var t = await s.GateTemplateAsync(GateKind.SecurityReview); return () => s.Get<TemplateCommands>().PublishGateTemplateAsync(t.Kind, PermissionScenario.Reworded(t), t.Version); }),
        Row<TemplateQueries>(nameof(TemplateQueries.ApprovalPolicyPeopleAsync), Administrator, s => Act(() => s.Get<TemplateQueries>().ApprovalPolicyPeopleAsync(GateKind.SecurityReview))),
        Row<TemplateCommands>(nameof(TemplateCommands.PublishApprovalPolicyAsync), Administrator, async s => { var t = await s.GateTemplateAsync(GateKind.SecurityReview); var d = ApprovalPolicyDraft.From(t.Kind, t.Policy!); d.DeadlineWorkingDays = d.DeadlineWorkingDays % 30 + 1; return () => s.Get<TemplateCommands>().PublishApprovalPolicyAsync(t.Kind, d, t.Version); }),

        // Glossary, dashboard, notifications, preferences
        Row<GlossaryQueries>(nameof(GlossaryQueries.SearchAsync), SignedIn, s => Act(() => s.Get<GlossaryQueries>().SearchAsync("SSO", new PageRequest()))),
        Row<GlossaryQueries>(nameof(GlossaryQueries.GetAsync), SignedIn, async s => { var t = await s.GlossaryTermAsync(); return () => s.Get<GlossaryQueries>().GetAsync(t.Id); }),
        Row<GlossaryQueries>(nameof(GlossaryQueries.CanMaintainAsync), Everyone, s => Act(() => s.Get<GlossaryQueries>().CanMaintainAsync())),
        Row<GlossaryCommands>(nameof(GlossaryCommands.AddAsync), ItLead | Administrator, s => Act(() => s.Get<GlossaryCommands>().AddAsync(PermissionScenario.UniqueTerm()))),
        Row<GlossaryCommands>(nameof(GlossaryCommands.EditAsync), ItLead | Administrator, async s => { var t = await s.GlossaryTermAsync(); return () => s.Get<GlossaryCommands>().EditAsync(t.Id, PermissionScenario.UniqueTerm(), t.Version); }),
        Row<DashboardQueries>(nameof(DashboardQueries.LoadAsync), SignedIn, s => Act(() => s.Get<DashboardQueries>().LoadAsync(new DashboardFilter(), new PageRequest()))),
        Row<DashboardQueries>(nameof(DashboardQueries.WatchAsync), SignedIn, s => Act(async () => (await s.Get<DashboardQueries>().WatchAsync(new DashboardFilter(), new PageRequest(), _ => { })).Dispose())),
        Row<DashboardQueries>(nameof(DashboardQueries.PortfolioAsync), SignedIn, s => Act(() => s.Get<DashboardQueries>().PortfolioAsync(new DashboardFilter()))),
        Row<DashboardQueries>(nameof(DashboardQueries.ExportCsvAsync), SignedIn, s => Act(() => s.Get<DashboardQueries>().ExportCsvAsync(new DashboardFilter()))),
        Row<DashboardQueries>(nameof(DashboardQueries.ExportExcelAsync), SignedIn, s => Act(() => s.Get<DashboardQueries>().ExportExcelAsync(new DashboardFilter()))),
        Row<NotificationQueries>(nameof(NotificationQueries.UnreadCountAsync), Everyone, s => Act(() => s.Get<NotificationQueries>().UnreadCountAsync())),
        Row<NotificationQueries>(nameof(NotificationQueries.ListAsync), SignedIn, s => Act(() => s.Get<NotificationQueries>().ListAsync(unreadOnly: false, new PageRequest()))),
        Row<NotificationCommands>(nameof(NotificationCommands.MarkReadAsync), SignedIn, s => Act(() => s.Get<NotificationCommands>().MarkReadAsync(1))),
        Row<NotificationCommands>(nameof(NotificationCommands.MarkAllReadAsync), SignedIn, s => Act(() => s.Get<NotificationCommands>().MarkAllReadAsync())),
        Row<UserPreferenceQueries>(nameof(UserPreferenceQueries.GetDarkModeAsync), Everyone, s => Act(() => s.Get<UserPreferenceQueries>().GetDarkModeAsync())),
        Row<UserPreferenceCommands>(nameof(UserPreferenceCommands.SetDarkModeAsync), SignedIn, s => Act(() => s.Get<UserPreferenceCommands>().SetDarkModeAsync(true))),

        // Administration
        Row<UserQueries>(nameof(UserQueries.ListAsync), Administrator, s => Act(() => s.Get<UserQueries>().ListAsync(new UserListQuery(), new PageRequest()))),
        Row<UserCommands>(nameof(UserCommands.CreateAsync), Administrator, s => Act(() => s.Get<UserCommands>().CreateAsync(PermissionScenario.NewUser()))),
        Row<UserQueries>(nameof(UserQueries.GetAsync), Administrator, async s => { var id = await s.UserAsync(); return () => s.Get<UserQueries>().GetAsync(id); }),
        Row<UserCommands>(nameof(UserCommands.ChangeAccountAsync), Administrator, async s => { var account = await s.AccountAsync(); return () => s.Get<UserCommands>().ChangeAccountAsync(account.Id, new AccountChangeDraft { Department = "IT", Roles = [Roles.ItLead] }, account.ConcurrencyStamp); }),
        Row<UserCommands>(nameof(UserCommands.SetDisabledAsync), Administrator, async s => { var id = await s.UserAsync(); return () => s.Get<UserCommands>().SetDisabledAsync(id, true); }),
        Row<UserCommands>(nameof(UserCommands.UnlockAsync), Administrator, async s => { var id = await s.UserAsync(); return () => s.Get<UserCommands>().UnlockAsync(id); }),
        Row<UserCommands>(nameof(UserCommands.ResetTwoFactorAsync), Administrator, async s => { var id = await s.UserAsync(); return () => s.Get<UserCommands>().ResetTwoFactorAsync(id); }),
        Row<UserCommands>(nameof(UserCommands.RemoveProviderLoginAsync), Administrator, async s => { var (id, login) = await s.UserWithProviderLoginAsync(); return () => s.Get<UserCommands>().RemoveProviderLoginAsync(id, login.LoginProvider, login.ProviderKey); }),
        Row<AuditQueries>(nameof(AuditQueries.SearchAsync), Administrator, s => Act(() => s.Get<AuditQueries>().SearchAsync(new AuditLogQuery(), new PageRequest()))),
        Row<AuditQueries>(nameof(AuditQueries.EntityTypesAsync), Administrator, s => Act(() => s.Get<AuditQueries>().EntityTypesAsync())),
        Row<AuditQueries>(nameof(AuditQueries.ExportCsvAsync), Administrator, s => Act(() => s.Get<AuditQueries>().ExportCsvAsync(new AuditLogQuery()))),
        Row<DepartmentQueries>(nameof(DepartmentQueries.ListAsync), SignedIn, s => Act(() => s.Get<DepartmentQueries>().ListAsync())),
        Row<DepartmentQueries>(nameof(DepartmentQueries.NamesAsync), SignedIn, s => Act(() => s.Get<DepartmentQueries>().NamesAsync())),
        Row<DepartmentCommands>(nameof(DepartmentCommands.AddAsync), Administrator, s => Act(() => s.Get<DepartmentCommands>().AddAsync($"Dept {Guid.NewGuid():N}"[..20]))),

        // SCIM provisioning tokens
        Row<ScimTokenQueries>(nameof(ScimTokenQueries.ListAsync), Administrator, s => Act(() => s.Get<ScimTokenQueries>().ListAsync())),
        Row<ScimTokenCommands>(nameof(ScimTokenCommands.CreateAsync), Administrator, s => Act(() => s.Get<ScimTokenCommands>().CreateAsync(new ScimTokenDraft { Name = $"Entra {Guid.NewGuid():N}"[..20] }))),
        Row<ScimTokenCommands>(nameof(ScimTokenCommands.RevokeAsync), Administrator, async s => { var id = await s.ScimTokenAsync(); return () => s.Get<ScimTokenCommands>().RevokeAsync(id); }),

        // Holiday calendar and IT workload
        Row<HolidayQueries>(nameof(HolidayQueries.ListAsync), SignedIn, s => Act(() => s.Get<HolidayQueries>().ListAsync(2026))),
        Row<HolidayQueries>(nameof(HolidayQueries.YearsAsync), SignedIn, s => Act(() => s.Get<HolidayQueries>().YearsAsync())),
        Row<HolidayQueries>(nameof(HolidayQueries.CanMaintainAsync), Everyone, s => Act(() => s.Get<HolidayQueries>().CanMaintainAsync())),
        Row<HolidayCommands>(nameof(HolidayCommands.AddAsync), Administrator, s => Act(() => s.Get<HolidayCommands>().AddAsync(PermissionScenario.UniqueHoliday()))),
        Row<HolidayCommands>(nameof(HolidayCommands.RemoveAsync), Administrator, async s => { var id = await s.HolidayAsync(); return () => s.Get<HolidayCommands>().RemoveAsync(id); }),
        Row<WorkloadQueries>(nameof(WorkloadQueries.OverviewAsync), SignedIn, s => Act(() => s.Get<WorkloadQueries>().OverviewAsync())),
        Row<WorkloadQueries>(nameof(WorkloadQueries.ByReviewerAsync), ItLead | Executive | Administrator, s => Act(() => s.Get<WorkloadQueries>().ByReviewerAsync())),
        Row<WorkloadQueries>(nameof(WorkloadQueries.CanSeeByReviewerAsync), Everyone, s => Act(() => s.Get<WorkloadQueries>().CanSeeByReviewerAsync())),
        Row<Application.Gates.ReviewLinks.ReviewLinkCommands>(nameof(Application.Gates.ReviewLinks.ReviewLinkCommands.OpenAsync), SignedIn, s => Act(() => s.Get<Application.Gates.ReviewLinks.ReviewLinkCommands>().OpenAsync("not-a-token"))),
        Row<Application.Identity.ApiAccess.ApiTokenQueries>(nameof(Application.Identity.ApiAccess.ApiTokenQueries.ListMineAsync), SignedIn, s => Act(() => s.Get<Application.Identity.ApiAccess.ApiTokenQueries>().ListMineAsync())),
        Row<Application.Identity.ApiAccess.ApiTokenCommands>(nameof(Application.Identity.ApiAccess.ApiTokenCommands.CreateAsync), SignedIn, s => Act(() => s.Get<Application.Identity.ApiAccess.ApiTokenCommands>().CreateAsync(PermissionScenario.ApiTokenDraft()))),
        // Everyone revokes their own tokens only (another person's is "not found"): the act creates the token as the person, then revokes it.
        Row<Application.Identity.ApiAccess.ApiTokenCommands>(nameof(Application.Identity.ApiAccess.ApiTokenCommands.RevokeAsync), SignedIn, s => Act(async () =>
        {
            var token = await s.Get<Application.Identity.ApiAccess.ApiTokenCommands>().CreateAsync(PermissionScenario.ApiTokenDraft());
            await s.Get<Application.Identity.ApiAccess.ApiTokenCommands>().RevokeAsync(token.Id);
        })),
        // Webhooks (administrators) and calendar feeds (each person their own)
        Row<WebhookQueries>(nameof(WebhookQueries.ListEndpointsAsync), Administrator, s => Act(() => s.Get<WebhookQueries>().ListEndpointsAsync())),
        Row<WebhookQueries>(nameof(WebhookQueries.ListDeliveriesAsync), Administrator, async s => { var id = await s.WebhookEndpointAsync(); return () => s.Get<WebhookQueries>().ListDeliveriesAsync(id); }),
        Row<WebhookCommands>(nameof(WebhookCommands.CreateAsync), Administrator, s => Act(() => s.Get<WebhookCommands>().CreateAsync(PermissionScenario.WebhookDraft()))),
        Row<WebhookCommands>(nameof(WebhookCommands.DisableAsync), Administrator, async s => { var id = await s.WebhookEndpointAsync(); return () => s.Get<WebhookCommands>().DisableAsync(id); }),
        Row<WebhookCommands>(nameof(WebhookCommands.EnableAsync), Administrator, async s => { var id = await s.WebhookEndpointAsync(disabled: true); return () => s.Get<WebhookCommands>().EnableAsync(id); }),
        Row<WebhookCommands>(nameof(WebhookCommands.SendAgainAsync), Administrator, async s => { var id = await s.WebhookMessageAsync(); return () => s.Get<WebhookCommands>().SendAgainAsync(id); }),
        Row<WebhookCommands>(nameof(WebhookCommands.UpdateAsync), Administrator, async s => { var (id, version) = await s.WebhookEndpointVersionAsync(); return () => s.Get<WebhookCommands>().UpdateAsync(id, new WebhookEndpointChange { Name = "Renamed", Url = "https://203.0.113.11/renamed", Events = [WebhookEvents.RolloutCreated] }, version); }),
        Row<WebhookCommands>(nameof(WebhookCommands.RekeyAsync), Administrator, async s => { var (id, version) = await s.WebhookEndpointVersionAsync(); return () => s.Get<WebhookCommands>().RekeyAsync(id, version); }),
        Row<WebhookCommands>(nameof(WebhookCommands.DeleteAsync), Administrator, async s => { var id = await s.WebhookEndpointAsync(); return () => s.Get<WebhookCommands>().DeleteAsync(id); }),
        Row<CalendarFeedQueries>(nameof(CalendarFeedQueries.GetMineAsync), SignedIn, s => Act(() => s.Get<CalendarFeedQueries>().GetMineAsync())),
        Row<CalendarFeedCommands>(nameof(CalendarFeedCommands.CreateAsync), SignedIn, s => Act(() => s.Get<CalendarFeedCommands>().CreateAsync())),
        Row<CalendarFeedCommands>(nameof(CalendarFeedCommands.RevokeAsync), SignedIn, s => Act(async () => { await s.Get<CalendarFeedCommands>().CreateAsync(); await s.Get<CalendarFeedCommands>().RevokeAsync(); })),
    ];

    private static PermissionRow Row<TService>(string method, Who allowed, Func<PermissionScenario, Task<Func<Task>>> arrange)
        => new(typeof(TService), method, allowed, arrange);

    /// <summary>A use case that needs nothing arranged.</summary>
    private static Task<Func<Task>> Act(Func<Task> act) => Task.FromResult(act);
}
