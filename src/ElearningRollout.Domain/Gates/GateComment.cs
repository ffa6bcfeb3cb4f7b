using ElearningRollout.Domain.Common;

namespace ElearningRollout.Domain.Gates;

/// <summary>
/// One message in the thread between Training and IT on a gate. Its own entity, not part of the gate aggregate:
/// a comment must never collide with, or be lost to, a decision being saved at the same moment.
/// </summary>
public sealed class GateComment
{
    public const int MaxTextLength = 4000;

    public GateComment(Guid gateId, string authorId, string text, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        GateId = gateId;
        AuthorId = Require.UserId(authorId, "The author");
        Text = Require.Text(text, "The comment", MaxTextLength);
        At = at;
    }

    // For EF Core.
    private GateComment()
    {
    }

    public Guid Id { get; private set; }

    public Guid GateId { get; private set; }

    public string AuthorId { get; private set; } = "";

    public string Text { get; private set; } = "";

    public DateTimeOffset At { get; private set; }
}
