using ElearningRollout.Domain.CostSharing;
using ElearningRollout.Domain.Rollouts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElearningRollout.Application.Persistence.Configurations;

internal sealed class CostSharingAgreementConfiguration : IEntityTypeConfiguration<CostSharingAgreement>
{
    public void Configure(EntityTypeBuilder<CostSharingAgreement> builder)
    {
        builder.ToTable("CostSharingAgreements");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.HasOne<Rollout>().WithMany().HasForeignKey(a => a.RolloutId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.RolloutId).IsUnique();
        builder.Property(a => a.TrainingSignedById).HasMaxLength(ColumnLengths.UserId);
        builder.Property(a => a.ItSignedById).HasMaxLength(ColumnLengths.UserId);
        builder.Property(a => a.Version).IsConcurrencyToken();

        // Child keys are made by the domain (Guid v7): without ValueGeneratedNever EF would UPDATE a new child.
        builder.OwnsMany(a => a.Lines, line =>
        {
            line.ToTable("CostLines");
            line.WithOwner().HasForeignKey("AgreementId");
            line.HasKey(l => l.Id);
            line.Property(l => l.Id).ValueGeneratedNever();
            line.Property(l => l.Description).HasMaxLength(CostLineTerms.MaxDescriptionLength).IsRequired();
            line.Property(l => l.Amount).HasPrecision(18, 2);
            line.Property(l => l.Currency).HasMaxLength(ColumnLengths.CurrencyCode).IsRequired();
            line.Property(l => l.Split).HasConversion(CostSharingJson.SplitConverter).HasMaxLength(4000).IsRequired();
        });
        builder.Navigation(a => a.Lines).HasField("_lines");

        builder.OwnsMany(a => a.Actuals, spend =>
        {
            spend.ToTable("ActualSpends");
            spend.WithOwner().HasForeignKey("AgreementId");
            spend.HasKey(s => s.Id);
            spend.Property(s => s.Id).ValueGeneratedNever();
            spend.Property(s => s.Amount).HasPrecision(18, 2);
            spend.Property(s => s.Note).HasMaxLength(ActualSpend.MaxNoteLength);
            spend.Property(s => s.RecordedById).HasMaxLength(ColumnLengths.UserId).IsRequired();
            spend.HasIndex(s => s.CostLineId);
        });
        builder.Navigation(a => a.Actuals).HasField("_actuals");

        builder.OwnsMany(a => a.Versions, version =>
        {
            version.ToTable("CostSharingAgreementVersions");
            version.WithOwner().HasForeignKey("AgreementId");
            version.HasKey(v => v.Id);
            version.Property(v => v.Id).ValueGeneratedNever();
            version.HasIndex("AgreementId", nameof(CostSharingAgreementVersion.Number)).IsUnique();
            version.Property(v => v.TrainingSignedById).HasMaxLength(ColumnLengths.UserId).IsRequired();
            version.Property(v => v.ItSignedById).HasMaxLength(ColumnLengths.UserId).IsRequired();
            version.Property(v => v.Lines).HasConversion(CostSharingJson.SnapshotConverter, CostSharingJson.SnapshotComparer).IsRequired();
        });
        builder.Navigation(a => a.Versions).HasField("_versions");
    }
}
