using ElearningRollout.Application.Common;

namespace ElearningRollout.Application.Rollouts;

/// <summary>Reads for the rollout screens: the grid, one rollout, its history, and the people to pick from.</summary>
public sealed partial class RolloutCatalog
{
    public Task<Page<RolloutListRow>> ListAsync(RolloutListQuery query, PageRequest page, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Null when no rollout has that code.</summary>
    public Task<RolloutDetails?> GetAsync(string code, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task<Page<RolloutHistoryEntry>> HistoryAsync(string code, PageRequest page, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task<RolloutPeopleChoices> PeopleChoicesAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Whether the signed-in person may create rollouts (training managers and administrators).</summary>
    public Task<bool> CanCreateAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();
}
