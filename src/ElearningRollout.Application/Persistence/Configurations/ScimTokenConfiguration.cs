using ElearningRollout.Application.Identity.Provisioning;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElearningRollout.Application.Persistence.Configurations;

internal sealed class ScimTokenConfiguration : IEntityTypeConfiguration<ScimToken>
{
    public void Configure(EntityTypeBuilder<ScimToken> builder)
    {
        builder.ToTable("ScimTokens");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Name).HasMaxLength(ScimToken.MaxNameLength).IsRequired();
        builder.Property(t => t.SecretHash).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.HasIndex(t => t.SecretHash).IsUnique();
        builder.Property(t => t.CreatedBy).HasMaxLength(200).IsRequired();
        builder.Property(t => t.RevokedBy).HasMaxLength(200);
    }
}
