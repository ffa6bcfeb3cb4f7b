using ElearningRollout.Application.CalendarFeeds;
using ElearningRollout.Application.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElearningRollout.Application.Persistence.Configurations;

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> builder)
    {
        builder.ToTable("WebhookEndpoints");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Name).HasMaxLength(WebhookEndpoint.MaxNameLength).IsRequired();
        builder.Property(e => e.Url).HasMaxLength(WebhookEndpoint.MaxUrlLength).IsRequired();
        builder.Property(e => e.Events).HasMaxLength(400).IsRequired();
        builder.Property(e => e.ProtectedSecret).HasMaxLength(1000).IsRequired();
        builder.Property(e => e.ProtectedUrl).HasMaxLength(4000);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.Property(e => e.CreatedBy).HasMaxLength(200).IsRequired();
        builder.Property(e => e.DisabledReason).HasMaxLength(400);
        builder.Ignore(e => e.EventList);
        builder.Ignore(e => e.IsEnabled);
    }
}

internal sealed class WebhookMessageConfiguration : IEntityTypeConfiguration<WebhookMessage>
{
    public void Configure(EntityTypeBuilder<WebhookMessage> builder)
    {
        builder.ToTable("WebhookMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.MessageId).HasMaxLength(40).IsRequired();
        builder.HasIndex(m => m.MessageId).IsUnique();
        builder.Property(m => m.EventType).HasMaxLength(40).IsRequired();
        builder.Property(m => m.Payload).IsRequired();
        builder.Property(m => m.LastResponseExcerpt).HasMaxLength(WebhookMessage.MaxExcerptLength);

        // The holder of a claim writes its result only while the claim is still its own (see WebhookSender).
        builder.Property(m => m.ClaimToken).IsConcurrencyToken();
        builder.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(m => m.EndpointId).OnDelete(DeleteBehavior.Cascade);

        // The sender's question: what is pending and due.
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        builder.HasIndex(m => m.EndpointId);
    }
}

internal sealed class CalendarFeedTokenConfiguration : IEntityTypeConfiguration<CalendarFeedToken>
{
    public void Configure(EntityTypeBuilder<CalendarFeedToken> builder)
    {
        builder.ToTable("CalendarFeedTokens");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.UserId).HasMaxLength(450).IsRequired();
        builder.Property(t => t.SecretHash).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.HasIndex(t => t.SecretHash).IsUnique();
        builder.HasIndex(t => t.UserId);
        builder.HasOne<Identity.ApplicationUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
