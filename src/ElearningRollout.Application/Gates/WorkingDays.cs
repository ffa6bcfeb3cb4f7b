namespace ElearningRollout.Application.Gates;

/// <summary>Due dates counted in working days (Monday to Friday), as review turnaround is agreed.</summary>
public static class WorkingDays
{
    public const int DefaultReviewDays = 10;

    public static DateOnly After(DateOnly start, int workingDays)
    {
        var day = start;
        for (var counted = 0; counted < workingDays;)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                counted++;
            }
        }

        return day;
    }
}
