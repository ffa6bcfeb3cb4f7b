using ElearningRollout.Domain.Common;

namespace ElearningRollout.Domain.Gates;

/// <summary>One message in the thread between Training and IT on a gate.</summary>
public sealed class GateComment : ThreadComment
{
    public GateComment(Guid gateId, string authorId, string text, DateTimeOffset at)
        : base(authorId, text, at)
    {
        GateId = gateId;
    }

    // For EF Core.
    private GateComment()
    {
    }

    public Guid GateId { get; private set; }
}
