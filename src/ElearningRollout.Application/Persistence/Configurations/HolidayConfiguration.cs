using ElearningRollout.Domain.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElearningRollout.Application.Persistence.Configurations;

internal sealed class HolidayConfiguration : IEntityTypeConfiguration<Holiday>
{
    public void Configure(EntityTypeBuilder<Holiday> builder)
    {
        builder.ToTable("Holidays");
        builder.HasKey(h => h.Id);
        // One holiday per date: two people adding the same day at once, the index keeps one and the other is told.
        builder.HasIndex(h => h.Date).IsUnique();
        builder.Property(h => h.Name).HasMaxLength(Holiday.MaxNameLength).IsRequired();
        builder.Ignore(h => h.Year);
    }
}
