namespace ElearningRollout.Domain.Vendors;

/// <summary>
/// One line of the technical requirements IT hands to a vendor. IT writes it; the vendor's acknowledgement is
/// recorded by the rollout's training owner, who talks to the vendor.
/// </summary>
public sealed class TechnicalRequirement
{
    public const int MaxTopicLength = 100;
    public const int MaxTextLength = 1000;
    public const int MaxAcknowledgedByLength = 200;

    internal TechnicalRequirement(string topic, string text, int order)
    {
        Id = Guid.CreateVersion7();
        Topic = topic;
        Text = text;
        Order = order;
    }

    // For EF Core.
    private TechnicalRequirement()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>1-based position on the list.</summary>
    public int Order { get; private set; }

    /// <summary>A short heading, e.g. "SSO" or "Bandwidth".</summary>
    public string Topic { get; private set; } = "";

    public string Text { get; private set; } = "";

    /// <summary>The vendor's person who acknowledged it, as the training owner recorded.</summary>
    public string? AcknowledgedBy { get; private set; }

    public DateTimeOffset? AcknowledgedAt { get; private set; }

    /// <summary>The training owner (or administrator) who recorded the acknowledgement.</summary>
    public string? AcknowledgementRecordedById { get; private set; }

    public bool IsAcknowledged => AcknowledgedAt is not null;

    /// <summary>A changed requirement is a new requirement to the vendor: the earlier acknowledgement no longer covers it.</summary>
    internal void Rewrite(string topic, string text)
    {
        if (topic == Topic && text == Text)
        {
            return;
        }

        Topic = topic;
        Text = text;
        AcknowledgedBy = null;
        AcknowledgedAt = null;
        AcknowledgementRecordedById = null;
    }

    internal void Acknowledge(string acknowledgedBy, string recordedById, DateTimeOffset at)
    {
        AcknowledgedBy = acknowledgedBy;
        AcknowledgementRecordedById = recordedById;
        AcknowledgedAt = at;
    }

    internal void Renumber(int order) => Order = order;
}
