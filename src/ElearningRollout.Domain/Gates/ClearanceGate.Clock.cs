using ElearningRollout.Domain.Calendar;

namespace ElearningRollout.Domain.Gates;

/// <summary>
/// The working-day clock of the gate's reviews across a send-back. A rejection sends the gate back to Training (one
/// reviewer's choice); from the day after the rejection until the resubmission the clock stands still, and the
/// resubmitted round's reviews resume with the working days the sent-back round had left, not a fresh deadline:
/// the reviewers' time was not used while Training worked, and Training's time is not charged to IT.
/// </summary>
public sealed partial class ClearanceGate
{
    /// <summary>
    /// The span the review clock has run over since the gate was first submitted, with the days it was back with
    /// Training as pauses (the last one open while the gate waits to be resubmitted); null before any submission.
    /// </summary>
    public ReviewWindow? ReviewWindow()
    {
        DateOnly? start = null;
        var pauses = new List<ClockPause>();
        GateReviewRound? previous = null;
        foreach (var round in _rounds.OrderBy(r => r.Number))
        {
            if (round.SubmittedAt is not { } submittedAt)
            {
                // A waiver of a gate nobody submitted: no review ran.
                continue;
            }

            var submittedOn = Day(submittedAt);
            if (start is null || previous is not { Decision: GateDecision.Rejected, DecidedAt: { } rejectedAt })
            {
                start = submittedOn;
                pauses.Clear();
            }
            else
            {
                // The rejection day was worked by the reviewers; the resubmission day is Training's, as a first submission day is.
                pauses.Add(new ClockPause(Day(rejectedAt).AddDays(1), submittedOn.AddDays(1)));
            }

            previous = round;
        }

        if (start is null)
        {
            return null;
        }

        if (previous is { Decision: GateDecision.Rejected, DecidedAt: { } sentBackAt })
        {
            pauses.Add(new ClockPause(Day(sentBackAt).AddDays(1), null));
        }

        return new ReviewWindow(start.Value, pauses);
    }

    /// <summary>
    /// The due date a submission on <paramref name="submittedOn"/> gives the reviews by default: after a send-back, the
    /// clock resumes with the working days the sent-back round had left at its rejection (at least one, so a resubmission
    /// is never due the day it arrives); otherwise <paramref name="deadlineWorkingDays"/> working days from
    /// <paramref name="submittedOn"/>.
    /// </summary>
    public DateOnly DueDateIfSubmittedOn(DateOnly submittedOn, int deadlineWorkingDays, WorkingCalendar calendar)
    {
        if (State == GateState.Rejected && CurrentRound is { DecidedAt: { } rejectedAt } && DueDate is { } sentBackDue)
        {
            var left = Math.Max(1, calendar.WorkingDaysBetween(Day(rejectedAt), sentBackDue));
            return calendar.After(submittedOn, left);
        }

        return calendar.After(submittedOn, deadlineWorkingDays);
    }

    private static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);
}
