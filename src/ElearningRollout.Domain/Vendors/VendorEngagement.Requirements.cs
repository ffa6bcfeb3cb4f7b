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
            _requirements.Count + 1);
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
        for (var i = 0; i < _requirements.Count; i++)
        {
            _requirements[i].Renumber(i + 1);
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
