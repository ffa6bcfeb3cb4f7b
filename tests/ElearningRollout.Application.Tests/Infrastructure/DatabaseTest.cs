namespace ElearningRollout.Application.Tests.Infrastructure;

/// <summary>A fresh SQLite database for each test (xunit makes one instance of the class per test), removed afterwards.</summary>
public abstract class DatabaseTest : IAsyncLifetime
{
    internal SqliteTestDatabase Database { get; } = new();

    public virtual Task InitializeAsync() => Database.InitializeAsync();

    public Task DisposeAsync() => Database.DisposeAsync();
}
