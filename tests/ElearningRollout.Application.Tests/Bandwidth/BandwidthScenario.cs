using ElearningRollout.Application.Bandwidth;
using ElearningRollout.Application.Tests.Security;
using ElearningRollout.Domain.Bandwidth;
using ElearningRollout.Domain.Gates;

namespace ElearningRollout.Application.Tests.Bandwidth;

/// <summary>Bandwidth plans for the cross-cutting tests (permission matrix, races): made by the rollout's owner through the real use cases.</summary>
internal static class BandwidthScenario
{
    public static BandwidthPlanDraft Plan(int share = 70) => new()
    {
        AllowedSharePercent = share,
        Sites = [new BandwidthSiteDraft { Name = "Head office", Learners = 500, PeakOnlinePercent = 20, LinkMbps = 50m, Media = CourseMedia.Video, VideoKbps = 1_000 }],
    };

    public sealed record PlanRef(string Code, Guid GateId, Guid Version, LaunchWavesDraft Waves);

    /// <summary>A fresh rollout with a saved plan (as its owner) and the waves suggested for it.</summary>
    public static async Task<PlanRef> PlannedRolloutAsync(PermissionScenario s)
    {
        var rollout = await s.RolloutAsync();
        var gate = await s.GateAsync(rollout, GateKind.InfrastructureAndNetwork);
        await s.Get<BandwidthPlanCommands>().SaveAsync(rollout.Code, Plan(), null);
        var waves = await s.Get<BandwidthPlanQueries>().SuggestWavesAsync(rollout.Code, new WaveSuggestionDraft { FirstWaveStartsOn = new DateOnly(2026, 12, 1), DaysBetweenWaves = 7 });
        var version = (await s.Get<BandwidthPlanQueries>().ForGateAsync(gate.Id))!.Plan!.Version;
        return new PlanRef(rollout.Code, gate.Id, version, new LaunchWavesDraft { Waves = waves.ToList() });
    }
}
