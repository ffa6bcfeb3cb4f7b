using ElearningRollout.Domain.Common;

namespace ElearningRollout.Domain.Calendar;

/// <summary>
/// A day off that review deadlines do not count, from the administrators' holiday calendar (a public holiday, a
/// company closure). One per date: the calendar says whether a day is worked, and a second name for the same day
/// would say nothing more. Added and removed, never edited, so it carries no version: removing and re-adding is the
/// correction, and both are in the audit trail.
/// </summary>
public sealed class Holiday
{
    public const int MaxNameLength = 100;

    public Holiday(DateOnly date, string name)
    {
        Id = Guid.CreateVersion7();
        Date = date;
        Name = Require.Text(name, "The holiday's name", MaxNameLength);
    }

    // For EF Core.
    private Holiday()
    {
    }

    public Guid Id { get; private set; }

    public DateOnly Date { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>The year the calendar lists it under.</summary>
    public int Year => Date.Year;
}
