using ElearningRollout.Application.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElearningRollout.Application.Persistence;

public static class DbContextOptionsExtensions
{
    /// <summary>What every context needs whatever the provider: the audit trail and version interceptor.</summary>
    public static DbContextOptionsBuilder UseElearningRolloutInterceptors(this DbContextOptionsBuilder options, IServiceProvider services)
        => options.AddInterceptors(
            services.GetRequiredService<AuditTrailInterceptor>(),
            services.GetRequiredService<Notifications.NotificationSignalInterceptor>(),
            services.GetRequiredService<Webhooks.WebhookOutboxInterceptor>());
}
