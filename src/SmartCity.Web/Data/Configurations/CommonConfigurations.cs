using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartCity.Domain.Common;

namespace SmartCity.Web.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.Id).UseIdentityAlwaysColumn();
        builder.Property(a => a.UserId).HasMaxLength(TextLimits.UserId);
        builder.Property(a => a.UserName).HasMaxLength(TextLimits.Name);
        builder.Property(a => a.Entity).HasMaxLength(TextLimits.ShortName);
        builder.Property(a => a.EntityKey).HasMaxLength(TextLimits.Name);
        builder.Property(a => a.Changes).HasColumnType("jsonb");
        builder.Property(a => a.CorrelationId).HasMaxLength(TextLimits.ShortName);
        builder.HasIndex(a => new { a.RegencyId, a.OccurredAt });
        builder.HasIndex(a => new { a.Entity, a.OccurredAt });
        builder.HasIndex(a => new { a.UserId, a.OccurredAt });
        builder.HasIndex(a => a.OccurredAt);
    }
}

internal sealed class PortalSettingConfiguration : IEntityTypeConfiguration<PortalSetting>
{
    public void Configure(EntityTypeBuilder<PortalSetting> builder)
    {
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(TextLimits.ShortName);
        builder.Property(s => s.Value).HasMaxLength(TextLimits.Note);
        builder.Property(s => s.Version).IsRowVersion();
    }
}

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(u => u.FullName).HasMaxLength(TextLimits.Name);
        builder.Property(u => u.PreferredCulture).HasMaxLength(10);
        builder.HasOne<Domain.Regencies.Regency>().WithMany().HasForeignKey(u => u.RegencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => u.RegencyId);
    }
}

internal sealed class SignInEventConfiguration : IEntityTypeConfiguration<SignInEvent>
{
    public void Configure(EntityTypeBuilder<SignInEvent> builder)
    {
        builder.Property(e => e.Id).UseIdentityAlwaysColumn();
        builder.Property(e => e.IpAddress).HasMaxLength(45);
        builder.Property(e => e.UserAgent).HasMaxLength(TextLimits.Reference);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.UserId, e.OccurredAt });
    }
}
