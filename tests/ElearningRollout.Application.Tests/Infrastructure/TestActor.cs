using ElearningRollout.Application.Common;
using ElearningRollout.Domain.Common;

namespace ElearningRollout.Application.Tests.Infrastructure;

/// <summary>The person a test plays; switch with <see cref="PlayAs"/>.</summary>
public sealed class TestActor : ICurrentActor
{
    public Actor? Current { get; private set; }

    public void PlayAs(Actor? actor) => Current = actor;

    public Task<Actor?> GetAsync(CancellationToken cancellationToken = default) => Task.FromResult(Current);
}
