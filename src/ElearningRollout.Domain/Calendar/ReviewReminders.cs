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
    {
        if (today > dueDate)
        {
            return ReviewReminder.Overdue;
        }

        if (today == dueDate)
        {
            return ReviewReminder.DueToday;
        }

        return HalfTimeOf(submittedOn, dueDate, calendar) is { } halfTime && today >= halfTime ? ReviewReminder.HalfTime : ReviewReminder.None;
    }

    /// <summary>The working day half of the review window has passed on; null for a window under two working days.</summary>
    public static DateOnly? HalfTimeOf(DateOnly submittedOn, DateOnly dueDate, WorkingCalendar calendar)
    {
        var window = calendar.WorkingDaysBetween(submittedOn, dueDate);
        return window < 2 ? null : calendar.After(submittedOn, window / 2);
    }
}
