using ElearningRollout.Domain.Glossary;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElearningRollout.Application.Persistence.Configurations;

internal sealed class GlossaryTermConfiguration : IEntityTypeConfiguration<GlossaryTerm>
{
    public void Configure(EntityTypeBuilder<GlossaryTerm> builder)
    {
        builder.ToTable("GlossaryTerms");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Term).HasMaxLength(GlossaryTerm.MaxTermLength).IsRequired();
        builder.HasIndex(t => t.Term).IsUnique();
        builder.Property(t => t.Definition).HasMaxLength(GlossaryTerm.MaxDefinitionLength).IsRequired();
        builder.Property(t => t.Version).IsConcurrencyToken();
    }
}
