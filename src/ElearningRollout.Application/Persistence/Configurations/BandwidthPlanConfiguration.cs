using System.Text.Json;
using ElearningRollout.Domain.Bandwidth;
using ElearningRollout.Domain.Rollouts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ElearningRollout.Application.Persistence.Configurations;

/// <summary>
/// One bandwidth plan per rollout (a unique index keeps the first of two saved at once), its sites and launch waves in
/// tables of their own; a wave's learners per site are read and written whole, so they are one JSON column.
/// </summary>
internal sealed class BandwidthPlanConfiguration : IEntityTypeConfiguration<BandwidthPlan>
{
    private static readonly JsonSerializerOptions Json = new();

    private static readonly ValueConverter<IReadOnlyList<WaveAllocation>, string> AllocationsConverter = new(
        allocations => JsonSerializer.Serialize(allocations, Json),
        json => JsonSerializer.Deserialize<List<WaveAllocation>>(json, Json) ?? new List<WaveAllocation>());

    private static readonly ValueComparer<IReadOnlyList<WaveAllocation>> AllocationsComparer = new(
        (a, b) => a!.SequenceEqual(b!),
        allocations => allocations.Aggregate(0, (hash, a) => HashCode.Combine(hash, a.GetHashCode())),
        allocations => allocations.ToList());

    public void Configure(EntityTypeBuilder<BandwidthPlan> builder)
    {
        builder.ToTable("BandwidthPlans");
        builder.HasKey(p => p.Id);
        builder.HasOne<Rollout>().WithMany().HasForeignKey(p => p.RolloutId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.RolloutId).IsUnique();
        builder.Property(p => p.SavedById).HasMaxLength(ColumnLengths.UserId).IsRequired();
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.Loads);

        builder.OwnsMany(p => p.Sites, site =>
        {
            site.ToTable("BandwidthSites");
            site.WithOwner().HasForeignKey("PlanId");
            site.HasKey(s => s.Id);
            site.Property(s => s.Id).ValueGeneratedNever();
            site.Property(s => s.Name).HasMaxLength(SiteLoad.MaxNameLength).IsRequired();
            site.Property(s => s.LinkMbps).HasPrecision(18, 3);
            site.Ignore(s => s.Load);
        });
        builder.Navigation(p => p.Sites).HasField("_sites");

        builder.OwnsMany(p => p.Waves, wave =>
        {
            wave.ToTable("LaunchWaves");
            wave.WithOwner().HasForeignKey("PlanId");
            wave.HasKey(w => w.Id);
            wave.Property(w => w.Id).ValueGeneratedNever();
            wave.Property(w => w.Name).HasMaxLength(BandwidthPlan.MaxWaveNameLength).IsRequired();
            wave.Property(w => w.Allocations).HasConversion(AllocationsConverter, AllocationsComparer).IsRequired();
            wave.HasIndex(w => w.StartsOn);
        });
        builder.Navigation(p => p.Waves).HasField("_waves");
    }
}
