using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Rollouts;

namespace ElearningRollout.Application.Rollouts;

public enum RolloutSort
{
    Code,
    Title,
    TargetGoLive,
    Status,
    Health,
}

/// <summary>Filters of the /rollouts grid; null means "any".</summary>
public sealed record RolloutListQuery(
    string? Search = null,
    LifecycleStatus? Status = null,
    RolloutHealth? Health = null,
    PhaseKind? Phase = null,
    string? TrainingOwnerId = null,
    ItInvolvementProfile? Profile = null,
    RolloutSort Sort = RolloutSort.Code,
    bool Descending = false);

public sealed record RolloutListRow(
    string Code, string Title, string TrainingOwner, LifecycleStatus Status, RolloutHealth Health,
    PhaseKind CurrentPhase, ItInvolvementProfile Profile, DateOnly TargetGoLive);

public sealed record PersonChoice(string Id, string DisplayName);

/// <summary>Who may be picked as owner, IT liaison and sponsor.</summary>
public sealed record RolloutPeopleChoices(
    IReadOnlyList<PersonChoice> TrainingManagers, IReadOnlyList<PersonChoice> ItLeads, IReadOnlyList<PersonChoice> Executives);

public sealed record PhaseView(
    PhaseKind Kind, int Order, PhaseStatus Status, DateOnly? PlannedStart, DateOnly? PlannedEnd,
    DateOnly? ActualStart, DateOnly? ActualEnd, string? SkipReason);

/// <param name="VendorAlerts">On the Security review gate: the engaged vendors' certifications that are expired or expiring soon.</param>
public sealed record GateSummary(
    Guid Id, GateKind Kind, PhaseKind GuardedPhase, bool IsRequired, GateState State, string? Reviewer, DateOnly? DueDate,
    int OpenRequiredItems, int ChecklistItems, IReadOnlyList<Vendors.CertificationAlert> VendorAlerts);

public sealed record SendBackView(PhaseKind From, PhaseKind To, string Reason, string SentBy, DateTimeOffset At);

/// <summary>What the signed-in person may do on this rollout (the server checks again on every command).</summary>
/// <param name="EditRefusal">
/// When <paramref name="Edit"/> is false: why, who can make changes and how to ask them (<see cref="RolloutAccess.EditRefusal"/>).
/// </param>
public sealed record RolloutPermissions(bool Edit, bool MovePhases, bool RaiseRisks, string? EditRefusal = null);

/// <summary>
/// What the rollout itself allows now, as the domain answers it (<see cref="Rollout.AvailableLifecycleActions"/>,
/// <see cref="Rollout.PhasesThatMayBeSkipped"/>, <see cref="Rollout.PhasesToSendBackTo"/>); who may make the moves is
/// <see cref="RolloutPermissions"/>. Screens render these lists and never work them out again.
/// </summary>
/// <param name="SkipRefusal">Why no phase may be skipped now (<see cref="Rollout.WhyNoPhaseMayBeSkipped"/>); null when one may.</param>
/// <param name="SendBackRefusal">Why the rollout cannot be sent back now (<see cref="Rollout.WhyNoSendBack"/>); null when it can.</param>
public sealed record RolloutMoves(
    IReadOnlyList<LifecycleAction> LifecycleActions, IReadOnlyList<PhaseKind> SkippablePhases, IReadOnlyList<PhaseKind> SendBackTargets,
    string? SkipRefusal, string? SendBackRefusal)
{
    public static RolloutMoves Of(Rollout rollout)
        => new(rollout.AvailableLifecycleActions(), rollout.PhasesThatMayBeSkipped(), rollout.PhasesToSendBackTo(),
            rollout.WhyNoPhaseMayBeSkipped(), rollout.WhyNoSendBack());
}

public sealed record RolloutDetails(
    Guid Id,
    string Code,
    string Title,
    string Summary,
    string BusinessCase,
    PersonChoice TrainingOwner,
    PersonChoice? ItLiaison,
    PersonChoice? ExecutiveSponsor,
    Audiences Audiences,
    int EstimatedLearners,
    int PeakConcurrentLearners,
    AccessChannels AccessChannels,
    HostingModel HostingModel,
    Integrations Integrations,
    ContentSource ContentSource,
    PilotCohort? PilotCohort,
    DateOnly StartDate,
    DateOnly TargetGoLive,
    LifecycleStatus Status,
    string? StatusReason,
    RolloutHealth Health,
    string? HealthReason,
    PhaseKind CurrentPhase,
    ItInvolvementProfile Profile,
    Guid Version,
    IReadOnlyList<PhaseView> Phases,
    IReadOnlyList<GateSummary> Gates,
    IReadOnlyList<SendBackView> SendBacks,
    RolloutPermissions Can,
    RolloutMoves Moves)
{
    /// <summary>The form model for editing, filled with what is stored now.</summary>
    public RolloutDraft ToDraft() => new()
    {
        Title = Title,
        Summary = Summary,
        BusinessCase = BusinessCase,
        TrainingOwnerId = TrainingOwner.Id,
        ItLiaisonId = ItLiaison?.Id,
        ExecutiveSponsorId = ExecutiveSponsor?.Id,
        Audiences = Audiences,
        EstimatedLearners = EstimatedLearners,
        PeakConcurrentLearners = PeakConcurrentLearners,
        AccessChannels = AccessChannels,
        HostingModel = HostingModel,
        Integrations = Integrations,
        ContentSource = ContentSource,
        PilotCohortName = PilotCohort?.Name ?? "",
        PilotCohortSize = PilotCohort?.Size,
        PilotStart = PilotCohort?.StartDate,
        PilotEnd = PilotCohort?.EndDate,
        StartDate = StartDate,
        TargetGoLive = TargetGoLive,
    };
}

/// <summary>One line of a rollout's History tab (from the append-only audit trail).</summary>
public sealed record RolloutHistoryEntry(DateTimeOffset At, string Who, string What, string Subject, string Changes);
