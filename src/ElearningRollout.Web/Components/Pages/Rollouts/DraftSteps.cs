using ElearningRollout.Application.Rollouts;

namespace ElearningRollout.Web.Components.Pages.Rollouts;

/// <summary>The steps of the new-rollout form and which fields of <see cref="RolloutDraft"/> each one holds.</summary>
public static class DraftSteps
{
    public const int Review = 4;

    public static readonly IReadOnlyList<string> Titles =
        ["Basics", "Audiences and reach", "Hosting and integrations", "Pilot cohort", "Review and create"];

    private static readonly string[][] _members =
    [
        [
            nameof(RolloutDraft.Title), nameof(RolloutDraft.Summary), nameof(RolloutDraft.BusinessCase), nameof(RolloutDraft.StartDate),
            nameof(RolloutDraft.TargetGoLive), nameof(RolloutDraft.TrainingOwnerId), nameof(RolloutDraft.ItLiaisonId),
            nameof(RolloutDraft.ExecutiveSponsorId),
        ],
        [
            nameof(RolloutDraft.Audiences), nameof(RolloutDraft.EstimatedLearners), nameof(RolloutDraft.PeakConcurrentLearners),
            nameof(RolloutDraft.AccessChannels),
        ],
        [nameof(RolloutDraft.HostingModel), nameof(RolloutDraft.Integrations), nameof(RolloutDraft.ContentSource)],
        [nameof(RolloutDraft.PilotCohortName), nameof(RolloutDraft.PilotCohortSize), nameof(RolloutDraft.PilotStart), nameof(RolloutDraft.PilotEnd)],
    ];

    public const string NoStepBefore = "This is the first step: there is no step before it.";

    /// <summary>Why a step's button is disabled: steps open in order, each once the steps before it are valid.</summary>
    public static string NotReachedYet(int step)
        => $"Complete the steps before “{Titles[step]}” first: each step opens once the one before it is filled in and valid.";

    // Checkbox groups over flags are not MudForm fields, so the step validates them itself.
    private static readonly string[] _groups =
        [nameof(RolloutDraft.Audiences), nameof(RolloutDraft.AccessChannels), nameof(RolloutDraft.Integrations)];

    public static IEnumerable<string> GroupMembers(int step) =>
        step < _members.Length ? _members[step].Intersect(_groups) : [];

    /// <summary>The first step holding a field named in the errors; the review step when no field matches.</summary>
    public static int FirstStepWithError(IEnumerable<string> keys)
    {
        var set = keys.ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var step = 0; step < _members.Length; step++)
        {
            if (_members[step].Any(set.Contains))
            {
                return step;
            }
        }

        return Review;
    }
}
