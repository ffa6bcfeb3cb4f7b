using ElearningRollout.Domain.Gates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElearningRollout.Application.Persistence.Configurations;

internal sealed class GateCommentConfiguration : IEntityTypeConfiguration<GateComment>
{
    public void Configure(EntityTypeBuilder<GateComment> builder)
    {
        builder.ToTable("GateComments");
        builder.HasKey(c => c.Id);
        builder.HasOne<ClearanceGate>().WithMany().HasForeignKey(c => c.GateId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.AuthorId).HasMaxLength(ColumnLengths.UserId).IsRequired();
        builder.Property(c => c.Text).HasMaxLength(GateComment.MaxTextLength).IsRequired();
        builder.HasIndex(c => c.GateId);
    }
}
