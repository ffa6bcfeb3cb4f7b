using ElearningRollout.Domain.Gates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElearningRollout.Application.Persistence.Configurations;

internal sealed class GateTemplateConfiguration : IEntityTypeConfiguration<GateTemplate>
{
    public void Configure(EntityTypeBuilder<GateTemplate> builder)
    {
        builder.ToTable("GateTemplates");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.HasIndex(t => t.Kind).IsUnique();
        builder.Property(t => t.PublishedById).HasMaxLength(ColumnLengths.UserId);
        builder.Property(t => t.Version).IsConcurrencyToken();

        builder.OwnsMany(t => t.Items, item =>
        {
            item.ToTable("GateTemplateItems");
            item.WithOwner().HasForeignKey("TemplateId");
            item.HasKey(i => i.Id);
            item.Property(i => i.Id).ValueGeneratedNever();
            item.Property(i => i.Text).HasMaxLength(GateChecklistItem.MaxTextLength).IsRequired();
        });
        builder.Navigation(t => t.Items).HasField("_items");
    }
}
