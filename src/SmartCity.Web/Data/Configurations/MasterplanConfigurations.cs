using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartCity.Domain.Common;
using SmartCity.Domain.Dimensions;
using SmartCity.Domain.Masterplans;
using SmartCity.Domain.Regencies;

namespace SmartCity.Web.Data.Configurations;

internal sealed class MasterplanConfiguration : IEntityTypeConfiguration<Masterplan>
{
    public void Configure(EntityTypeBuilder<Masterplan> builder)
    {
        builder.Property(m => m.Title).HasMaxLength(TextLimits.Reference);
        builder.Property(m => m.RpjmdTitle).HasMaxLength(TextLimits.Reference);
        builder.Property(m => m.Vision).HasMaxLength(TextLimits.Text);
        builder.Property(m => m.Missions).HasMaxLength(TextLimits.Text);
        builder.Property(m => m.GapAnalysis).HasMaxLength(TextLimits.LongText);
        builder.Property(m => m.Strengths).HasMaxLength(TextLimits.Text);
        builder.Property(m => m.Weaknesses).HasMaxLength(TextLimits.Text);
        builder.Property(m => m.Opportunities).HasMaxLength(TextLimits.Text);
        builder.Property(m => m.Threats).HasMaxLength(TextLimits.Text);
        builder.Property(m => m.Version).IsRowVersion();
        builder.HasAlternateKey(m => new { m.Id, m.RegencyId });
        builder.HasOne<Regency>().WithMany().HasForeignKey(m => m.RegencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.RegencyId, m.StartYear, m.EndYear }).IsUnique();
        builder.HasIndex(m => m.State);
        OwnedByPlan(builder.HasMany(m => m.Readiness).WithOne().HasForeignKey(x => new { x.MasterplanId, x.RegencyId }));
        OwnedByPlan(builder.HasMany(m => m.Goals).WithOne().HasForeignKey(x => new { x.MasterplanId, x.RegencyId }));
        OwnedByPlan(builder.HasMany(m => m.Strategies).WithOne().HasForeignKey(x => new { x.MasterplanId, x.RegencyId }));
        OwnedByPlan(builder.HasMany(m => m.Programmes).WithOne().HasForeignKey(x => new { x.MasterplanId, x.RegencyId }));
        OwnedByPlan(builder.HasMany(m => m.Signatories).WithOne().HasForeignKey(x => new { x.MasterplanId, x.RegencyId }));
        OwnedByPlan(builder.HasMany(m => m.Versions).WithOne().HasForeignKey(x => new { x.MasterplanId, x.RegencyId }));
        OwnedByPlan(builder.HasMany(m => m.Comments).WithOne().HasForeignKey(x => new { x.MasterplanId, x.RegencyId }));
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_Masterplans_Period", "\"EndYear\" - \"StartYear\" BETWEEN 5 AND 10");
            t.HasCheckConstraint("CK_Masterplans_Rpjmd", "\"RpjmdEndYear\" > \"RpjmdStartYear\"");
            t.HasCheckConstraint("CK_Masterplans_Versions", "\"WorkingVersion\" >= 1 AND (\"ApprovedVersion\" IS NULL OR \"ApprovedVersion\" <= \"WorkingVersion\")");
        });
    }

    private static void OwnedByPlan<T>(ReferenceCollectionBuilder<Masterplan, T> relation)
        where T : class => relation.HasPrincipalKey(m => new { m.Id, m.RegencyId }).OnDelete(DeleteBehavior.Cascade);
}

internal sealed class ReadinessRatingConfiguration : IEntityTypeConfiguration<ReadinessRating>
{
    public void Configure(EntityTypeBuilder<ReadinessRating> builder)
    {
        builder.Property(r => r.Notes).HasMaxLength(TextLimits.Note);
        builder.Property(r => r.Version).IsRowVersion();
        builder.HasOne<Element>().WithMany().HasForeignKey(r => r.ElementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.MasterplanId, r.ElementId, r.Component }).IsUnique().AreNullsDistinct(false);
    }
}

internal sealed class MasterplanGoalConfiguration : IEntityTypeConfiguration<MasterplanGoal>
{
    public void Configure(EntityTypeBuilder<MasterplanGoal> builder)
    {
        builder.Property(g => g.Text).HasMaxLength(TextLimits.Note);
        builder.Property(g => g.Indicator).HasMaxLength(TextLimits.Reference);
        builder.Property(g => g.Version).IsRowVersion();
        builder.HasAlternateKey(g => new { g.Id, g.MasterplanId });
        builder.HasOne<Dimension>().WithMany().HasForeignKey(g => g.DimensionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(g => new { g.MasterplanId, g.DimensionId });
    }
}

internal sealed class DimensionStrategyConfiguration : IEntityTypeConfiguration<DimensionStrategy>
{
    public void Configure(EntityTypeBuilder<DimensionStrategy> builder)
    {
        builder.Property(s => s.Text).HasMaxLength(TextLimits.LongText);
        builder.Property(s => s.Version).IsRowVersion();
        builder.HasOne<Dimension>().WithMany().HasForeignKey(s => s.DimensionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.MasterplanId, s.DimensionId }).IsUnique();
    }
}

