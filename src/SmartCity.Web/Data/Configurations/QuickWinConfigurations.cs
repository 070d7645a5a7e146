using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartCity.Domain.Common;
using SmartCity.Domain.Dimensions;
using SmartCity.Domain.Masterplans;
using SmartCity.Domain.QuickWins;
using SmartCity.Domain.Regencies;

namespace SmartCity.Web.Data.Configurations;

internal sealed class QuickWinConfiguration : IEntityTypeConfiguration<QuickWin>
{
    public void Configure(EntityTypeBuilder<QuickWin> builder)
    {
        builder.Property(q => q.Name).HasMaxLength(TextLimits.Name);
        builder.Property(q => q.Acronym).HasMaxLength(TextLimits.ShortName);
        builder.Property(q => q.Description).HasMaxLength(TextLimits.Text);
        builder.Property(q => q.BudgetSource).HasMaxLength(TextLimits.Name);
        builder.Property(q => q.Budget).HasPrecision(18, 2);
        builder.Property(q => q.Version).IsRowVersion();
        builder.HasAlternateKey(q => new { q.Id, q.RegencyId });
        builder.HasOne<Regency>().WithMany().HasForeignKey(q => q.RegencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Dimension>().WithMany().HasForeignKey(q => q.DimensionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Element>().WithMany().HasForeignKey(q => new { q.ElementId, q.DimensionId })
            .HasPrincipalKey(e => new { e.Id, e.DimensionId }).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<GovernmentUnit>().WithMany().HasForeignKey(q => new { q.OwnerUnitId, q.RegencyId })
            .HasPrincipalKey(u => new { u.Id, u.RegencyId }).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Programme>().WithMany().HasForeignKey(q => new { q.ProgrammeId, q.RegencyId })
            .HasPrincipalKey(p => new { p.Id, p.RegencyId }).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(q => q.Milestones).WithOne().HasForeignKey(m => new { m.QuickWinId, m.RegencyId })
            .HasPrincipalKey(q => new { q.Id, q.RegencyId }).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(q => q.Kpis).WithOne().HasForeignKey(k => new { k.QuickWinId, k.RegencyId })
            .HasPrincipalKey(q => new { q.Id, q.RegencyId }).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(q => q.Reports).WithOne().HasForeignKey(r => new { r.QuickWinId, r.RegencyId })
            .HasPrincipalKey(q => new { q.Id, q.RegencyId }).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(q => new { q.RegencyId, q.IsArchived, q.DimensionId });
        builder.HasIndex(q => new { q.RegencyId, q.Status });
        builder.HasIndex(q => q.OwnerUnitId);
        builder.HasIndex(q => q.ProgrammeId);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_QuickWins_Budget", "\"Budget\" >= 0");
            t.HasCheckConstraint("CK_QuickWins_Dates", "\"TargetDate\" >= \"StartDate\"");
        });
    }
}

internal sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> builder)
    {
        builder.Property(m => m.Name).HasMaxLength(TextLimits.Name);
        builder.Property(m => m.Version).IsRowVersion();
        builder.HasIndex(m => m.QuickWinId);
        builder.ToTable(t => t.HasCheckConstraint("CK_Milestones_Weight", "\"Weight\" > 0"));
    }
}

internal sealed class KpiConfiguration : IEntityTypeConfiguration<Kpi>
{
    public void Configure(EntityTypeBuilder<Kpi> builder)
    {
        builder.Property(k => k.Name).HasMaxLength(TextLimits.Name);
        builder.Property(k => k.Unit).HasMaxLength(TextLimits.ShortName);
        builder.Property(k => k.Version).IsRowVersion();
        builder.HasAlternateKey(k => new { k.Id, k.QuickWinId });
        builder.HasIndex(k => k.QuickWinId);
    }
}

internal sealed class ProgressReportConfiguration : IEntityTypeConfiguration<ProgressReport>
{
    public void Configure(EntityTypeBuilder<ProgressReport> builder)
    {
        builder.Property(r => r.Period).HasMaxLength(7);
        builder.Property(r => r.Percent).HasPrecision(5, 2);
        builder.Property(r => r.Narrative).HasMaxLength(TextLimits.Text);
        builder.Property(r => r.Obstacles).HasMaxLength(TextLimits.Text);
        builder.Property(r => r.ReturnReason).HasMaxLength(TextLimits.Note);
        builder.Property(r => r.Version).IsRowVersion();
        builder.HasAlternateKey(r => new { r.Id, r.QuickWinId });
        builder.HasIndex(r => new { r.QuickWinId, r.Period }).IsUnique();
        builder.HasIndex(r => new { r.RegencyId, r.State, r.Period });
        builder.HasIndex(r => new { r.QuickWinId, r.State, r.Period }).IsDescending(false, false, true);
        // The latest verified report of a quick win (the one progress formula's order): one index probe per quick win.
        builder.HasIndex(r => new { r.QuickWinId, r.State, r.PeriodEnd, r.PeriodStart }).IsDescending(false, false, true, true);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.VerifiedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.KpiActuals).WithOne().HasForeignKey(a => a.ProgressReportId).OnDelete(DeleteBehavior.Cascade);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_ProgressReports_Percent", "\"Percent\" BETWEEN 0 AND 100");
            t.HasCheckConstraint("CK_ProgressReports_Period", "\"Period\" ~ '^[0-9]{4}-(0[1-9]|1[0-2]|Q[1-4])$'");
            t.HasCheckConstraint("CK_ProgressReports_PeriodDates", "\"PeriodEnd\" >= \"PeriodStart\"");
            t.HasCheckConstraint("CK_ProgressReports_NotSelfVerified", "\"VerifiedById\" IS NULL OR \"AuthorId\" IS NULL OR \"VerifiedById\" <> \"AuthorId\"");
        });
    }
}

internal sealed class ReportKpiActualConfiguration : IEntityTypeConfiguration<ReportKpiActual>
{
    public void Configure(EntityTypeBuilder<ReportKpiActual> builder)
    {
        builder.HasKey(a => new { a.ProgressReportId, a.KpiId });
        builder.HasOne<Kpi>().WithMany().HasForeignKey(a => a.KpiId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> builder)
    {
        builder.Property(f => f.FileName).HasMaxLength(TextLimits.FileName);
        builder.Property(f => f.ContentType).HasMaxLength(TextLimits.ContentType);
        builder.Property(f => f.Sha256).HasMaxLength(64).IsFixedLength();
        builder.HasOne<Regency>().WithMany().HasForeignKey(f => f.RegencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ProgressReport>().WithMany().HasForeignKey(f => f.ProgressReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(f => f.UploadedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<EvidenceFileContent>().WithOne().HasForeignKey<EvidenceFileContent>(c => c.EvidenceFileId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => new { f.RegencyId, f.UploadedAt });
        builder.HasIndex(f => f.ProgressReportId);
        builder.ToTable(t => t.HasCheckConstraint("CK_EvidenceFiles_Size", "\"SizeBytes\" > 0"));
    }
}

internal sealed class EvidenceFileContentConfiguration : IEntityTypeConfiguration<EvidenceFileContent>
{
    public void Configure(EntityTypeBuilder<EvidenceFileContent> builder)
    {
        builder.HasKey(c => c.EvidenceFileId);
        builder.Property(c => c.EvidenceFileId).ValueGeneratedNever();
    }
}
