using ElearningRollout.Domain.Calendar;
using ElearningRollout.Domain.Gates;

namespace ElearningRollout.Domain.Tests.Calendar;

/// <summary>
/// A review's working-day clock stands still while the gate is back with Training (rejected, not yet resubmitted) and
/// resumes on resubmission with the days the sent-back round had left. November 2026: Monday 2, Wednesday 11 a holiday.
/// </summary>
public sealed class SendBackClockTests
{
    private static readonly DateOnly Monday = new(2026, 11, 2);
    private static readonly WorkingCalendar Armistice = new([new DateOnly(2026, 11, 11)]);

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);

    /// <summary>Submitted Monday 2 November due after ten working days; rejected on <paramref name="rejectedOn"/>.</summary>
    private static ClearanceGate SentBackOn(DateOnly rejectedOn, WorkingCalendar calendar)
    {
        var gate = Given.ADraftGate();
        gate.AssignReviewer("it-lead-1", calendar.After(Monday, 10));
        gate.Submit(Given.TrainerId, At(Monday));
        gate.Reject(Given.ItLead(), "No SSO test plan yet.", At(rejectedOn));
        return gate;
    }

    [Fact]
    public void A_resubmission_resumes_with_the_working_days_the_sent_back_round_had_left_holidays_excluded()
    {
        // Due Tuesday 17 November (ten working days, the 11th a holiday); rejected Thursday 5 November with seven left.
        var gate = SentBackOn(new DateOnly(2026, 11, 5), Armistice);
        Assert.Equal(new DateOnly(2026, 11, 17), gate.DueDate);

        // Back with Training until Monday 16 November: the resubmission is due seven working days later, Wednesday 25.
        var resubmittedOn = new DateOnly(2026, 11, 16);
        var due = gate.DueDateIfSubmittedOn(resubmittedOn, 10, Armistice);

        Assert.Equal(new DateOnly(2026, 11, 25), due);
    }

    [Fact]
    public void A_first_submission_gets_the_policys_full_deadline()
    {
        var gate = Given.ADraftGate();

        Assert.Equal(new DateOnly(2026, 11, 17), gate.DueDateIfSubmittedOn(Monday, 10, Armistice));
        Assert.Null(gate.ReviewWindow());
    }

    [Fact]
    public void A_round_rejected_when_its_time_was_up_resumes_with_one_working_day()
    {
        var gate = SentBackOn(new DateOnly(2026, 11, 19), Armistice); // two days after the due date

        Assert.Equal(new DateOnly(2026, 11, 24), gate.DueDateIfSubmittedOn(new DateOnly(2026, 11, 23), 10, Armistice));
    }

    [Fact]
    public void The_window_pauses_from_the_day_after_the_rejection_and_stays_open_until_the_resubmission()
    {
        var rejectedOn = new DateOnly(2026, 11, 5);
        var gate = SentBackOn(rejectedOn, Armistice);

        var whileBack = gate.ReviewWindow()!;
        Assert.Equal(Monday, whileBack.StartedOn);
        Assert.Equal([new ClockPause(new DateOnly(2026, 11, 6), null)], whileBack.Pauses);
        Assert.True(whileBack.IsPausedOn(new DateOnly(2026, 11, 30)));
        // The clock does not run: no due date can be counted while the gate is with Training.
        Assert.Null(Armistice.DueAfter(Monday, 10, whileBack.Pauses));
        Assert.Equal(ReviewReminder.None, ReviewReminders.On(new DateOnly(2026, 11, 30), whileBack, gate.DueDate!.Value, Armistice));

        var resubmittedOn = new DateOnly(2026, 11, 16);
        var due = gate.DueDateIfSubmittedOn(resubmittedOn, 10, Armistice);
        gate.AssignReviewer("it-lead-1", due);
        gate.Submit(Given.TrainerId, At(resubmittedOn));

        var resumed = gate.ReviewWindow()!;
        Assert.Equal([new ClockPause(new DateOnly(2026, 11, 6), new DateOnly(2026, 11, 17))], resumed.Pauses);
        // Counted over the whole window, the paused days left out, the review still has its ten working days.
        Assert.Equal(10, Armistice.WorkingDaysBetween(Monday, due, resumed.Pauses));
        Assert.Equal(due, Armistice.DueAfter(Monday, 10, resumed.Pauses));
    }

    [Fact]
    public void Half_time_is_half_of_the_working_days_the_clock_ran_not_of_the_calendar_since_the_first_submission()
    {
        var gate = SentBackOn(new DateOnly(2026, 11, 3), Armistice); // one working day used, nine left
        var resubmittedOn = new DateOnly(2026, 11, 16);
        var due = gate.DueDateIfSubmittedOn(resubmittedOn, 10, Armistice);
        gate.AssignReviewer("it-lead-1", due);
        gate.Submit(Given.TrainerId, At(resubmittedOn));
        var window = gate.ReviewWindow()!;

        // Due Friday 27 November; the clock ran on Tuesday 3, then from Tuesday 17 (the resubmission day is Training's):
        // the fifth of its ten working days is Friday 20.
        Assert.Equal(new DateOnly(2026, 11, 27), due);
        Assert.Equal(new DateOnly(2026, 11, 20), ReviewReminders.HalfTimeOf(window, due, Armistice));
        Assert.Equal(ReviewReminder.None, ReviewReminders.On(new DateOnly(2026, 11, 19), window, due, Armistice));
        Assert.Equal(ReviewReminder.HalfTime, ReviewReminders.On(new DateOnly(2026, 11, 20), window, due, Armistice));
        // Without the pause, half-time would have been long gone on the day of the resubmission.
        Assert.Equal(ReviewReminder.HalfTime, ReviewReminders.On(resubmittedOn.AddDays(1), Monday, due, Armistice));
    }

    [Fact]
    public void Every_send_back_adds_a_pause_and_the_resumed_due_date_keeps_the_original_number_of_working_days()
    {
        var calendar = Armistice;
        var gate = SentBackOn(new DateOnly(2026, 11, 4), calendar); // two used
        var second = new DateOnly(2026, 11, 9);
        gate.AssignReviewer("it-lead-1", gate.DueDateIfSubmittedOn(second, 10, calendar));
        gate.Submit(Given.TrainerId, At(second));
        gate.Reject(Given.ItLead(), "Still no SSO test plan.", At(new DateOnly(2026, 11, 12))); // Tuesday 10, Thursday 12: two more
        var third = new DateOnly(2026, 11, 20);
        var due = gate.DueDateIfSubmittedOn(third, 10, calendar);
        gate.AssignReviewer("it-lead-1", due);
        gate.Submit(Given.TrainerId, At(third));

        var window = gate.ReviewWindow()!;
        Assert.Equal(2, window.Pauses.Count);
        Assert.All(window.Pauses, p => Assert.NotNull(p.Until));
        Assert.Equal(10, calendar.WorkingDaysBetween(Monday, due, window.Pauses));
        Assert.Equal(new DateOnly(2026, 11, 30), due); // two used in each round, six left from Friday 20
    }
}
