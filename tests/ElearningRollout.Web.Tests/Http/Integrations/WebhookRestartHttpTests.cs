using ElearningRollout.Application.Common;
using ElearningRollout.Application.Identity;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Application.Rollouts;
using ElearningRollout.Application.Webhooks;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Rollouts;
using ElearningRollout.Tests.Shared;
using ElearningRollout.Tests.Shared.Webhooks;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElearningRollout.Web.Tests.Http.Integrations;

/// <summary>
/// The whole app stopped between the save and the delivery: the event waits in the outbox of the database and the
/// next start sends it, once.
/// </summary>
public sealed class WebhookRestartHttpTests
{
    [Fact]
    public async Task An_event_saved_before_the_app_stopped_is_delivered_after_it_starts_again()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var database = Path.Combine(Path.GetTempPath(), $"elr-web-{Guid.NewGuid():N}.db");
        string code;
        var actor = new SwitchableActor();

        // First run: its sender's first pass is an hour away, so the app stops before it sends anything.
        await using (var first = new ProductAppFactory { DatabasePath = database, KeepDatabase = true, Settings = { ["Integrations:WebhookSendSeconds"] = "3600", ["Integrations:AllowPrivateWebhookAddresses"] = "true" } })
        await using (var app = first.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddScoped<ICurrentActor>(_ => actor))))
        {
            _ = app.Server;
            await using var scope = app.Services.CreateAsyncScope();
            actor.Current = await ActorAsync(scope.ServiceProvider, DemoLogins.Admin);
            await scope.ServiceProvider.GetRequiredService<WebhookCommands>().CreateAsync(new WebhookEndpointDraft
            {
                Name = "Receiver", Url = receiver.Url, Events = [WebhookEvents.RolloutCreated],
            });
            actor.Current = await ActorAsync(scope.ServiceProvider, DemoLogins.Training);
            code = await scope.ServiceProvider.GetRequiredService<RolloutCommands>().CreateAsync(new RolloutDraft
            {
                Title = "Restart academy", Summary = "Survives a restart.", BusinessCase = "Nothing lost.", Audiences = Audiences.Dealers,
                EstimatedLearners = 100, PeakConcurrentLearners = 10, AccessChannels = AccessChannels.PublicInternet,
                HostingModel = HostingModel.VendorHostedSaas, Integrations = ElearningRollout.Domain.Rollouts.Integrations.Sso, ContentSource = ContentSource.InHouse,
                StartDate = new DateOnly(2027, 1, 4), TargetGoLive = new DateOnly(2027, 6, 1),
            });
        }

        Assert.Empty(receiver.Received);

        // Second run over the same database: its sender finds the message and delivers it.
        await using (var second = new ProductAppFactory { DatabasePath = database, Settings = { ["Integrations:WebhookSendSeconds"] = "1", ["Integrations:AllowPrivateWebhookAddresses"] = "true" } })
        {
            _ = second.Server;
            await receiver.WaitForAsync(1);
            await using var scope = second.Services.CreateAsyncScope();
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ElearningRolloutDbContext>>().CreateDbContextAsync();
            var message = await db.WebhookMessages.SingleAsync();
            Assert.Equal(WebhookEvents.RolloutCreated, message.EventType);
            Assert.Contains(code, Assert.Single(receiver.Received).Body, StringComparison.Ordinal);
        }
    }

    private static async Task<Actor> ActorAsync(IServiceProvider services, string email)
    {
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        await using var db = await services.GetRequiredService<IDbContextFactory<ElearningRolloutDbContext>>().CreateDbContextAsync();
        var department = await db.Departments.Where(d => d.Id == user.DepartmentId).Select(d => d.Name).SingleAsync();
        return new Actor(user.Id, user.DisplayName, department, (await users.GetRolesAsync(user)).ToHashSet());
    }

    private sealed class SwitchableActor : ICurrentActor
    {
        public Actor? Current { get; set; }

        public Task<Actor?> GetAsync(CancellationToken cancellationToken = default) => Task.FromResult(Current);
    }
}
