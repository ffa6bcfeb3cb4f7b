using ElearningRollout.Application.Dashboard;
using ElearningRollout.Domain.CostSharing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElearningRollout.Application.Persistence.Configurations;

internal sealed class DepartmentMoneySummaryConfiguration : IEntityTypeConfiguration<DepartmentMoneySummary>
{
    public void Configure(EntityTypeBuilder<DepartmentMoneySummary> builder)
    {
        builder.ToTable("DepartmentMoneySummaries");
        builder.HasKey(s => new { s.AgreementId, s.Department, s.Currency });
        builder.Property(s => s.Department).HasMaxLength(ColumnLengths.DepartmentName);
        builder.Property(s => s.Currency).HasMaxLength(ColumnLengths.CurrencyCode);

        // No foreign key to the rollout: SQL Server refuses a second cascade path (rollout -> agreement -> summary).
        builder.HasOne<CostSharingAgreement>().WithMany().HasForeignKey(s => s.AgreementId).OnDelete(DeleteBehavior.Cascade);

        // The dashboard sums the rows of the active rollouts; the index covers that read without touching the table.
        builder.HasIndex(s => new { s.RolloutId, s.Department, s.Currency, s.CommittedCents, s.ActualCents });
    }
}
