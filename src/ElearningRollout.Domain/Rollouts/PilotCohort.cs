using ElearningRollout.Domain.Common;

namespace ElearningRollout.Domain.Rollouts;

/// <summary>
/// The first group of learners (the advice is to pilot with IT staff first, who report problems well).
/// A value object, owned by the rollout; to change it, replace it.
/// </summary>
public sealed record PilotCohort
{
    public const int MaxNameLength = 200;

    public PilotCohort(string name, int size, DateOnly? startDate, DateOnly? endDate)
    {
        Name = Require.Text(name, "The pilot cohort name", MaxNameLength);
        if (size < 1)
        {
            throw new DomainException("A pilot cohort needs at least one learner.");
        }

        if (startDate is { } start && endDate is { } end && end < start)
        {
            throw new DomainException("The pilot cannot end before it starts.");
        }

        Size = size;
        StartDate = startDate;
        EndDate = endDate;
    }

    // For EF Core.
    private PilotCohort()
    {
    }

    public string Name { get; private init; } = "";

    public int Size { get; private init; }

    public DateOnly? StartDate { get; private init; }

    public DateOnly? EndDate { get; private init; }
}
