using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartCity.Domain.Common;
using SmartCity.Domain.Notifications;
using SmartCity.Domain.Regencies;

namespace SmartCity.Web.Data.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Id).UseIdentityAlwaysColumn();
        builder.Property(n => n.UserId).HasMaxLength(TextLimits.UserId);
        builder.Property(n => n.Subject).HasMaxLength(TextLimits.Reference);
        builder.Property(n => n.Detail).HasMaxLength(TextLimits.Name);
        builder.Property(n => n.Url).HasMaxLength(TextLimits.Reference);
        builder.Property(n => n.DedupKey).HasMaxLength(TextLimits.Name);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Regency>().WithMany().HasForeignKey(n => n.RegencyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.UserId, n.DedupKey }).IsUnique();
        builder.HasIndex(n => new { n.UserId, n.ReadAt, n.CreatedAt });
    }
}

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> builder)
    {
        builder.HasKey(j => new { j.Job, j.Period });
        builder.Property(j => j.Job).HasMaxLength(TextLimits.ShortName);
        builder.Property(j => j.Period).HasMaxLength(TextLimits.Code);
        builder.Property(j => j.Instance).HasMaxLength(TextLimits.Name);
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.Property(k => k.Name).HasMaxLength(TextLimits.Name);
        builder.Property(k => k.Prefix).HasMaxLength(TextLimits.Code);
        builder.Property(k => k.Hash).HasMaxLength(64).IsFixedLength();
        builder.Property(k => k.CreatedBy).HasMaxLength(TextLimits.Name);
        builder.Property(k => k.RevokedBy).HasMaxLength(TextLimits.Name);
        builder.Property(k => k.Version).IsRowVersion();
        builder.HasOne<Regency>().WithMany().HasForeignKey(k => k.RegencyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(k => k.Hash).IsUnique();
        builder.HasIndex(k => k.RegencyId);
    }
}
