using ElearningRollout.Domain.CostSharing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElearningRollout.Application.Persistence.Configurations;

internal sealed class AgreementCommentConfiguration : IEntityTypeConfiguration<AgreementComment>
{
    public void Configure(EntityTypeBuilder<AgreementComment> builder)
    {
        builder.ToTable("AgreementComments");
        builder.HasKey(c => c.Id);
        builder.HasOne<CostSharingAgreement>().WithMany().HasForeignKey(c => c.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.AuthorId).HasMaxLength(ColumnLengths.UserId).IsRequired();
        builder.Property(c => c.Text).HasMaxLength(AgreementComment.MaxTextLength).IsRequired();
        builder.HasIndex(c => c.AgreementId);
    }
}
