using ElearningRollout.Application.Common;

namespace ElearningRollout.Web.Components.Shared;

/// <summary>How the product writes a moment for people: in UTC, as stored, and saying so (users sit in several time zones).</summary>
public static class Moments
{
    public static string Of(DateTimeOffset? at) => DisplayFormat.Moment(at);
}
