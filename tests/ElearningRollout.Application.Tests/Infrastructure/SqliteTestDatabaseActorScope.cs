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
        Commands = ActivatorUtilities.CreateInstance<GateCommands>(database.Services, me);
    }

    public GateCommands Commands { get; }
}
