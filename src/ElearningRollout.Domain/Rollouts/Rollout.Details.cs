using ElearningRollout.Domain.Common;

namespace ElearningRollout.Domain.Rollouts;

/// <summary>Editing the facts about a rollout. Every edit is refused once the rollout is final.</summary>
public sealed partial class Rollout
{
    public void Describe(string title, string? summary, string? businessCase)
    {
        EnsureNotFinal();
        Title = Require.Text(title, "The title", MaxTitleLength);
        Summary = Require.OptionalText(summary, "The summary", MaxSummaryLength) ?? "";
        BusinessCase = Require.OptionalText(businessCase, "The business case", MaxBusinessCaseLength) ?? "";
    }

    public void AssignPeople(string trainingOwnerId, string? itLiaisonId, string? executiveSponsorId)
    {
        EnsureNotFinal();
        TrainingOwnerId = Require.UserId(trainingOwnerId, "The training owner");
        ItLiaisonId = Require.OptionalUserId(itLiaisonId, "The IT liaison");
        ExecutiveSponsorId = Require.OptionalUserId(executiveSponsorId, "The executive sponsor");
    }

    /// <summary>Peak concurrent learners drive IT's bandwidth and capacity estimates.</summary>
    public void ChangeAudiences(Audiences audiences, int estimatedLearners, int peakConcurrentLearners)
    {
        EnsureNotFinal();
        if (audiences == Audiences.None)
        {
            throw new DomainException("Choose at least one audience.");
        }

        if (estimatedLearners < 0 || peakConcurrentLearners < 0)
        {
            throw new DomainException("The number of learners cannot be negative.");
        }

        if (peakConcurrentLearners > estimatedLearners)
        {
            throw new DomainException("Peak concurrent learners cannot exceed the estimated number of learners.");
        }

        Audiences = audiences;
        EstimatedLearners = estimatedLearners;
        PeakConcurrentLearners = peakConcurrentLearners;
    }

    public void ChangeAccessChannels(AccessChannels accessChannels)
    {
        EnsureNotFinal();
        if (accessChannels == AccessChannels.None)
        {
            throw new DomainException("Choose at least one way learners reach the platform.");
        }

        AccessChannels = accessChannels;
    }

    /// <summary>
    /// Re-derives <see cref="Profile"/> and vendor involvement. The caller then asks
    /// <see cref="Gates.RolloutGatePlanner"/> which gates to add and which no longer apply.
    /// </summary>
    public void ChangeHostingAndIntegrations(HostingModel hostingModel, Integrations integrations, ContentSource contentSource)
    {
        EnsureNotFinal();
        HostingModel = hostingModel;
        Integrations = integrations;
        ContentSource = contentSource;
    }

    /// <summary>Null removes the cohort.</summary>
    public void ChangePilotCohort(PilotCohort? pilotCohort)
    {
        EnsureNotFinal();
        PilotCohort = pilotCohort;
    }

    public void Reschedule(DateOnly startDate, DateOnly targetGoLive)
    {
        EnsureNotFinal();
        EnsureScheduleIsPossible(startDate, targetGoLive);
        StartDate = startDate;
        TargetGoLive = targetGoLive;
    }
}
