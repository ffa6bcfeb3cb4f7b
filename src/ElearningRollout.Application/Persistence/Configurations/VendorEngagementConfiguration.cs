using ElearningRollout.Domain.CoursePackages;
using ElearningRollout.Domain.Rollouts;
using ElearningRollout.Domain.Vendors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElearningRollout.Application.Persistence.Configurations;

internal sealed class VendorEngagementConfiguration : IEntityTypeConfiguration<VendorEngagement>
{
    public void Configure(EntityTypeBuilder<VendorEngagement> builder)
    {
        builder.ToTable("VendorEngagements");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.HasOne<Rollout>().WithMany().HasForeignKey(e => e.RolloutId).OnDelete(DeleteBehavior.Cascade);

        // A vendor with engagements stays: the engagements are the rollout's record of who did the work.
        builder.HasOne<Vendor>().WithMany().HasForeignKey(e => e.VendorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.VendorId, e.Status });
        builder.Property(e => e.ContractValue).HasPrecision(18, 2);
        builder.Property(e => e.Currency).HasMaxLength(ColumnLengths.CurrencyCode);
        builder.Property(e => e.UptimePercent).HasPrecision(6, 3);
        builder.Property(e => e.TerminationReason).HasMaxLength(VendorEngagement.MaxReasonLength);
        builder.Property(e => e.ProposedById).HasMaxLength(ColumnLengths.UserId);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.Ignore(e => e.Terms);

        builder.OwnsMany(e => e.Requirements, requirement =>
        {
            requirement.ToTable("TechnicalRequirements");
            requirement.WithOwner().HasForeignKey("EngagementId");
            requirement.HasKey(r => r.Id);
            requirement.Property(r => r.Id).ValueGeneratedNever();
            requirement.Property(r => r.Topic).HasMaxLength(TechnicalRequirement.MaxTopicLength).IsRequired();
            requirement.Property(r => r.Text).HasMaxLength(TechnicalRequirement.MaxTextLength).IsRequired();
            requirement.Property(r => r.AcknowledgedBy).HasMaxLength(TechnicalRequirement.MaxAcknowledgedByLength);
            requirement.Property(r => r.AcknowledgementRecordedById).HasMaxLength(ColumnLengths.UserId);
        });
        builder.Navigation(e => e.Requirements).HasField("_requirements");

        builder.OwnsMany(e => e.Deliverables, deliverable =>
        {
            deliverable.ToTable("CourseDeliverables");
            deliverable.WithOwner().HasForeignKey("EngagementId");
            deliverable.HasKey(d => d.Id);
            deliverable.Property(d => d.Id).ValueGeneratedNever();
            deliverable.Property(d => d.SubmissionNote).HasMaxLength(CourseDeliverable.MaxNoteLength);
            deliverable.Property(d => d.RejectionComments).HasMaxLength(CourseDeliverable.MaxNoteLength);
            deliverable.Property(d => d.SubmittedById).HasMaxLength(ColumnLengths.UserId);
            deliverable.Property(d => d.DecidedById).HasMaxLength(ColumnLengths.UserId);
        });
        builder.Navigation(e => e.Deliverables).HasField("_deliverables");

        // A package's report is written once and read whole (the deliverable, the gates' evidence): one JSON column.
        builder.OwnsMany(e => e.PackageChecks, check =>
        {
            check.ToTable("CoursePackageChecks");
            check.WithOwner().HasForeignKey("EngagementId");
            check.HasKey(c => c.Id);
            check.Property(c => c.Id).ValueGeneratedNever();
            check.Property(c => c.FileName).HasMaxLength(CoursePackageCheck.MaxFileNameLength).IsRequired();
            check.Property(c => c.StoredFile).HasMaxLength(CoursePackageCheck.MaxStoredFileLength).IsRequired();
            check.Property(c => c.Sha256).HasMaxLength(64).IsRequired();
            check.Property(c => c.CheckedById).HasMaxLength(ColumnLengths.UserId);
            check.Property(c => c.Report).HasConversion(CoursePackageJson.ReportConverter, CoursePackageJson.ReportComparer).IsRequired();
        });
        builder.Navigation(e => e.PackageChecks).HasField("_packageChecks");
    }
}
