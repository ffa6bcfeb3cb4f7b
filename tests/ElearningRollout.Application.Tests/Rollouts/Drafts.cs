using ElearningRollout.Application.Risks;
using ElearningRollout.Application.Rollouts;
using ElearningRollout.Domain.Risks;
using ElearningRollout.Domain.Rollouts;

namespace ElearningRollout.Application.Tests.Rollouts;

/// <summary>Valid form input, to be spoiled one field at a time by the tests.</summary>
internal static class Drafts
{
    public static RolloutDraft Rollout(string title = "Dealer certification academy") => new()
    {
        Title = title,
        Summary = "Certify dealer technicians online.",
        BusinessCase = "Fewer warranty claims.",
        Audiences = Audiences.Dealers,
        EstimatedLearners = 4000,
        PeakConcurrentLearners = 200,
        AccessChannels = AccessChannels.PublicInternet | AccessChannels.MobileByod,
        HostingModel = HostingModel.VendorHostedSaas,
        Integrations = Integrations.Sso,
        ContentSource = ContentSource.InHouse,
        StartDate = new DateOnly(2026, 12, 1),
        TargetGoLive = new DateOnly(2027, 6, 1),
        PilotCohortName = "IT staff first",
        PilotCohortSize = 25,
        PilotStart = new DateOnly(2027, 3, 1),
        PilotEnd = new DateOnly(2027, 3, 31),
    };

    public static RiskDraft Risk(string owningDepartment = "IT") => new()
    {
        Type = RiskEntryType.Risk,
        Title = "Course media overloading the network",
        Description = "Video-heavy modules at 8:00 on Mondays.",
        OwningDepartment = owningDepartment,
        Severity = RiskSeverity.High,
        Likelihood = RiskLikelihood.Likely,
    };
}
