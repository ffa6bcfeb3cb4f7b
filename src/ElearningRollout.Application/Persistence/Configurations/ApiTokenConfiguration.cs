using ElearningRollout.Application.Identity;
using ElearningRollout.Application.Identity.ApiAccess;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElearningRollout.Application.Persistence.Configurations;

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.ToTable("ApiTokens");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Name).HasMaxLength(ApiToken.MaxNameLength).IsRequired();
        builder.Property(t => t.SecretHash).HasMaxLength(BearerSecret.HashLength).IsFixedLength().IsRequired();
        builder.HasIndex(t => t.SecretHash).IsUnique();
        builder.Property(t => t.UserId).HasMaxLength(ColumnLengths.UserId).IsRequired();
        builder.HasIndex(t => t.UserId);
    }
}
