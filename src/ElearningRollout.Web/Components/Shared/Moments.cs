using System.Globalization;

namespace ElearningRollout.Web.Components.Shared;

/// <summary>How the product writes a moment for people: in UTC, as stored, and saying so (users sit in several time zones).</summary>
public static class Moments
{
    public static string Of(DateTimeOffset? at) =>
        at?.ToUniversalTime().ToString("d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "—";
}
