using ElearningRollout.Domain.Rollouts;
using ElearningRollout.Domain.Vendors;
using ElearningRollout.Domain.Vendors.Selection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElearningRollout.Application.Persistence.Configurations;

internal sealed class VendorSelectionConfiguration : IEntityTypeConfiguration<VendorSelection>
{
    public void Configure(EntityTypeBuilder<VendorSelection> builder)
    {
        builder.ToTable("VendorSelections");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();

        // One selection per rollout: the page /rollouts/{code}/vendor-selection is that selection.
        builder.HasOne<Rollout>().WithMany().HasForeignKey(s => s.RolloutId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.RolloutId).IsUnique();
        builder.HasOne<Vendor>().WithMany().HasForeignKey(s => s.WinnerVendorId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.StartedById).HasMaxLength(ColumnLengths.UserId);
        builder.Property(s => s.DecidedById).HasMaxLength(ColumnLengths.UserId);
        builder.Property(s => s.Version).IsConcurrencyToken();

        builder.OwnsMany(s => s.Criteria, criterion =>
        {
            criterion.ToTable("SelectionCriteria");
            criterion.WithOwner().HasForeignKey("SelectionId");
            criterion.HasKey(c => c.Id);
            criterion.Property(c => c.Id).ValueGeneratedNever();
            criterion.Property(c => c.Name).HasMaxLength(WeightedCriteria.MaxNameLength).IsRequired();
        });
        builder.Navigation(s => s.Criteria).HasField("_criteria");

        builder.OwnsMany(s => s.Candidates, candidate =>
        {
            candidate.ToTable("SelectionCandidates");
            candidate.WithOwner().HasForeignKey("SelectionId");
            candidate.HasKey(c => c.Id);
            candidate.Property(c => c.Id).ValueGeneratedNever();
            candidate.HasOne<Vendor>().WithMany().HasForeignKey(c => c.VendorId).OnDelete(DeleteBehavior.Restrict);
            candidate.HasIndex("SelectionId", nameof(SelectionCandidate.VendorId)).IsUnique();
        });
        builder.Navigation(s => s.Candidates).HasField("_candidates");

        builder.OwnsMany(s => s.Evaluators, evaluator =>
        {
            evaluator.ToTable("SelectionEvaluators");
            evaluator.WithOwner().HasForeignKey("SelectionId");
            evaluator.HasKey(e => e.Id);
            evaluator.Property(e => e.Id).ValueGeneratedNever();
            evaluator.Property(e => e.EvaluatorId).HasMaxLength(ColumnLengths.UserId);
            evaluator.HasIndex("SelectionId", nameof(SelectionEvaluator.EvaluatorId)).IsUnique();
        });
        builder.Navigation(s => s.Evaluators).HasField("_evaluators");

        // The unique index is the last line of defence against an evaluator's double-click inserting a score twice.
        builder.OwnsMany(s => s.Scores, score =>
        {
            score.ToTable("CandidateScores");
            score.WithOwner().HasForeignKey("SelectionId");
            score.HasKey(c => c.Id);
            score.Property(c => c.Id).ValueGeneratedNever();
            score.Property(c => c.EvaluatorId).HasMaxLength(ColumnLengths.UserId);
            score.HasIndex("SelectionId", nameof(CandidateScore.EvaluatorId), nameof(CandidateScore.VendorId), nameof(CandidateScore.CriterionId)).IsUnique();
        });
        builder.Navigation(s => s.Scores).HasField("_scores");
    }
}
