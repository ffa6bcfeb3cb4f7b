using CsCheck;
using ElearningRollout.Domain.Calendar;
using ElearningRollout.Domain.Common;

namespace ElearningRollout.Domain.Tests.Calendar;

public sealed class WorkingCalendarTests
{
    // Friday 4 December 2026; Christmas Day and Boxing Day fall on the following Friday and Saturday.
    private static readonly DateOnly Friday = new(2026, 12, 4);
    private static readonly WorkingCalendar Christmas = new([new DateOnly(2026, 12, 25), new DateOnly(2026, 12, 28)]);

    private static readonly Gen<DateOnly> Day = Gen.Int[0, 3 * 366].Select(n => new DateOnly(2026, 1, 1).AddDays(n));

    /// <summary>Up to a dozen holidays scattered over the same three years, weekends included (a holiday on a Saturday changes nothing).</summary>
    private static readonly Gen<WorkingCalendar> Calendars = Day.Array[0, 12].Select(days => new WorkingCalendar(days));

    private static readonly Gen<ClockPause[]> Pauses = Gen.Select(Day, Gen.Int[1, 20]).Select((from, length) => new ClockPause(from, from.AddDays(length))).Array[0, 3];

    [Fact]
    public void Ten_working_days_from_a_Friday_skip_two_weekends()
        => Assert.Equal(new DateOnly(2026, 12, 18), WorkingCalendar.WeekendsOnly.After(Friday, 10));

    [Fact]
    public void Holidays_push_the_due_date_by_one_working_day_each()
    {
        // From Friday 18 December, 5 working days: 21, 22, 23, 24, (25 holiday), (26-27 weekend), (28 holiday), 29.
        Assert.Equal(new DateOnly(2026, 12, 29), Christmas.After(new DateOnly(2026, 12, 18), 5));
        Assert.Equal(new DateOnly(2026, 12, 25), WorkingCalendar.WeekendsOnly.After(new DateOnly(2026, 12, 18), 5));
    }

    [Fact]
    public void A_holiday_is_not_a_working_day_and_a_weekend_never_is()
    {
        Assert.False(Christmas.IsWorkingDay(new DateOnly(2026, 12, 25)));
        Assert.True(Christmas.IsHoliday(new DateOnly(2026, 12, 25)));
        Assert.False(Christmas.IsWorkingDay(new DateOnly(2026, 12, 26)));
        Assert.True(Christmas.IsWorkingDay(new DateOnly(2026, 12, 24)));
    }

    [Fact]
    public void A_paused_clock_does_not_count_the_days_the_gate_is_back_with_Training()
    {
        // Submitted Friday 4 December, due after 10 working days (18 December). Sent back to Training on Tuesday 8 and
        // resubmitted on Monday 14: the 8th to the 11th (four working days) do not count, so it is due four working days later.
        var sentBack = new ClockPause(new DateOnly(2026, 12, 8), new DateOnly(2026, 12, 14));

        Assert.Equal(new DateOnly(2026, 12, 24), WorkingCalendar.WeekendsOnly.DueAfter(Friday, 10, [sentBack]));
        // One working day more and the holidays come into it: Christmas and the 28th are skipped too.
        Assert.Equal(new DateOnly(2026, 12, 29), Christmas.DueAfter(Friday, 11, [sentBack]));
    }

    [Fact]
    public void While_the_gate_is_still_with_Training_the_due_date_is_not_known()
    {
        var stillBack = new ClockPause(new DateOnly(2026, 12, 8), null);

        Assert.Null(WorkingCalendar.WeekendsOnly.DueAfter(Friday, 10, [stillBack]));
        // A pause that starts after the due date does not hold it back.
        Assert.Equal(new DateOnly(2026, 12, 8), WorkingCalendar.WeekendsOnly.DueAfter(Friday, 2, [new ClockPause(new DateOnly(2026, 12, 9), null)]));
    }

    [Fact]
    public void The_clock_says_time_left_due_today_or_overdue_in_working_days()
    {
        var due = new DateOnly(2026, 12, 29);

        Assert.Equal("2 working days left", Christmas.Clock(new DateOnly(2026, 12, 23), due).Text); // the 24th and the 29th
        Assert.Equal("1 working day left", Christmas.Clock(new DateOnly(2026, 12, 24), due).Text);
        Assert.True(Christmas.Clock(due, due).IsDueToday);
        Assert.Equal("due today", Christmas.Clock(due, due).Text);
        var late = Christmas.Clock(new DateOnly(2027, 1, 4), due);
        Assert.True(late.IsOverdue);
        Assert.Equal("4 working days overdue", late.Text);
        // Due on a Friday and read on the Saturday: the deadline was missed, even though no working day has passed.
        Assert.Equal(1, WorkingCalendar.WeekendsOnly.Clock(new DateOnly(2026, 12, 5), Friday).WorkingDaysOverdue);
    }

    [Fact]
    public void A_holiday_needs_a_name_of_reasonable_length()
    {
        Assert.Throws<DomainException>(() => new Holiday(Friday, "  "));
        Assert.Throws<DomainException>(() => new Holiday(Friday, new string('x', Holiday.MaxNameLength + 1)));
        Assert.Equal("Founders' day", new Holiday(Friday, "  Founders' day ").Name);
    }

    [Fact]
    public void The_due_date_is_a_working_day_exactly_n_working_days_on_whatever_the_calendar_and_pauses()
        => Gen.Select(Calendars, Day, Gen.Int[0, 40], Pauses).Sample((calendar, start, days, pauses) =>
        {
            var due = calendar.DueAfter(start, days, pauses)!.Value;

            Assert.Equal(days, calendar.WorkingDaysBetween(start, due, pauses));
            Assert.Equal(-days, calendar.WorkingDaysBetween(due, start, pauses));
            if (days > 0)
            {
                Assert.True(calendar.IsWorkingDay(due));
                Assert.DoesNotContain(pauses, p => p.Covers(due));
                // The due date is the first day the count is reached: the day before it has one working day fewer.
                Assert.Equal(days - 1, calendar.WorkingDaysBetween(start, due.AddDays(-1), pauses));
            }
            else
            {
                Assert.Equal(start, due);
            }
        });

    [Fact]
    public void More_holidays_or_a_pause_never_bring_a_due_date_earlier()
        => Gen.Select(Calendars, Day, Day, Gen.Int[0, 40], Pauses).Sample((calendar, start, extra, days, pauses) =>
        {
            var withExtraHoliday = new WorkingCalendar(calendar.Holidays.Append(extra));

            Assert.True(withExtraHoliday.After(start, days) >= calendar.After(start, days));
            Assert.True(calendar.DueAfter(start, days, pauses) >= calendar.After(start, days));
        });

    [Fact]
    public void Counting_on_in_two_steps_lands_on_the_same_day_as_counting_at_once()
        => Gen.Select(Calendars, Day, Gen.Int[0, 25], Gen.Int[0, 25]).Sample((calendar, start, first, second) =>
            Assert.Equal(calendar.After(start, first + second), calendar.After(calendar.After(start, first), second)));

    [Fact]
    public void Days_left_and_days_overdue_are_never_both_counted_and_agree_with_the_count_between()
        => Gen.Select(Calendars, Day, Day).Sample((calendar, today, due) =>
        {
            var clock = calendar.Clock(today, due);

            Assert.False(clock.WorkingDaysLeft > 0 && clock.IsOverdue);
            Assert.Equal(today > due, clock.IsOverdue);
            if (!clock.IsOverdue)
            {
                Assert.Equal(calendar.WorkingDaysBetween(today, due), clock.WorkingDaysLeft);
            }
        });
}
