using ElearningRollout.Application.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElearningRollout.Application.Persistence.Configurations;

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(120).IsRequired();
        builder.HasOne(u => u.Department).WithMany().HasForeignKey(u => u.DepartmentId)
            .OnDelete(DeleteBehavior.Restrict);
        builder.Property(u => u.ExternalId).HasMaxLength(Identity.Provisioning.ProvisionedAccountDraftValidator.MaxExternalIdLength);
    }
}
