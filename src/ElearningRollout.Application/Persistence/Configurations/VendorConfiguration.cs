using ElearningRollout.Domain.Vendors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElearningRollout.Application.Persistence.Configurations;

internal sealed class VendorConfiguration : IEntityTypeConfiguration<Vendor>
{
    public void Configure(EntityTypeBuilder<Vendor> builder)
    {
        builder.ToTable("Vendors");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.HasIndex(v => v.Name);
        builder.Property(v => v.Name).HasMaxLength(Vendor.MaxNameLength).IsRequired();
        builder.Property(v => v.ContactName).HasMaxLength(Vendor.MaxContactLength);
        builder.Property(v => v.ContactEmail).HasMaxLength(Vendor.MaxContactLength);
        builder.Property(v => v.ContactPhone).HasMaxLength(Vendor.MaxContactLength);
        builder.Property(v => v.DataResidency).HasMaxLength(Vendor.MaxResidencyLength);
        builder.Property(v => v.RegisteredById).HasMaxLength(ColumnLengths.UserId);
        builder.Property(v => v.Version).IsConcurrencyToken();

        builder.OwnsMany(v => v.Certifications, certification =>
        {
            certification.ToTable("VendorCertifications");
            certification.WithOwner().HasForeignKey("VendorId");
            certification.HasKey(c => c.Id);
            certification.Property(c => c.Id).ValueGeneratedNever();
            certification.HasIndex("VendorId", nameof(VendorCertification.Kind)).IsUnique();
        });
        builder.Navigation(v => v.Certifications).HasField("_certifications");
    }
}
