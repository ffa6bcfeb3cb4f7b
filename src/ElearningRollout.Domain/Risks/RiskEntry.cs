using ElearningRollout.Domain.Common;

namespace ElearningRollout.Domain.Risks;

/// <summary>
/// A line of a rollout's risk and issue log: where Training and IT surface a conflict, name
/// the department that owns it, and close it with a written resolution.
/// </summary>
public sealed class RiskEntry : IAggregateRoot, IBelongsToRollout
{
    public const int MaxTitleLength = 200;
    public const int MaxDescriptionLength = 4000;
    public const int MaxResolutionLength = 4000;
    public const int MaxDepartmentLength = 100;

    public RiskEntry(
        Guid rolloutId,
        RiskEntryType type,
        string title,
        string? description,
        string raisedByDepartment,
        string owningDepartment,
        RiskSeverity severity,
        RiskLikelihood? likelihood,
        string raisedById,
        DateTimeOffset raisedAt)
    {
        Id = Guid.CreateVersion7();
        RolloutId = rolloutId;
        Type = type;
        RaisedByDepartment = Require.Text(raisedByDepartment, "The raising department", MaxDepartmentLength);
        OwningDepartment = Require.Text(owningDepartment, "The owning department", MaxDepartmentLength);
        RaisedById = Require.UserId(raisedById, "The person raising it");
        RaisedAt = raisedAt;
        Status = RiskStatus.Open;
        Version = Guid.NewGuid();
        Describe(title, description, severity, likelihood);
    }

    // For EF Core.
    private RiskEntry()
    {
    }

    public Guid Id { get; private set; }

    public Guid RolloutId { get; private set; }

    public RiskEntryType Type { get; private set; }

    public string Title { get; private set; } = "";

    public string Description { get; private set; } = "";

    public string RaisedByDepartment { get; private set; } = "";

    public string OwningDepartment { get; private set; } = "";

    public RiskSeverity Severity { get; private set; }

    /// <summary>Set for risks, null for issues.</summary>
    public RiskLikelihood? Likelihood { get; private set; }

    public RiskStatus Status { get; private set; }

    public string? OwnerId { get; private set; }

    public string? Resolution { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public DateTimeOffset RaisedAt { get; private set; }

    public string RaisedById { get; private set; } = "";

    /// <summary>Optimistic concurrency token; the application layer calls <see cref="Touch"/> on every save.</summary>
    public Guid Version { get; private set; }

    public bool IsOpen => Status is RiskStatus.Open or RiskStatus.Mitigating;

    /// <summary>
    /// The moves the methods below accept from <paramref name="status"/>: screens offer these and nothing else. An open
    /// entry is mitigated, resolved, accepted (a risk only) or closed; a settled one reopened or closed; a closed one
    /// is a record.
    /// </summary>
    public static IReadOnlyList<RiskAction> ActionsFrom(RiskStatus status, RiskEntryType type) => status switch
    {
        RiskStatus.Open => [RiskAction.StartMitigating, RiskAction.Resolve, .. AcceptIfRisk(type), RiskAction.Close],
        RiskStatus.Mitigating => [RiskAction.Resolve, .. AcceptIfRisk(type), RiskAction.Close],
        RiskStatus.Resolved or RiskStatus.Accepted => [RiskAction.Reopen, RiskAction.Close],
        _ => [],
    };

    /// <summary>Whether the move needs a text: a resolution or a rationale, and on closing only while the entry is open (<see cref="Close"/>).</summary>
    public static bool AsksWhy(RiskAction action, RiskStatus status)
        => action is RiskAction.Resolve or RiskAction.Accept || (action == RiskAction.Close && status is RiskStatus.Open or RiskStatus.Mitigating);

    /// <summary>One of the moves below by its name, as the risk log and the API ask for it; <paramref name="text"/> is the resolution or rationale.</summary>
    public void Move(RiskAction action, string? text, DateTimeOffset now)
    {
        switch (action)
        {
            case RiskAction.StartMitigating: StartMitigating(); break;
            case RiskAction.Resolve: Resolve(text ?? "", now); break;
            case RiskAction.Accept: Accept(text ?? "", now); break;
            case RiskAction.Reopen: Reopen(); break;
            case RiskAction.Close: Close(text, now); break;
            default: throw new DomainException("That change of status is not known.");
        }
    }

    private static RiskAction[] AcceptIfRisk(RiskEntryType type) => type == RiskEntryType.Risk ? [RiskAction.Accept] : [];

    public void Touch() => Version = Guid.NewGuid();

    public void Edit(string title, string? description, RiskSeverity severity, RiskLikelihood? likelihood)
    {
        EnsureNotClosed();
        Describe(title, description, severity, likelihood);
    }

    public void AssignOwner(string owningDepartment, string? ownerId)
    {
        EnsureNotClosed();
        OwningDepartment = Require.Text(owningDepartment, "The owning department", MaxDepartmentLength);
        OwnerId = Require.OptionalUserId(ownerId, "The owner");
    }

    public void StartMitigating()
    {
        if (Status != RiskStatus.Open)
        {
            throw new DomainException("Only an open entry can move to mitigation.");
        }

        Status = RiskStatus.Mitigating;
    }

    public void Resolve(string resolution, DateTimeOffset now) =>
        Settle(RiskStatus.Resolved, Require.Text(resolution, "A resolution", MaxResolutionLength), now);

    /// <summary>Accepting means living with a risk knowingly; an issue has happened and must be resolved.</summary>
    public void Accept(string rationale, DateTimeOffset now)
    {
        if (Type == RiskEntryType.Issue)
        {
            throw new DomainException("An issue cannot be accepted; resolve it instead.");
        }

        Settle(RiskStatus.Accepted, Require.Text(rationale, "A rationale for accepting the risk", MaxResolutionLength), now);
    }

    /// <summary>The earlier resolution is cleared; the audit trail keeps it.</summary>
    public void Reopen()
    {
        if (Status is not (RiskStatus.Resolved or RiskStatus.Accepted))
        {
            throw new DomainException("Only a resolved or accepted entry can be reopened.");
        }

        Status = RiskStatus.Open;
        Resolution = null;
        ResolvedAt = null;
    }

    /// <summary>Closing an entry that is still open needs a resolution; a settled one keeps its own.</summary>
    public void Close(string? resolution, DateTimeOffset now)
    {
        EnsureNotClosed();
        if (IsOpen)
        {
            Settle(RiskStatus.Closed, Require.Text(resolution, "A resolution", MaxResolutionLength), now);
            return;
        }

        Resolution = Require.OptionalText(resolution, "A resolution", MaxResolutionLength) ?? Resolution;
        Status = RiskStatus.Closed;
    }

    private void Settle(RiskStatus status, string resolution, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            throw new DomainException("This entry is already settled.");
        }

        Resolution = resolution;
        ResolvedAt = now;
        Status = status;
    }

    private void Describe(string title, string? description, RiskSeverity severity, RiskLikelihood? likelihood)
    {
        if (Type == RiskEntryType.Risk && likelihood is null)
        {
            throw new DomainException("A risk needs a likelihood.");
        }

        if (Type == RiskEntryType.Issue && likelihood is not null)
        {
            throw new DomainException("An issue has already happened, so it has no likelihood.");
        }

        Title = Require.Text(title, "The title", MaxTitleLength);
        Description = Require.OptionalText(description, "The description", MaxDescriptionLength) ?? "";
        Severity = severity;
        Likelihood = likelihood;
    }

    private void EnsureNotClosed()
    {
        if (Status == RiskStatus.Closed)
        {
            throw new DomainException("This entry is closed; it can no longer be changed.");
        }
    }
}
