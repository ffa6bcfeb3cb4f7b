using ElearningRollout.Domain.Common;

namespace ElearningRollout.Domain.Gates;

/// <summary>
/// A reviewer's out-of-office period and the stand-in who decides their reviews meanwhile. During it, the reviewer's new
/// and pending reviews go to the stand-in (<see cref="StandIns"/>), who decides for the reviewer; ending it returns the
/// undecided ones. Nobody stands in for themselves, and absences never form a circle (A for B while B is away with A).
/// That the stand-in holds the reviewer's deciding role and did not submit a gate they would decide is checked by the
/// application, which knows the people and the gates.
/// </summary>
public sealed class ReviewerAbsence : IAggregateRoot
{
    public const int MaxDays = 366;

    public ReviewerAbsence(string reviewerId, string standInId, DateOnly from, DateOnly until, IEnumerable<ReviewerAbsence> otherAbsences)
    {
        Id = Guid.CreateVersion7();
        ReviewerId = Require.UserId(reviewerId, "The reviewer");
        Set(standInId, from, until, otherAbsences);
        Version = Guid.NewGuid();
    }

    // For EF Core.
    private ReviewerAbsence()
    {
    }

    public Guid Id { get; private set; }

    public string ReviewerId { get; private set; } = "";

    public string StandInId { get; private set; } = "";

    /// <summary>First day away.</summary>
    public DateOnly From { get; private set; }

    /// <summary>Last day away (as planned).</summary>
    public DateOnly Until { get; private set; }

    /// <summary>The day the reviewer ended the period early (from then on they decide again); null while it runs as planned.</summary>
    public DateOnly? EndedOn { get; private set; }

    public Guid Version { get; private set; }

    public void Touch() => Version = Guid.NewGuid();

    /// <summary>The last day the stand-in acts.</summary>
    public DateOnly LastDay => EndedOn is { } ended && ended.AddDays(-1) < Until ? ended.AddDays(-1) : Until;

    public bool IsActiveOn(DateOnly day) => From <= day && day <= LastDay;

    public bool IsOver(DateOnly today) => LastDay < today;

    public bool Overlaps(DateOnly from, DateOnly until) => From <= until && from <= LastDay;

    /// <summary>Changes the stand-in or the dates; the same rules as setting it.</summary>
    public void Change(string standInId, DateOnly from, DateOnly until, DateOnly today, IEnumerable<ReviewerAbsence> otherAbsences)
    {
        if (IsOver(today))
        {
            throw new DomainException("This absence is over; set a new one instead.");
        }

        Set(standInId, from, until, otherAbsences);
        EndedOn = null;
    }

    /// <summary>Ends the period today: from today the reviewer's undecided reviews are theirs again.</summary>
    public void End(DateOnly today)
    {
        if (IsOver(today))
        {
            throw new DomainException("This absence is already over.");
        }

        EndedOn = today;
    }

    /// <summary>Why <paramref name="reviewerId"/> may not be away with <paramref name="standInId"/> then; null when they may.</summary>
    public static string? WhyNot(string reviewerId, string standInId, DateOnly from, DateOnly until, IEnumerable<ReviewerAbsence> otherAbsences)
    {
        if (standInId == reviewerId)
        {
            return "You cannot stand in for yourself: choose someone else.";
        }

        if (until < from)
        {
            return "The last day cannot be before the first day.";
        }

        if (until.DayNumber - from.DayNumber >= MaxDays)
        {
            return $"An absence can last at most {MaxDays} days; set another one after it.";
        }

        var others = otherAbsences.Where(a => a.Overlaps(from, until)).ToList();
        if (WhyOverlapsOwn(reviewerId, from, until, others) is { } overlap)
        {
            return overlap;
        }

        // Follow who stands in for the stand-in during the period: reaching the reviewer again would be a circle.
        var next = standInId;
        var seen = new HashSet<string>();
        while (seen.Add(next) && others.FirstOrDefault(a => a.ReviewerId == next) is { } theirs)
        {
            if (theirs.StandInId == reviewerId)
            {
                return "That would be a circle: your stand-in's reviews would come back to you while you are away. Choose someone else.";
            }

            next = theirs.StandInId;
        }

        return null;
    }

    /// <summary>
    /// Why <paramref name="reviewerId"/> cannot be away from <paramref name="from"/> to <paramref name="until"/>: they already
    /// are for part of it (one absence at a time, so a review has one stand-in); null when the days are free. Its own rule so
    /// the form can show it beside the first day.
    /// </summary>
    public static string? WhyOverlapsOwn(string reviewerId, DateOnly from, DateOnly until, IEnumerable<ReviewerAbsence> otherAbsences)
        => otherAbsences.FirstOrDefault(a => a.ReviewerId == reviewerId && a.Overlaps(from, until)) is { } overlapping
            ? $"You are already away from {overlapping.From:yyyy-MM-dd} to {overlapping.LastDay:yyyy-MM-dd}; end or change that absence instead."
            : null;

    private void Set(string standInId, DateOnly from, DateOnly until, IEnumerable<ReviewerAbsence> otherAbsences)
    {
        var standIn = Require.UserId(standInId, "The stand-in");
        if (WhyNot(ReviewerId, standIn, from, until, otherAbsences.Where(a => a.Id != Id)) is { } refusal)
        {
            throw new DomainException(refusal);
        }

        StandInId = standIn;
        From = from;
        Until = until;
    }
}
