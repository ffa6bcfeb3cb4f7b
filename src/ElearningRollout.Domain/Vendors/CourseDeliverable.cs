namespace ElearningRollout.Domain.Vendors;

/// <summary>One stage of a course-development engagement (storyboard, alpha, beta, gold) and where it stands.</summary>
public sealed class CourseDeliverable
{
    public const int MaxNoteLength = 2000;

    internal CourseDeliverable(DeliverableStage stage)
    {
        Id = Guid.CreateVersion7();
        Stage = stage;
        State = DeliverableState.NotSubmitted;
    }

    // For EF Core.
    private CourseDeliverable()
    {
    }

    public Guid Id { get; private set; }

    public DeliverableStage Stage { get; private set; }

    public DeliverableState State { get; private set; }

    /// <summary>What was delivered (a link, a version), as the training owner noted on submission.</summary>
    public string? SubmissionNote { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public string? SubmittedById { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecidedById { get; private set; }

    /// <summary>Why the last submission went back to the vendor; kept after a resubmission so the vendor's fix can be checked against it.</summary>
    public string? RejectionComments { get; private set; }

    /// <summary>How many times this stage went back to the vendor.</summary>
    public int Rejections { get; private set; }

    internal void Submit(string? note, string byId, DateTimeOffset at)
    {
        State = DeliverableState.Submitted;
        SubmissionNote = note;
        SubmittedById = byId;
        SubmittedAt = at;
        DecidedAt = null;
        DecidedById = null;
    }

    internal void SignOff(string byId, DateTimeOffset at)
    {
        State = DeliverableState.SignedOff;
        DecidedById = byId;
        DecidedAt = at;
    }

    internal void Reject(string comments, string byId, DateTimeOffset at)
    {
        State = DeliverableState.Rejected;
        RejectionComments = comments;
        Rejections++;
        DecidedById = byId;
        DecidedAt = at;
    }
}
