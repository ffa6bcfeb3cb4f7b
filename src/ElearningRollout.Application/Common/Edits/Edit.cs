using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Common;

namespace ElearningRollout.Application.Common.Edits;

/// <summary>One operation in progress: its context, the person acting and the moment it happens.</summary>
public class EditContext
{
    internal EditPipeline Pipeline { get; }

    internal EditContext(ElearningRolloutDbContext db, Actor actor, DateTimeOffset now, EditPipeline pipeline)
    {
        Db = db;
        Actor = actor;
        Now = now;
        Pipeline = pipeline;
    }

    public ElearningRolloutDbContext Db { get; }

    public Actor Actor { get; }

    public DateTimeOffset Now { get; }

    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    /// <summary>Validates a form with its own validator and its server rules; failures become field messages.</summary>
    public Task EnsureValidAsync<TDraft>(TDraft draft, CancellationToken cancellationToken) => Pipeline.EnsureValidAsync(draft, this, cancellationToken);
}

/// <summary>
/// A change of one aggregate in progress: the aggregate as loaded (tracked) and, when it belongs to a rollout, that
/// rollout's facts.
/// </summary>
public sealed class Edit<T> : EditContext
    where T : class, IAggregateRoot
{
    private readonly RolloutFacts? rollout;

    internal Edit(ElearningRolloutDbContext db, Actor actor, DateTimeOffset now, T aggregate, RolloutFacts? rollout, EditPipeline pipeline)
        : base(db, actor, now, pipeline)
    {
        Aggregate = aggregate;
        this.rollout = rollout;
    }

    public T Aggregate { get; }

    /// <summary>The rollout the aggregate belongs to; only for aggregates that belong to one.</summary>
    public RolloutFacts Rollout => rollout ?? throw new InvalidOperationException($"{typeof(T).Name} does not belong to a rollout.");
}

/// <summary>Something added to a rollout (a risk, its agreement, an engagement): the rollout's facts are known.</summary>
public sealed class RolloutEdit : EditContext
{
    internal RolloutEdit(ElearningRolloutDbContext db, Actor actor, DateTimeOffset now, RolloutFacts rollout, EditPipeline pipeline)
        : base(db, actor, now, pipeline) => Rollout = rollout;

    public RolloutFacts Rollout { get; }

    /// <summary>The same operation, seen as an addition to the rollout of the aggregate being changed (choosing a winner proposes an engagement).</summary>
    public static RolloutEdit Of<T>(Edit<T> edit) where T : class, IAggregateRoot
        => new(edit.Db, edit.Actor, edit.Now, edit.Rollout, edit.Pipeline);
}
