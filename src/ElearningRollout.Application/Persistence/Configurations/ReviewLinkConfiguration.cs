using ElearningRollout.Application.Gates.ReviewLinks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElearningRollout.Application.Persistence.Configurations;

internal sealed class ReviewLinkConfiguration : IEntityTypeConfiguration<ReviewLink>
{
    public void Configure(EntityTypeBuilder<ReviewLink> builder)
    {
        builder.ToTable("ReviewLinks");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.RecipientId).HasMaxLength(ColumnLengths.UserId).IsRequired();
        // Two opens at the same moment: the UPDATE of the second finds UsedAt already set and is refused.
        builder.Property(l => l.UsedAt).IsConcurrencyToken();
        builder.HasIndex(l => l.GateId);
    }
}
