using System.Globalization;

namespace ElearningRollout.Application.Common;

/// <summary>
/// How the product writes a day and a moment for people, in one place for the screens (through the Web's
/// <c>Moments</c> and <c>RolloutText</c>) and for the texts the application composes (the History and the audit log).
/// </summary>
public static class DisplayFormat
{
    /// <summary>"16 Nov 2026"; "—" for none.</summary>
    public static string Day(DateOnly? day) => day?.ToString("d MMM yyyy", CultureInfo.InvariantCulture) ?? "—";

    /// <summary>"6 Dec 2026, 02:05 UTC": in UTC, as stored, and saying so (users sit in several time zones); "—" for none.</summary>
    public static string Moment(DateTimeOffset? at) =>
        at?.ToUniversalTime().ToString("d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "—";
}
