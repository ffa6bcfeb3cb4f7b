using ElearningRollout.Application.Persistence;
using ElearningRollout.Application.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElearningRollout.Application.Tests.SqlServer;

/// <summary>
/// The application's services as the web host builds them for SQL Server (provider, migrations assembly, retrying
/// execution strategy, the application's own interceptors), with the <see cref="SqlServerRecorder"/> in place of a server.
/// The person and the clock are the SQLite test database's, so a scenario arranged there can act here.
/// </summary>
internal sealed class SqlServerServices : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly AsyncServiceScope _scope;

    public SqlServerServices(SqliteTestDatabase database, bool oneRowEach = false)
    {
        Recorder = new SqlServerRecorder(oneRowEach);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDataProtection();
        services.AddSingleton<TimeProvider>(database.Clock);
        services.AddDbContextFactory<ElearningRolloutDbContext>((provider, o) => SqlServerModel.Configure(o
            .UseElearningRolloutInterceptors(provider)
            .AddInterceptors(Recorder)));
        services.AddElearningRolloutApplication();
        services.AddElearningRolloutIdentityStores();
        services.AddSingleton<Common.ICurrentActor>(database.Actor);
        _services = services.BuildServiceProvider(validateScopes: true);
        _scope = _services.CreateAsyncScope();
    }

    public SqlServerRecorder Recorder { get; }

    /// <summary>One long-lived scope, as a Blazor circuit holds its services.</summary>
    public IServiceProvider Scoped => _scope.ServiceProvider;

    public IServiceProvider Root => _services;

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _services.DisposeAsync();
    }
}
