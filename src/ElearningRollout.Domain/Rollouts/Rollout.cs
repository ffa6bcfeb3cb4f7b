using ElearningRollout.Domain.Common;

namespace ElearningRollout.Domain.Rollouts;

/// <summary>
/// A rollout project that Training and IT run together. Its state changes are methods that
/// guard their own rules; who may call them is the application layer's concern.
/// The rest of the class: Rollout.Details.cs (editing), Rollout.Lifecycle.cs, Rollout.Phases.cs, Rollout.GateChecks.cs.
/// </summary>
public sealed partial class Rollout : IAggregateRoot
{
    public const int MaxCodeLength = 20;
    public const int MaxTitleLength = 200;
    public const int MaxSummaryLength = 2000;
    public const int MaxBusinessCaseLength = 4000;
    public const int MaxReasonLength = 1000;

    private readonly List<RolloutPhase> _phases = [];
    private readonly List<PhaseSendBack> _sendBacks = [];

    /// <param name="code">Unique code such as ELR-0042; the application layer generates it.</param>
    public Rollout(
        string code,
        string title,
        string trainingOwnerId,
        HostingModel hostingModel,
        Integrations integrations,
        ContentSource contentSource,
        DateOnly startDate,
        DateOnly targetGoLive,
        DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7();
        Code = Require.Text(code, "The rollout code", MaxCodeLength);
        Title = Require.Text(title, "The title", MaxTitleLength);
        TrainingOwnerId = Require.UserId(trainingOwnerId, "The training owner");
        HostingModel = hostingModel;
        Integrations = integrations;
        ContentSource = contentSource;
        EnsureScheduleIsPossible(startDate, targetGoLive);
        StartDate = startDate;
        TargetGoLive = targetGoLive;
        LifecycleStatus = LifecycleStatus.Draft;
        Health = RolloutHealth.OnTrack;
        CreatedAt = createdAt;
        Version = Guid.NewGuid();
        _phases.AddRange(PhaseTemplate.Standard.Select((kind, index) => new RolloutPhase(kind, index + 1)));
        CurrentPhase = PhaseTemplate.Standard[0];
    }

    // For EF Core.
    private Rollout()
    {
    }

    public Guid Id { get; private set; }

    public string Code { get; private set; } = "";

    public string Title { get; private set; } = "";

    public string Summary { get; private set; } = "";

    public string BusinessCase { get; private set; } = "";

    public string TrainingOwnerId { get; private set; } = "";

    public string? ItLiaisonId { get; private set; }

    public string? ExecutiveSponsorId { get; private set; }

    public Audiences Audiences { get; private set; }

    public int EstimatedLearners { get; private set; }

    public int PeakConcurrentLearners { get; private set; }

    public AccessChannels AccessChannels { get; private set; }

    public HostingModel HostingModel { get; private set; }

    public Integrations Integrations { get; private set; }

    public ContentSource ContentSource { get; private set; }

    public PilotCohort? PilotCohort { get; private set; }

    /// <summary>Planned start of the rollout.</summary>
    public DateOnly StartDate { get; private set; }

    public DateOnly TargetGoLive { get; private set; }

    public LifecycleStatus LifecycleStatus { get; private set; }

    /// <summary>Why the rollout is on hold or cancelled; null otherwise.</summary>
    public string? StatusReason { get; private set; }

    public RolloutHealth Health { get; private set; }

    public string? HealthReason { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>
    /// The phase the rollout stands in: the earliest phase not yet completed or skipped
    /// (the last phase once all are done). Stored, so that lists can filter on it cheaply.
    /// </summary>
    public PhaseKind CurrentPhase { get; private set; }

    /// <summary>Optimistic concurrency token; the application layer calls <see cref="Touch"/> on every save.</summary>
    public Guid Version { get; private set; }

    /// <summary>Derived from hosting and integrations; never typed in.</summary>
    public ItInvolvementProfile Profile => ItInvolvement.Derive(HostingModel, Integrations);

    /// <summary>A vendor hosts (part of) the platform or builds (part of) the content.</summary>
    public bool AnyVendorInvolved => ItInvolvement.AnyVendorInvolved(HostingModel, ContentSource);

    public bool IsFinal => LifecycleStatus.IsFinal();

    public IReadOnlyList<RolloutPhase> Phases => _phases;

    public IReadOnlyList<PhaseSendBack> SendBacks => _sendBacks;

    public RolloutPhase Phase(PhaseKind kind)
        => _phases.SingleOrDefault(p => p.Kind == kind) ?? throw new DomainException("That phase is not one of the rollout's phases.");

    public void Touch() => Version = Guid.NewGuid();

    /// <summary>Closed and cancelled rollouts are kept as a record; nothing about them changes.</summary>
    /// <summary>Why nothing of a closed or cancelled rollout may change (it is a record); null while it may.</summary>
    public string? RecordRefusal => IsFinal ? FinalRefusal() : null;

    private string FinalRefusal() => $"This rollout is {LifecycleStatus.InSentence()}; it can no longer be changed.";

    internal void EnsureNotFinal()
    {
        if (IsFinal)
        {
            throw new DomainException(FinalRefusal());
        }
    }

    private static void EnsureScheduleIsPossible(DateOnly startDate, DateOnly targetGoLive)
    {
        if (targetGoLive < startDate)
        {
            throw new DomainException("The target go-live cannot be before the planned start.");
        }
    }
}
