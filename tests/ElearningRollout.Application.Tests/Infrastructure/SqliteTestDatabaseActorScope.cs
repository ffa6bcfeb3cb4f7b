using ElearningRollout.Application.Common;
using ElearningRollout.Application.Common.Edits;
using ElearningRollout.Application.Gates;
using ElearningRollout.Domain.Common;
using Microsoft.Extensions.DependencyInjection;

namespace ElearningRollout.Application.Tests.Infrastructure;

/// <summary>A second "circuit" on the same database with its own fixed actor, for races between two people.</summary>
internal sealed class SqliteTestDatabaseActorScope
{
    private readonly IServiceScope _scope;
    private readonly TestActor _me = new();

    public SqliteTestDatabaseActorScope(SqliteTestDatabase database, Actor actor)
    {
        _me.PlayAs(actor);
        // Its own scope, as a circuit has; use cases are built with this actor instead of the shared test actor.
        _scope = database.Services.CreateScope();
        Actor = actor;
        Commands = Get<GateCommands>();
    }

    public Actor Actor { get; }

    public GateCommands Commands { get; }

    /// <summary>A use case acting as this scope's person: it, and the edit pipeline it changes things through, ask this scope's actor.</summary>
    public T Get<T>() where T : notnull
    {
        var parameters = typeof(T).GetConstructors().Single().GetParameters().Select(p => p.ParameterType).ToList();
        var arguments = new List<object>();
        if (parameters.Contains(typeof(ICurrentActor)))
        {
            arguments.Add(_me);
        }

        if (parameters.Contains(typeof(EditPipeline)))
        {
            arguments.Add(ActivatorUtilities.CreateInstance<EditPipeline>(_scope.ServiceProvider, _me));
        }

        return ActivatorUtilities.CreateInstance<T>(_scope.ServiceProvider, [.. arguments]);
    }
}
