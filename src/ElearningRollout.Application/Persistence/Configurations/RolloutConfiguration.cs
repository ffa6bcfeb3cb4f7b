using ElearningRollout.Domain.Rollouts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElearningRollout.Application.Persistence.Configurations;

internal sealed class RolloutConfiguration : IEntityTypeConfiguration<Rollout>
{
    /// <summary>Shadow column: the number behind the code, so "next code" is a MAX over integers, not strings.</summary>
    public const string Sequence = nameof(Sequence);

    /// <summary>Shadow column kept equal to the derived profile on every save, so the grid can filter on it in SQL.</summary>
    public const string StoredProfile = "ItInvolvementProfile";

    public void Configure(EntityTypeBuilder<Rollout> builder)
    {
        builder.ToTable("Rollouts");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Code).HasMaxLength(Rollout.MaxCodeLength).IsRequired();
        builder.HasIndex(r => r.Code).IsUnique();
        builder.Property<int>(Sequence);
        builder.HasIndex(Sequence).IsUnique();
        builder.Property<ItInvolvementProfile>(StoredProfile).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Title).HasMaxLength(Rollout.MaxTitleLength).IsRequired();
        builder.Property(r => r.Summary).HasMaxLength(Rollout.MaxSummaryLength);
        builder.Property(r => r.BusinessCase).HasMaxLength(Rollout.MaxBusinessCaseLength);
        builder.Property(r => r.TrainingOwnerId).HasMaxLength(ColumnLengths.UserId).IsRequired();
        builder.Property(r => r.ItLiaisonId).HasMaxLength(ColumnLengths.UserId);
        builder.Property(r => r.ExecutiveSponsorId).HasMaxLength(ColumnLengths.UserId);
        builder.Property(r => r.Audiences).HasMaxLength(ColumnLengths.FlagNames);
        builder.Property(r => r.AccessChannels).HasMaxLength(ColumnLengths.FlagNames);
        builder.Property(r => r.Integrations).HasMaxLength(ColumnLengths.FlagNames);
        builder.Property(r => r.StatusReason).HasMaxLength(Rollout.MaxReasonLength);
        builder.Property(r => r.HealthReason).HasMaxLength(Rollout.MaxReasonLength);
        builder.Property(r => r.Version).IsConcurrencyToken();
        // The rollout list filters by one of these and shows the first page in code order: with the code in the index,
        // the page and its count are read from the index alone (see docs/performance.md).
        builder.HasIndex(r => new { r.LifecycleStatus, r.Code });
        builder.HasIndex(r => new { r.Health, r.Code });
        builder.HasIndex(r => r.TrainingOwnerId);
        builder.HasIndex(r => r.TargetGoLive);

        builder.OwnsOne(r => r.PilotCohort, pilot =>
        {
            pilot.Property(p => p.Name).HasColumnName("PilotCohortName").HasMaxLength(PilotCohort.MaxNameLength);
            pilot.Property(p => p.Size).HasColumnName("PilotCohortSize");
            pilot.Property(p => p.StartDate).HasColumnName("PilotStart");
            pilot.Property(p => p.EndDate).HasColumnName("PilotEnd");
        });

        // Child keys are made by the domain (Guid v7). Without ValueGeneratedNever EF would take a new child
        // with a key for an existing row and UPDATE it, which fails as a concurrency conflict.
        builder.OwnsMany(r => r.Phases, phase =>
        {
            phase.ToTable("RolloutPhases");
            phase.WithOwner().HasForeignKey("RolloutId");
            phase.HasKey(p => p.Id);
            phase.Property(p => p.Id).ValueGeneratedNever();
            phase.Property(p => p.SkipReason).HasMaxLength(Rollout.MaxReasonLength);
        });
        builder.Navigation(r => r.Phases).HasField("_phases");

        builder.OwnsMany(r => r.SendBacks, sendBack =>
        {
            sendBack.ToTable("PhaseSendBacks");
            sendBack.WithOwner().HasForeignKey("RolloutId");
            sendBack.HasKey(s => s.Id);
            sendBack.Property(s => s.Id).ValueGeneratedNever();
            sendBack.Property(s => s.Reason).HasMaxLength(Rollout.MaxReasonLength).IsRequired();
            sendBack.Property(s => s.SentBackById).HasMaxLength(ColumnLengths.UserId);
        });
        builder.Navigation(r => r.SendBacks).HasField("_sendBacks");
    }
}
