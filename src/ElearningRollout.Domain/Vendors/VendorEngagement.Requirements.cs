using ElearningRollout.Domain.Common;

namespace ElearningRollout.Domain.Vendors;

/// <summary>The technical requirements IT hands to the vendor, and the vendor's acknowledgement of each.</summary>
public sealed partial class VendorEngagement
{
    public TechnicalRequirement AddRequirement(string topic, string text)
    {
        EnsureOpen();
        var requirement = new TechnicalRequirement(
            Require.Text(topic, "The requirement's topic", TechnicalRequirement.MaxTopicLength),
            Require.Text(text, "The requirement", TechnicalRequirement.MaxTextLength),
            _requirements.Count == 0 ? 1 : _requirements.Max(r => r.Order) + 1);
        _requirements.Add(requirement);
        return requirement;
    }

    public void ChangeRequirement(Guid requirementId, string topic, string text)
    {
        EnsureOpen();
        RequirementOf(requirementId).Rewrite(
            Require.Text(topic, "The requirement's topic", TechnicalRequirement.MaxTopicLength),
            Require.Text(text, "The requirement", TechnicalRequirement.MaxTextLength));
    }

    public void RemoveRequirement(Guid requirementId)
    {
        EnsureOpen();
        _requirements.Remove(RequirementOf(requirementId));

        // By their numbers, not the list's order: a list loaded from the database comes in no particular order.
        var order = 1;
        foreach (var requirement in _requirements.OrderBy(r => r.Order))
        {
            requirement.Renumber(order++);
        }
    }

    /// <param name="acknowledgedBy">The vendor's person who confirmed it.</param>
    /// <param name="recordedById">The training owner who heard it from the vendor.</param>
    public void RecordAcknowledgement(Guid requirementId, string acknowledgedBy, string recordedById, DateTimeOffset now)
    {
        EnsureOpen();
        var requirement = RequirementOf(requirementId);
        if (requirement.IsAcknowledged)
        {
            throw new DomainException($"The vendor already acknowledged requirement {requirement.Order}.");
        }

        requirement.Acknowledge(
            Require.Text(acknowledgedBy, "Who at the vendor acknowledged it", TechnicalRequirement.MaxAcknowledgedByLength),
            Require.UserId(recordedById, "The person recording the acknowledgement"),
            now);
    }

    private TechnicalRequirement RequirementOf(Guid requirementId) =>
        _requirements.SingleOrDefault(r => r.Id == requirementId)
        ?? throw new DomainException("That requirement is not on this engagement.");
}
