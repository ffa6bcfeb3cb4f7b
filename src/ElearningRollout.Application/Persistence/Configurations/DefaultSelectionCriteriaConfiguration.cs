using ElearningRollout.Domain.Vendors.Selection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElearningRollout.Application.Persistence.Configurations;

internal sealed class DefaultSelectionCriteriaConfiguration : IEntityTypeConfiguration<DefaultSelectionCriteria>
{
    public void Configure(EntityTypeBuilder<DefaultSelectionCriteria> builder)
    {
        builder.ToTable("DefaultSelectionCriteriaSets");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Version).IsConcurrencyToken();

        builder.OwnsMany(d => d.Criteria, criterion =>
        {
            criterion.ToTable("DefaultSelectionCriteria");
            criterion.WithOwner().HasForeignKey("SetId");
            criterion.HasKey(c => c.Id);
            criterion.Property(c => c.Id).ValueGeneratedNever();
            criterion.Property(c => c.Name).HasMaxLength(WeightedCriteria.MaxNameLength).IsRequired();
        });
        builder.Navigation(d => d.Criteria).HasField("_criteria");
    }
}
