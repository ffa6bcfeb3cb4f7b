using ElearningRollout.Application.Gates;
using ElearningRollout.Domain.Common;
using Microsoft.Extensions.DependencyInjection;

namespace ElearningRollout.Application.Tests.Infrastructure;

/// <summary>A second "circuit" on the same database with its own fixed actor, for races between two people.</summary>
internal sealed class SqliteTestDatabaseActorScope
{
    public SqliteTestDatabaseActorScope(SqliteTestDatabase database, Actor actor)
    {
        var me = new TestActor();
        me.PlayAs(actor);
        // Its own scope, as a circuit has; the commands are built with this actor instead of the shared test actor.
        var scope = database.Services.CreateScope();
        Commands = ActivatorUtilities.CreateInstance<GateCommands>(scope.ServiceProvider, me);
    }

    public GateCommands Commands { get; }
}
