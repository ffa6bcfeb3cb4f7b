using ElearningRollout.Domain.Common;

namespace ElearningRollout.Domain.CostSharing;

/// <summary>
/// One message on a cost-sharing agreement. This is how IT proposes changes to the lines Training drafts:
/// IT leads do not edit the lines, they comment, optionally about one line, and the training owner changes it.
/// </summary>
public sealed class AgreementComment : ThreadComment
{
    public AgreementComment(Guid agreementId, int versionNumber, int? lineNumber, string authorId, string text, DateTimeOffset at)
        : base(authorId, text, at)
    {
        if (lineNumber is <= 0)
        {
            throw new DomainException("A comment can only be about a line of the agreement.");
        }

        AgreementId = agreementId;
        VersionNumber = versionNumber;
        LineNumber = lineNumber;
    }

    // For EF Core.
    private AgreementComment()
    {
    }

    public Guid AgreementId { get; private set; }

    /// <summary>The agreement version the author was looking at, so a comment stays readable after later versions.</summary>
    public int VersionNumber { get; private set; }

    /// <summary>The line the comment is about, by its number in that version; null for the agreement as a whole.</summary>
    public int? LineNumber { get; private set; }
}
