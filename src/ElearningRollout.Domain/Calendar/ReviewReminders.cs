namespace ElearningRollout.Domain.Calendar;

/// <summary>What a pending review's clock asks for on a given day.</summary>
public enum ReviewReminder
{
    None,

    /// <summary>Half of the working days between submission and the due date have passed: a reminder to the reviewer.</summary>
    HalfTime,

    /// <summary>The due day itself: a last reminder to the reviewer.</summary>
    DueToday,

    /// <summary>The due date has passed: the policy's escalation person is told.</summary>
    Overdue,
}

/// <summary>
/// When a pending review is reminded and escalated, on the working-day clock: at half-time (from a review window of at
/// least two working days), on the due day, and once overdue. Each stage is sent once by the scan that finds it
/// (its notice carries a key per review, stage and due date), so a scan that misses a day still sends the stage late
/// rather than never; a stage overtaken by the next one is not sent any more.
/// </summary>
public static class ReviewReminders
{
    public static ReviewReminder On(DateOnly today, DateOnly submittedOn, DateOnly dueDate, WorkingCalendar calendar)
        => On(today, new ReviewWindow(submittedOn, []), dueDate, calendar);

    /// <summary>
    /// The reminder a review due on <paramref name="dueDate"/> asks for today, on a clock that stood still while the gate was
    /// back with Training (<paramref name="window"/>'s pauses): half-time is half of the working days the clock ran.
    /// Nothing is sent while the clock is paused: there is no pending review to remind anyone of.
    /// </summary>
    public static ReviewReminder On(DateOnly today, ReviewWindow window, DateOnly dueDate, WorkingCalendar calendar)
    {
        if (window.IsPausedOn(today))
        {
            return ReviewReminder.None;
        }

        if (today > dueDate)
        {
            return ReviewReminder.Overdue;
        }

        if (today == dueDate)
        {
            return ReviewReminder.DueToday;
        }

        return HalfTimeOf(window, dueDate, calendar) is { } halfTime && today >= halfTime ? ReviewReminder.HalfTime : ReviewReminder.None;
    }

    /// <summary>The working day half of the review window has passed on; null for a window under two working days.</summary>
    public static DateOnly? HalfTimeOf(DateOnly submittedOn, DateOnly dueDate, WorkingCalendar calendar)
        => HalfTimeOf(new ReviewWindow(submittedOn, []), dueDate, calendar);

    /// <summary>
    /// The working day half of the clock's working days up to <paramref name="dueDate"/> have run on, days paused not
    /// counted; null for a window under two working days.
    /// </summary>
    public static DateOnly? HalfTimeOf(ReviewWindow window, DateOnly dueDate, WorkingCalendar calendar)
    {
        var days = calendar.WorkingDaysBetween(window.StartedOn, dueDate, window.Pauses);
        return days < 2 ? null : calendar.DueAfter(window.StartedOn, days / 2, window.Pauses);
    }
}
