using ElearningRollout.Domain.Gates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElearningRollout.Application.Persistence.Configurations;

internal sealed class ReviewerAbsenceConfiguration : IEntityTypeConfiguration<ReviewerAbsence>
{
    public void Configure(EntityTypeBuilder<ReviewerAbsence> builder)
    {
        builder.ToTable("ReviewerAbsences");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.ReviewerId).HasMaxLength(ColumnLengths.UserId).IsRequired();
        builder.Property(a => a.StandInId).HasMaxLength(ColumnLengths.UserId).IsRequired();
        builder.HasIndex(a => new { a.ReviewerId, a.Until });
        builder.Property(a => a.Version).IsConcurrencyToken();
    }
}