internal sealed class ProgrammeConfiguration : IEntityTypeConfiguration<Programme>
{
    public void Configure(EntityTypeBuilder<Programme> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(TextLimits.Name);
        builder.Property(p => p.BudgetSource).HasMaxLength(TextLimits.Name);
        builder.Property(p => p.RpjmdReference).HasMaxLength(TextLimits.Reference);
        builder.Property(p => p.BudgetEstimate).HasPrecision(18, 2);
        builder.Property(p => p.Version).IsRowVersion();
        builder.HasAlternateKey(p => new { p.Id, p.RegencyId });
        builder.HasOne<Dimension>().WithMany().HasForeignKey(p => p.DimensionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Element>().WithMany().HasForeignKey(p => new { p.ElementId, p.DimensionId })
            .HasPrincipalKey(e => new { e.Id, e.DimensionId }).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<GovernmentUnit>().WithMany().HasForeignKey(p => new { p.OwnerUnitId, p.RegencyId })
            .HasPrincipalKey(u => new { u.Id, u.RegencyId }).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<MasterplanGoal>().WithMany().HasForeignKey(p => new { p.GoalId, p.MasterplanId })
            .HasPrincipalKey(g => new { g.Id, g.MasterplanId }).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Kpis).WithOne().HasForeignKey(k => new { k.ProgrammeId, k.RegencyId })
            .HasPrincipalKey(p => new { p.Id, p.RegencyId }).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.MasterplanId, p.DimensionId });
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_Programmes_Years", "\"EndYear\" >= \"StartYear\"");
            t.HasCheckConstraint("CK_Programmes_Budget", "\"BudgetEstimate\" IS NULL OR \"BudgetEstimate\" >= 0");
        });
    }
}

internal sealed class ProgrammeKpiConfiguration : IEntityTypeConfiguration<ProgrammeKpi>
{
    public void Configure(EntityTypeBuilder<ProgrammeKpi> builder)
    {
        builder.Property(k => k.Name).HasMaxLength(TextLimits.Name);
        builder.Property(k => k.Unit).HasMaxLength(TextLimits.ShortName);
    }
}

internal sealed class SignatoryConfiguration : IEntityTypeConfiguration<Signatory>
{
    public void Configure(EntityTypeBuilder<Signatory> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(TextLimits.Name);
        builder.Property(s => s.Position).HasMaxLength(TextLimits.Name);
        builder.Property(s => s.Institution).HasMaxLength(TextLimits.Name);
        builder.Property(s => s.Version).IsRowVersion();
    }
}

internal sealed class MasterplanVersionConfiguration : IEntityTypeConfiguration<MasterplanVersion>
{
    public void Configure(EntityTypeBuilder<MasterplanVersion> builder)
    {
        builder.Property(v => v.Snapshot).HasColumnType("jsonb");
        builder.HasIndex(v => new { v.MasterplanId, v.Number }).IsUnique();
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(v => v.SubmittedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(v => v.ApprovedById).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t => t.HasCheckConstraint("CK_MasterplanVersions_Number", "\"Number\" >= 1"));
    }
}

internal sealed class ReviewCommentConfiguration : IEntityTypeConfiguration<ReviewComment>
{
    public void Configure(EntityTypeBuilder<ReviewComment> builder)
    {
        builder.Property(c => c.Anchor).HasMaxLength(TextLimits.ShortName);
        builder.Property(c => c.Text).HasMaxLength(TextLimits.Note);
        builder.Property(c => c.Version).IsRowVersion();
        builder.HasOne<ReviewComment>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.ResolvedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.MasterplanId, c.ResolvedAt });
    }
}

internal sealed class MasterplanDraftConfiguration : IEntityTypeConfiguration<MasterplanDraft>
{
    public void Configure(EntityTypeBuilder<MasterplanDraft> builder)
    {
        builder.Property(d => d.UserId).HasMaxLength(TextLimits.UserId);
        builder.Property(d => d.Block).HasMaxLength(TextLimits.ShortName);
        builder.Property(d => d.Content).HasColumnType("jsonb");
        builder.HasOne<Masterplan>().WithMany().HasForeignKey(d => new { d.MasterplanId, d.RegencyId })
            .HasPrincipalKey(m => new { m.Id, m.RegencyId }).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.MasterplanId, d.UserId, d.Block }).IsUnique();
    }
}
