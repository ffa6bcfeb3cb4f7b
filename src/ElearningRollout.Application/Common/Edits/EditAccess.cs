namespace ElearningRollout.Application.Common.Edits;

/// <summary>
/// Who may make a kind of change: a check that throws <see cref="AccessRefusedException"/> (one of the *Access rules),
/// run by the pipeline so that every refusal is audited. A change to something that belongs to a closed or cancelled
/// rollout is refused after it, unless <see cref="AlsoOnClosedRollout"/> says the change is still allowed there.
/// </summary>
public sealed record EditAccess<TEdit>(Action<TEdit> Ensure)
{
    /// <summary>Allowed on a closed or cancelled rollout too (e.g. a late invoice recorded as actual spend).</summary>
    public bool AlsoOnClosedRollout { get; init; }

    public static implicit operator EditAccess<TEdit>(Action<TEdit> ensure) => new(ensure);
}
