using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartCity.Domain.Common;
using SmartCity.Domain.Dimensions;

namespace SmartCity.Web.Data.Configurations;

internal sealed class DimensionConfiguration : IEntityTypeConfiguration<Dimension>
{
    public void Configure(EntityTypeBuilder<Dimension> builder)
    {
        builder.Property(d => d.Code).HasMaxLength(3);
        builder.Property(d => d.NameId).HasMaxLength(TextLimits.Name);
        builder.Property(d => d.NameEn).HasMaxLength(TextLimits.Name);
        builder.Property(d => d.Version).IsRowVersion();
        builder.HasIndex(d => d.Code).IsUnique();
        builder.HasMany(d => d.Elements).WithOne().HasForeignKey(e => e.DimensionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ElementConfiguration : IEntityTypeConfiguration<Element>
{
    public void Configure(EntityTypeBuilder<Element> builder)
    {
        builder.Property(e => e.Code).HasMaxLength(TextLimits.Code);
        builder.Property(e => e.NameId).HasMaxLength(TextLimits.Name);
        builder.Property(e => e.NameEn).HasMaxLength(TextLimits.Name);
        builder.Property(e => e.Version).IsRowVersion();
        builder.HasIndex(e => e.Code).IsUnique();
        builder.HasAlternateKey(e => new { e.Id, e.DimensionId });
    }
}
