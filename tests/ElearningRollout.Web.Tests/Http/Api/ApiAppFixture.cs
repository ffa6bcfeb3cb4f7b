using ElearningRollout.Tests.Shared;

namespace ElearningRollout.Web.Tests.Http.Api;

/// <summary>One real app (Development, demo data) shared by the API tests of a class; each test makes its own tokens and rollouts.</summary>
public sealed class ApiAppFixture : IAsyncLifetime
{
    public ProductAppFactory App { get; } = new();

    public Task InitializeAsync()
    {
        _ = App.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
