using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Rollouts;

namespace ElearningRollout.Domain.Tests;

/// <summary>Ready-made rollouts, gates and people, so that each test states only what matters to it.</summary>
internal static class Given
{
    public const string TrainerId = "trainer-1";

    public static readonly DateOnly Today = new(2026, 3, 2);
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    public static readonly IReadOnlyList<ChecklistItemTemplate> Checklist =
    [
        new("Vendor answered a security questionnaire", IsRequired: true),
        new("Subprocessors disclosed", IsRequired: false),
    ];

    /// <summary>The phases, profiles and vendor rule of docs/domain-content.md, each kind with <see cref="Checklist"/>.</summary>
    public static GateTemplateSet Templates => new(
    [
        Template(GateKind.BudgetAgreement, PhaseKind.Initiation),
        Template(GateKind.InfrastructureAndNetwork, PhaseKind.Assessment),
        Template(GateKind.SecurityReview, PhaseKind.VendorSelection, onlyWhenVendorInvolved: true),
        Template(GateKind.PrivacyAndDataProtection, PhaseKind.VendorSelection, onlyWhenVendorInvolved: true),
        Template(GateKind.IntegrationAndContentStandards, PhaseKind.DesignAndBuild, InvolvementProfiles.Standard | InvolvementProfiles.Deep),
        Template(GateKind.AccessibilityAndSupport, PhaseKind.Pilot),
        Template(GateKind.GoLiveSignOff, PhaseKind.GoLive),
    ]);

    public static GateTemplate Template(
        GateKind kind,
        PhaseKind phase,
        InvolvementProfiles requiredFor = InvolvementProfiles.All,
        bool onlyWhenVendorInvolved = false,
        IEnumerable<ChecklistItemTemplate>? checklist = null) =>
        new(kind, phase, requiredFor, onlyWhenVendorInvolved, checklist ?? Checklist, Now);

    public static Actor ItLead(string id = "it-lead-1") => Person(id, Departments.It, Roles.ItLead);

    public static Actor Executive(string id = "exec-1") => Person(id, Departments.Leadership, Roles.Executive);

    public static Actor TrainingManager(string id = TrainerId) => Person(id, Departments.Training, Roles.TrainingManager);

    public static Actor Person(string id, string department, params string[] roles) =>
        new(id, id, department, new HashSet<string>(roles));

    /// <summary>Vendor-hosted with in-house content and no integrations: Light, with a vendor involved.</summary>
    public static Rollout ARollout(
        HostingModel hosting = HostingModel.VendorHostedSaas,
        Integrations integrations = Integrations.None,
        ContentSource content = ContentSource.InHouse) =>
        new("ELR-0001", "Dealer academy", TrainerId, hosting, integrations, content, Today, Today.AddDays(120), Now);

    public static Rollout AnActiveRollout(HostingModel hosting = HostingModel.VendorHostedSaas, Integrations integrations = Integrations.None)
    {
        var rollout = ARollout(hosting, integrations);
        rollout.Activate(Today);
        return rollout;
    }

    public static List<ClearanceGate> GatesFor(Rollout rollout) =>
        [.. new RolloutGatePlanner().GatesToAdd(rollout, [], Templates)];

    public static ClearanceGate Gate(this List<ClearanceGate> gates, GateKind kind) => gates.Single(g => g.Kind == kind);

    public static ClearanceGate ADraftGate(GateKind kind = GateKind.SecurityReview) => new(Guid.NewGuid(), Templates.Of(kind), isRequired: true);

    /// <summary>A gate submitted by the training manager, every checklist item met.</summary>
    public static ClearanceGate ASubmittedGate(GateKind kind = GateKind.SecurityReview)
    {
        var gate = ADraftGate(kind);
        MeetChecklist(gate);
        gate.Submit(TrainerId, Now);
        return gate;
    }

    public static void MeetChecklist(ClearanceGate gate)
    {
        foreach (var item in gate.Checklist)
        {
            gate.SetChecklistItem(item.Id, ChecklistItemState.Met, "checked", TrainerId, Now);
        }
    }

    /// <summary>Takes a gate through submission and approval by the right role.</summary>
    public static void Clear(ClearanceGate gate, IEnumerable<ClearanceGate> gatesOfRollout)
    {
        MeetChecklist(gate);
        gate.Submit(TrainerId, Now);
        if (gate.Approval.SignsOffRollout)
        {
            gate.SignOffGoLive(Executive(), null, gatesOfRollout, Now);
        }
        else
        {
            gate.Approve(ItLead(), null, Now);
        }
    }

    /// <summary>Clears the gates at the exit of each phase and completes it, until <paramref name="phase"/> is current.</summary>
    public static void AdvanceTo(Rollout rollout, List<ClearanceGate> gates, PhaseKind phase)
    {
        while (rollout.CurrentPhase != phase)
        {
            foreach (var gate in gates.Where(g => g.GuardedPhase == rollout.CurrentPhase && !g.IsCleared))
            {
                Clear(gate, gates);
            }

            rollout.CompleteCurrentPhase(gates, Today);
        }
    }
}
