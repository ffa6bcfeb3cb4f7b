namespace ElearningRollout.Domain.Common;

/// <summary>
/// One message in a conversation between Training and IT about something they decide together (a gate, an
/// agreement). Comments are their own records, not part of the thing discussed: a comment never collides with,
/// or is lost to, a decision or a signature saved at the same moment.
/// </summary>
[OwnRecord("A comment is its own record: it never collides with, or is lost to, a decision or a signature saved at the same moment.")]
public abstract class ThreadComment
{
    public const int MaxTextLength = 4000;

    protected ThreadComment(string authorId, string text, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        AuthorId = Require.UserId(authorId, "The author");
        Text = Require.Text(text, "The comment", MaxTextLength);
        At = at;
    }

    // For EF Core.
    protected ThreadComment()
    {
    }

    public Guid Id { get; private set; }

    public string AuthorId { get; private set; } = "";

    public string Text { get; private set; } = "";

    public DateTimeOffset At { get; private set; }
}
