using ElearningRollout.Application.Common;

namespace ElearningRollout.Application.Risks;

/// <summary>The risks and issues log of a rollout: where Training-IT conflicts are raised and closed.</summary>
public sealed partial class RiskLog
{
    public Task<Page<RiskRow>> ListAsync(string rolloutCode, RiskListQuery query, PageRequest page, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task RaiseAsync(string rolloutCode, RiskDraft draft, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Resolve, Accept and Close take <paramref name="text"/> (the resolution or rationale).</summary>
    public Task ChangeStatusAsync(Guid riskId, RiskAction action, string? text, Guid expectedVersion, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task<IReadOnlyList<string>> DepartmentNamesAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();
}
