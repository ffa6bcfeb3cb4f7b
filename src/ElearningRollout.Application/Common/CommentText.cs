using ElearningRollout.Domain.Common;

namespace ElearningRollout.Application.Common;

/// <summary>The one check every comment box shares (gates, agreements): a message beside the box, never an exception page.</summary>
public static class CommentText
{
    public const string Field = "Comment";

    /// <summary>Returns the trimmed text, or refuses with a message for the comment field.</summary>
    public static string EnsureValid(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > ThreadComment.MaxTextLength)
        {
            throw new ValidationFailedException(new Dictionary<string, string[]>
            {
                [Field] = [string.IsNullOrWhiteSpace(text) ? "Write a comment first." : $"Keep a comment to {ThreadComment.MaxTextLength} characters."],
            });
        }

        return text.Trim();
    }
}
