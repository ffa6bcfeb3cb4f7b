using ElearningRollout.Domain.Rollouts;

namespace ElearningRollout.Application.Rollouts;

/// <summary>
/// What a person types to create or edit a rollout: the form model of /rollouts/new and of the edit dialog.
/// Validated by <see cref="RolloutDraftValidator"/> in the form and again on the server.
/// </summary>
public sealed class RolloutDraft
{
    public string Title { get; set; } = "";

    public string Summary { get; set; } = "";

    public string BusinessCase { get; set; } = "";

    /// <summary>Empty when creating: the training manager who creates it owns it.</summary>
    public string? TrainingOwnerId { get; set; }

    public string? ItLiaisonId { get; set; }

    public string? ExecutiveSponsorId { get; set; }

    public Audiences Audiences { get; set; }

    public int EstimatedLearners { get; set; }

    public int PeakConcurrentLearners { get; set; }

    public AccessChannels AccessChannels { get; set; }

    public HostingModel HostingModel { get; set; } = HostingModel.VendorHostedSaas;

    public Integrations Integrations { get; set; }

    public ContentSource ContentSource { get; set; } = ContentSource.InHouse;

    public string PilotCohortName { get; set; } = "";

    public int? PilotCohortSize { get; set; }

    public DateOnly? PilotStart { get; set; }

    public DateOnly? PilotEnd { get; set; }

    public DateOnly? StartDate { get; set; }

    public DateOnly? TargetGoLive { get; set; }

    public RolloutDraft Copy() => (RolloutDraft)MemberwiseClone();
}
