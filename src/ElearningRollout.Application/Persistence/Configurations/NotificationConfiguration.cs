using ElearningRollout.Application.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElearningRollout.Application.Persistence.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedOnAdd();
        builder.Property(n => n.UserId).HasMaxLength(ColumnLengths.UserId).IsRequired();
        builder.Property(n => n.Title).HasMaxLength(400).IsRequired();
        builder.Property(n => n.Link).HasMaxLength(400).IsRequired();
        builder.Property(n => n.DedupKey).HasMaxLength(200);
        builder.HasIndex(n => new { n.UserId, n.ReadAt });
        builder.HasIndex(n => n.DedupKey).IsUnique();
    }
}
