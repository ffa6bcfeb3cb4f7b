using ElearningRollout.Domain.Risks;
using ElearningRollout.Domain.Rollouts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElearningRollout.Application.Persistence.Configurations;

internal sealed class RiskEntryConfiguration : IEntityTypeConfiguration<RiskEntry>
{
    public void Configure(EntityTypeBuilder<RiskEntry> builder)
    {
        builder.ToTable("RiskEntries");
        builder.HasKey(r => r.Id);
        builder.HasOne<Rollout>().WithMany().HasForeignKey(r => r.RolloutId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.RolloutId, r.Status });
        builder.Property(r => r.Title).HasMaxLength(RiskEntry.MaxTitleLength).IsRequired();
        builder.Property(r => r.Description).HasMaxLength(RiskEntry.MaxDescriptionLength);
        builder.Property(r => r.Resolution).HasMaxLength(RiskEntry.MaxResolutionLength);
        builder.Property(r => r.RaisedByDepartment).HasMaxLength(RiskEntry.MaxDepartmentLength).IsRequired();
        builder.Property(r => r.OwningDepartment).HasMaxLength(RiskEntry.MaxDepartmentLength).IsRequired();
        builder.Property(r => r.RaisedById).HasMaxLength(ColumnLengths.UserId);
        builder.Property(r => r.OwnerId).HasMaxLength(ColumnLengths.UserId);
        builder.Property(r => r.Version).IsConcurrencyToken();
    }
}
