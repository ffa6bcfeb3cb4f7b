using ElearningRollout.Domain.Common;

namespace ElearningRollout.Domain.Vendors;

/// <summary>
/// A vendor on a rollout, for one kind of work. Its own aggregate (the training owner moves it while IT leads edit its
/// technical requirements); requirements are in VendorEngagement.Requirements.cs, the course-development cycle in
/// VendorEngagement.Deliverables.cs.
/// </summary>
[AddedPartsMoveVersion("Technical requirements and deliverables are added on their own; they change what was agreed with the vendor, so an edit made against the older version must conflict.")]
public sealed partial class VendorEngagement : IAggregateRoot, IBelongsToRollout
{
    public const int MaxReasonLength = 2000;

    private readonly List<TechnicalRequirement> _requirements = [];
    private readonly List<CourseDeliverable> _deliverables = [];

    /// <param name="requirements">The first draft of IT's requirements (TechnicalRequirementCatalogue), copied.</param>
    public VendorEngagement(
        Guid rolloutId, Guid vendorId, EngagementType type, EngagementTerms terms, IEnumerable<RequirementTemplate> requirements,
        string proposedById, DateTimeOffset proposedAt)
    {
        Id = Guid.CreateVersion7();
        RolloutId = rolloutId;
        VendorId = vendorId;
        Type = type;
        Status = EngagementStatus.Proposed;
        ProposedById = Require.UserId(proposedById, "The person proposing the engagement");
        ProposedAt = proposedAt;
        StatusChangedAt = proposedAt;
        Version = Guid.NewGuid();
        ApplyTerms(terms);
        foreach (var requirement in requirements)
        {
            AddRequirement(requirement.Topic, requirement.Text);
        }

        if (type == EngagementType.CourseDevelopment)
        {
            _deliverables.AddRange(Enum.GetValues<DeliverableStage>().Select(stage => new CourseDeliverable(stage)));
        }
    }

    // For EF Core.
    private VendorEngagement()
    {
    }

    public Guid Id { get; private set; }

    public Guid RolloutId { get; private set; }

    public Guid VendorId { get; private set; }

    public EngagementType Type { get; private set; }

    public EngagementStatus Status { get; private set; }

    public decimal? ContractValue { get; private set; }

    public string? Currency { get; private set; }

    public DateOnly? StartDate { get; private set; }

    public DateOnly? EndDate { get; private set; }

    public decimal? UptimePercent { get; private set; }

    public int? P1ResponseHours { get; private set; }

    public string? TerminationReason { get; private set; }

    public string ProposedById { get; private set; } = "";

    public DateTimeOffset ProposedAt { get; private set; }

    public DateTimeOffset StatusChangedAt { get; private set; }

    /// <summary>Optimistic concurrency token; the audit interceptor moves it on every save.</summary>
    public Guid Version { get; private set; }

    public IReadOnlyList<TechnicalRequirement> Requirements => _requirements;

    public IReadOnlyList<CourseDeliverable> Deliverables => _deliverables;

    /// <summary>The statuses that are not final (in EF queries: <c>OpenStatuses.Contains(e.Status)</c>).</summary>
    public static readonly IReadOnlyList<EngagementStatus> OpenStatuses = [.. Enum.GetValues<EngagementStatus>().Where(s => !IsFinalStatus(s))];

    /// <summary>Completed and Terminated engagements are records; nothing on them changes any more.</summary>
    public bool IsFinal => IsFinalStatus(Status);

    /// <summary>Hosting, the LMS platform and support run a service for learners, so their contract needs an SLA.</summary>
    public bool NeedsSla => Type is EngagementType.Hosting or EngagementType.LmsPlatform or EngagementType.Support;

    public EngagementTerms Terms => new(ContractValue, Currency, StartDate, EndDate, UptimePercent, P1ResponseHours);

    public static bool IsFinalStatus(EngagementStatus status) => status is EngagementStatus.Completed or EngagementStatus.Terminated;

    public void Touch() => Version = Guid.NewGuid();

    /// <summary>The statuses an engagement in <paramref name="status"/> may move to (what the screen offers).</summary>
    public static IReadOnlyList<EngagementStatus> NextStatuses(EngagementStatus status) => status switch
    {
        EngagementStatus.Proposed => [EngagementStatus.Evaluating, EngagementStatus.Terminated],
        EngagementStatus.Evaluating => [EngagementStatus.Contracted, EngagementStatus.Terminated],
        EngagementStatus.Contracted => [EngagementStatus.Active, EngagementStatus.Terminated],
        EngagementStatus.Active => [EngagementStatus.Completed, EngagementStatus.Terminated],
        _ => [],
    };

    public void ChangeTerms(EngagementTerms terms)
    {
        EnsureOpen();
        if (Status is EngagementStatus.Contracted or EngagementStatus.Active)
        {
            EnsureContractable(terms);
        }

        ApplyTerms(terms);
    }

    /// <summary>Moves one step along Proposed -> Evaluating -> Contracted -> Active -> Completed. Terminating uses <see cref="Terminate"/>.</summary>
    public void MoveTo(EngagementStatus target, DateTimeOffset now)
    {
        if (target == EngagementStatus.Terminated)
        {
            throw new DomainException("Terminating an engagement needs a reason.");
        }

        if (!NextStatuses(Status).Contains(target))
        {
            throw new DomainException($"An engagement that is {Status.ToString().ToLowerInvariant()} cannot move to {target.ToString().ToLowerInvariant()}.");
        }

        if (target == EngagementStatus.Contracted)
        {
            EnsureContractable(Terms);
        }

        if (target == EngagementStatus.Completed && _deliverables.Any(d => d.State != DeliverableState.SignedOff))
        {
            throw new DomainException("A course-development engagement completes only when every deliverable, gold included, is signed off.");
        }

        Status = target;
        StatusChangedAt = now;
    }

    public void Terminate(string reason, DateTimeOffset now)
    {
        if (IsFinal)
        {
            throw new DomainException($"This engagement is already {Status.ToString().ToLowerInvariant()}; it cannot be terminated.");
        }

        TerminationReason = Require.Text(reason, "A reason for terminating", MaxReasonLength);
        Status = EngagementStatus.Terminated;
        StatusChangedAt = now;
    }

    private void EnsureContractable(EngagementTerms terms)
    {
        if (terms.ContractValue is null || terms.Start is null || terms.End is null)
        {
            throw new DomainException("A contracted engagement needs its contract value, currency, start and end.");
        }

        if (NeedsSla && !terms.HasSla)
        {
            throw new DomainException("A contracted hosting, LMS platform or support engagement needs its SLA: uptime and P1 response time.");
        }
    }

    private void ApplyTerms(EngagementTerms terms)
    {
        ContractValue = terms.ContractValue;
        Currency = terms.Currency;
        StartDate = terms.Start;
        EndDate = terms.End;
        UptimePercent = terms.UptimePercent;
        P1ResponseHours = terms.P1ResponseHours;
    }

    private void EnsureOpen()
    {
        if (IsFinal)
        {
            throw new DomainException($"This engagement is {Status.ToString().ToLowerInvariant()}; it can no longer change.");
        }
    }
}
