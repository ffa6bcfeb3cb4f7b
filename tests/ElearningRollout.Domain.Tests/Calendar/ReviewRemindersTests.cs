using ElearningRollout.Domain.Calendar;

namespace ElearningRollout.Domain.Tests.Calendar;

public sealed class ReviewRemindersTests
{
    private static readonly DateOnly Monday = new(2026, 11, 2);

    [Fact]
    public void A_review_is_reminded_from_half_time_then_on_the_due_day_then_escalated_once_overdue()
    {
        var due = new DateOnly(2026, 11, 9); // five working days after Monday 2 November
        var calendar = WorkingCalendar.WeekendsOnly;

        Assert.Equal(new DateOnly(2026, 11, 4), ReviewReminders.HalfTimeOf(Monday, due, calendar));
        Assert.Equal(ReviewReminder.None, ReviewReminders.On(new DateOnly(2026, 11, 3), Monday, due, calendar));
        Assert.Equal(ReviewReminder.HalfTime, ReviewReminders.On(new DateOnly(2026, 11, 4), Monday, due, calendar));
        Assert.Equal(ReviewReminder.HalfTime, ReviewReminders.On(new DateOnly(2026, 11, 7), Monday, due, calendar));
        Assert.Equal(ReviewReminder.DueToday, ReviewReminders.On(due, Monday, due, calendar));
        Assert.Equal(ReviewReminder.Overdue, ReviewReminders.On(due.AddDays(1), Monday, due, calendar));
    }

    [Fact]
    public void Half_time_counts_working_days_so_holidays_move_it()
    {
        var due = new DateOnly(2026, 11, 11); // Wednesday: seven working days after Monday 2 November, six with Tuesday 3 a holiday
        var withHoliday = new WorkingCalendar([new DateOnly(2026, 11, 3)]);

        Assert.Equal(new DateOnly(2026, 11, 5), ReviewReminders.HalfTimeOf(Monday, due, WorkingCalendar.WeekendsOnly));
        Assert.Equal(new DateOnly(2026, 11, 6), ReviewReminders.HalfTimeOf(Monday, due, withHoliday));
    }

    [Fact]
    public void A_review_window_under_two_working_days_has_no_half_time_reminder()
    {
        var due = new DateOnly(2026, 11, 3);

        Assert.Null(ReviewReminders.HalfTimeOf(Monday, due, WorkingCalendar.WeekendsOnly));
        Assert.Equal(ReviewReminder.None, ReviewReminders.On(Monday, Monday, due, WorkingCalendar.WeekendsOnly));
    }
}
