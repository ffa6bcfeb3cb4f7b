using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Common;

namespace ElearningRollout.Application.Common.Edits;

/// <summary>
/// What a command changes, described once per aggregate in its feature folder: what people call it (for conflict and
/// closed-rollout messages), how one is found (throwing <see cref="NotFoundException"/> with a message for the person
/// when it is not there), and how a conflict names who saved first.
/// </summary>
/// <param name="What">The aggregate in the person's words, singular: "clearance gate".</param>
/// <param name="Load">Finds the aggregate, tracked, in the operation's context; throws NotFoundException when absent.</param>
internal sealed record EditTarget<T>(string What, Func<ElearningRolloutDbContext, CancellationToken, Task<T>> Load)
    where T : class, IAggregateRoot
{
    /// <summary>Which audit entries count as changes of this aggregate, to name the last person; by default the root's own.</summary>
    public Func<T, ConcurrencyGuard>? Guard { get; init; }

    /// <summary>How a refusal on a closed rollout names what would have changed; "its {What}s" by default.</summary>
    public string? OfClosedRollout { get; init; }

    internal ConcurrencyGuard GuardFor(T aggregate) => Guard?.Invoke(aggregate) ?? ConcurrencyGuard.ForEntity(What, aggregate.Id);

    internal string ClosedPhrase => OfClosedRollout ?? $"its {What}s";
}
