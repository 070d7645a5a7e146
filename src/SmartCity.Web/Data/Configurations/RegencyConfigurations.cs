using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartCity.Domain.Common;
using SmartCity.Domain.Regencies;

namespace SmartCity.Web.Data.Configurations;

internal sealed class ProvinceConfiguration : IEntityTypeConfiguration<Province>
{
    public void Configure(EntityTypeBuilder<Province> builder)
    {
        builder.Property(p => p.Code).HasMaxLength(2);
        builder.Property(p => p.Name).HasMaxLength(TextLimits.Name);
        builder.HasIndex(p => p.Code).IsUnique();
        builder.ToTable(t => t.HasCheckConstraint("CK_Provinces_Code", "\"Code\" ~ '^[0-9]{2}$'"));
    }
}

internal sealed class RegencyConfiguration : IEntityTypeConfiguration<Regency>
{
    public void Configure(EntityTypeBuilder<Regency> builder)
    {
        builder.Property(r => r.Code).HasMaxLength(5);
        builder.Property(r => r.Name).HasMaxLength(TextLimits.Name);
        builder.Property(r => r.Version).IsRowVersion();
        builder.HasIndex(r => r.Code).IsUnique();
        builder.HasIndex(r => r.Name);
        builder.HasIndex(r => new { r.ProvinceId, r.Kind });
        builder.HasIndex(r => r.CohortYear);
        builder.HasOne(r => r.Province).WithMany(p => p.Regencies).HasForeignKey(r => r.ProvinceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Successor).WithMany().HasForeignKey(r => r.SuccessorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.StageHistory).WithOne().HasForeignKey(s => s.RegencyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Units).WithOne().HasForeignKey(u => u.RegencyId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_Regencies_Code", "\"Code\" ~ '^[0-9]{2}\\.[0-9]{2}$'");
            t.HasCheckConstraint("CK_Regencies_Cohort", "\"CohortYear\" IS NULL OR \"CohortYear\" BETWEEN 2017 AND 2100");
        });
    }
}

internal sealed class StageChangeConfiguration : IEntityTypeConfiguration<StageChange>
{
    public void Configure(EntityTypeBuilder<StageChange> builder)
    {
        builder.Property(s => s.Note).HasMaxLength(TextLimits.Note);
        builder.HasIndex(s => new { s.RegencyId, s.Date });
    }
}

internal sealed class GovernmentUnitConfiguration : IEntityTypeConfiguration<GovernmentUnit>
{
    public void Configure(EntityTypeBuilder<GovernmentUnit> builder)
    {
        builder.Property(u => u.Name).HasMaxLength(TextLimits.Name);
        builder.Property(u => u.Acronym).HasMaxLength(TextLimits.ShortName);
        builder.Property(u => u.Version).IsRowVersion();
        builder.HasIndex(u => new { u.RegencyId, u.Name }).IsUnique();

        // Children of a regency reference (Id, RegencyId) so they can never point at another regency's unit.
        builder.HasAlternateKey(u => new { u.Id, u.RegencyId });
    }
}
