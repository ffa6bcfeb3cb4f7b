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

        // Its own table, versioned on its own; a template stored before policies has no row until the seeder gives it one.
        builder.OwnsOne(t => t.ApprovalPolicy, policy =>
        {
            policy.ToTable("ApprovalPolicies");
            policy.WithOwner().HasForeignKey("TemplateId");
            policy.HasKey(p => p.Id);
            policy.Property(p => p.Id).ValueGeneratedNever();
            policy.Ignore(p => p.Groups);
            policy.Ignore(p => p.NamedReviewerIds);
            policy.Property(p => p.EscalateToId).HasMaxLength(ColumnLengths.UserId);
            policy.Property(p => p.PublishedById).HasMaxLength(ColumnLengths.UserId);
            // Rows stored before the role was part of the policy read as empty until ReferenceDataSeeder's
            // GateTemplate.EnsureApprovalPolicy fills in the kind's role.
            policy.Property(p => p.DecidingRole).HasMaxLength(ColumnLengths.RoleName).IsRequired();
            policy.OwnsMany(p => p.Members, member =>
            {
                member.ToTable("ApprovalPolicyMembers");
                member.WithOwner().HasForeignKey("PolicyId");
                member.HasKey(m => m.Id);
                member.Property(m => m.Id).ValueGeneratedNever();
                member.Property(m => m.GroupName).HasMaxLength(ApprovalPolicy.MaxGroupNameLength);
                member.Property(m => m.UserId).HasMaxLength(ColumnLengths.UserId).IsRequired();
            });
            policy.Navigation(p => p.Members).HasField("_members");
        });
    }
}
