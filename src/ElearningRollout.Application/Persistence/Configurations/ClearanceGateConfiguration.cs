using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Rollouts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElearningRollout.Application.Persistence.Configurations;

internal sealed class ClearanceGateConfiguration : IEntityTypeConfiguration<ClearanceGate>
{
    public void Configure(EntityTypeBuilder<ClearanceGate> builder)
    {
        builder.ToTable("ClearanceGates");
        builder.HasKey(g => g.Id);
            builder.Property(g => g.Id).ValueGeneratedNever();
        builder.HasOne<Rollout>().WithMany().HasForeignKey(g => g.RolloutId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(g => new { g.RolloutId, g.Kind }).IsUnique();
        builder.HasIndex(g => new { g.State, g.DueDate });
        builder.Property(g => g.ReviewerId).HasMaxLength(ColumnLengths.UserId);
        builder.Property(g => g.Version).IsConcurrencyToken();
        builder.Property(g => g.EscalateToId).HasMaxLength(ColumnLengths.UserId);
        builder.Property(g => g.RequiredApprovals).HasDefaultValue(1);
        builder.Property(g => g.DecidingRole).HasMaxLength(ColumnLengths.RoleName);

        builder.OwnsMany(g => g.Checklist, item =>
        {
            item.ToTable("GateChecklistItems");
            item.WithOwner().HasForeignKey("GateId");
            item.HasKey(i => i.Id);
            item.Property(i => i.Id).ValueGeneratedNever();
            item.Property(i => i.Text).HasMaxLength(GateChecklistItem.MaxTextLength).IsRequired();
            item.Property(i => i.Evidence).HasMaxLength(GateChecklistItem.MaxEvidenceLength);
            item.Property(i => i.SetById).HasMaxLength(ColumnLengths.UserId);
        });
        builder.Navigation(g => g.Checklist).HasField("_checklist");

        builder.OwnsMany(g => g.Rounds, round =>
        {
            round.ToTable("GateReviewRounds");
            round.WithOwner().HasForeignKey("GateId");
            round.HasKey(r => r.Id);
            round.Property(r => r.Id).ValueGeneratedNever();
            round.Property(r => r.SubmittedById).HasMaxLength(ColumnLengths.UserId);
            round.Property(r => r.ReviewStartedById).HasMaxLength(ColumnLengths.UserId);
            round.Property(r => r.DecidedById).HasMaxLength(ColumnLengths.UserId);
            round.Property(r => r.Rationale).HasMaxLength(ClearanceGate.MaxRationaleLength);
        });
        builder.Navigation(g => g.Rounds).HasField("_rounds");

        builder.OwnsMany(g => g.Conditions, condition =>
        {
            condition.ToTable("GateConditions");
            condition.WithOwner().HasForeignKey("GateId");
            condition.HasKey(c => c.Id);
            condition.Property(c => c.Id).ValueGeneratedNever();
            condition.Property(c => c.Text).HasMaxLength(GateCondition.MaxTextLength).IsRequired();
            condition.Property(c => c.OwnerId).HasMaxLength(ColumnLengths.UserId).IsRequired();
            condition.Property(c => c.MetById).HasMaxLength(ColumnLengths.UserId);
            condition.Property(c => c.SetById).HasMaxLength(ColumnLengths.UserId);
        });
        builder.Navigation(g => g.Conditions).HasField("_conditions");

        builder.OwnsMany(g => g.Reviews, review =>
        {
            review.ToTable("GateReviews");
            review.WithOwner().HasForeignKey("GateId");
            review.HasKey(r => r.Id);
            review.Property(r => r.Id).ValueGeneratedNever();
            review.Property(r => r.ReviewerId).HasMaxLength(ColumnLengths.UserId);
            review.Property(r => r.GroupName).HasMaxLength(ApprovalPolicy.MaxGroupNameLength);
            review.Property(r => r.DecidedById).HasMaxLength(ColumnLengths.UserId);
            review.Property(r => r.DecidedForId).HasMaxLength(ColumnLengths.UserId);
            review.Property(r => r.ReassignedFromId).HasMaxLength(ColumnLengths.UserId);
            review.Property(r => r.Rationale).HasMaxLength(ClearanceGate.MaxRationaleLength);
            review.HasIndex(r => r.ReviewerId);
        });
        builder.Navigation(g => g.Reviews).HasField("_reviews");
        builder.Ignore(g => g.CurrentReviews);
    }
}
