namespace ElearningRollout.Domain.Common;

/// <summary>
/// Guards on values typed by people, shared by the entities so that every refusal
/// about a piece of text reads the same way. Stored text is trimmed.
/// </summary>
internal static class Require
{
    /// <summary>Identity user ids are at most 450 characters (ASP.NET Core Identity's key length).</summary>
    public const int UserIdLength = 450;

    public static string Text(string? value, string what, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new DomainException($"{what} is required.");
        }

        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
        {
            throw new DomainException($"{what} can be at most {maxLength} characters.");
        }

        return trimmed;
    }

    /// <summary>Blank counts as "not given", so an emptied form field clears the value.</summary>
    public static string? OptionalText(string? value, string what, int maxLength) =>
        string.IsNullOrWhiteSpace(value) ? null : Text(value, what, maxLength);

    public static string UserId(string? value, string who) => Text(value, who, UserIdLength);

    public static string? OptionalUserId(string? value, string who) => OptionalText(value, who, UserIdLength);
}
