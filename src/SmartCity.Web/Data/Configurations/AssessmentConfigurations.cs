using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartCity.Domain.Assessments;
using SmartCity.Domain.Common;
using SmartCity.Domain.Dimensions;
using SmartCity.Domain.QuickWins;
using SmartCity.Domain.Regencies;

namespace SmartCity.Web.Data.Configurations;

internal sealed class InstrumentConfiguration : IEntityTypeConfiguration<Instrument>
{
    public void Configure(EntityTypeBuilder<Instrument> builder)
    {
        builder.Property(i => i.Name).HasMaxLength(TextLimits.Name);
        builder.Property(i => i.ScaleMin).HasPrecision(5, 2);
        builder.Property(i => i.ScaleMax).HasPrecision(5, 2);
        builder.Property(i => i.DivergenceThreshold).HasPrecision(5, 2);
        builder.Property(i => i.Version).IsRowVersion();
        builder.HasOne<Instrument>().WithMany().HasForeignKey(i => i.SourceInstrumentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(i => i.Criteria).WithOne().HasForeignKey(c => c.InstrumentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Bands).WithOne().HasForeignKey(b => b.InstrumentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.IsTemplate, i.Kind });
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_Instruments_Scale", "\"ScaleMin\" >= 0 AND \"ScaleMax\" > \"ScaleMin\" AND \"ScaleMax\" <= 10");
            t.HasCheckConstraint("CK_Instruments_Threshold", "\"DivergenceThreshold\" >= 0");
        });
    }
}

internal sealed class CriterionConfiguration : IEntityTypeConfiguration<Criterion>
{
    public void Configure(EntityTypeBuilder<Criterion> builder)
    {
        builder.Property(c => c.Code).HasMaxLength(TextLimits.Code);
        builder.Property(c => c.NameId).HasMaxLength(TextLimits.Reference);
        builder.Property(c => c.NameEn).HasMaxLength(TextLimits.Reference);
        builder.Property(c => c.Weight).HasPrecision(6, 2);
        builder.HasIndex(c => new { c.InstrumentId, c.Code }).IsUnique();
        builder.ToTable(t => t.HasCheckConstraint("CK_Criteria_Weight", "\"Weight\" > 0 AND \"Weight\" <= 100"));
    }
}

internal sealed class BandConfiguration : IEntityTypeConfiguration<Band>
{
    public void Configure(EntityTypeBuilder<Band> builder)
    {
        builder.Property(b => b.Name).HasMaxLength(TextLimits.ShortName);
        builder.Property(b => b.MinInclusive).HasPrecision(5, 2);
        builder.Property(b => b.MaxExclusive).HasPrecision(5, 2);
        builder.HasIndex(b => new { b.InstrumentId, b.Name }).IsUnique();
        builder.ToTable(t => t.HasCheckConstraint("CK_Bands_Range", "\"MaxExclusive\" IS NULL OR \"MaxExclusive\" > \"MinInclusive\""));
    }
}

internal sealed class AssessmentRoundConfiguration : IEntityTypeConfiguration<AssessmentRound>
{
    public void Configure(EntityTypeBuilder<AssessmentRound> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(TextLimits.Name);
        builder.Property(r => r.Version).IsRowVersion();
        builder.HasOne(r => r.Instrument).WithMany().HasForeignKey(r => r.InstrumentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.InstrumentId).IsUnique();
        builder.HasIndex(r => new { r.Kind, r.State, r.Year });
        builder.HasMany(r => r.Participants).WithOne().HasForeignKey(p => p.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Assignments).WithOne().HasForeignKey(a => a.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.ToTable(t => t.HasCheckConstraint("CK_AssessmentRounds_Year", "\"Year\" BETWEEN 2017 AND 2100"));
    }
}

internal sealed class RoundParticipantConfiguration : IEntityTypeConfiguration<RoundParticipant>
{
    public void Configure(EntityTypeBuilder<RoundParticipant> builder)
    {
        builder.Property(p => p.Index).HasPrecision(5, 2);
        builder.Property(p => p.Change).HasPrecision(5, 2);
        builder.Property(p => p.Band).HasMaxLength(TextLimits.ShortName);
        builder.Property(p => p.LetterNumber).HasMaxLength(TextLimits.Name);
        builder.Property(p => p.Version).IsRowVersion();
        builder.HasAlternateKey(p => new { p.RoundId, p.RegencyId });
        builder.HasIndex(p => p.RegencyId);
        builder.HasIndex(p => p.LetterNumber).IsUnique();
        builder.HasOne<Regency>().WithMany().HasForeignKey(p => p.RegencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(p => p.SelfAssessmentSubmittedById).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t => t.HasCheckConstraint("CK_RoundParticipants_Ranks", "(\"NationalRank\" IS NULL OR \"NationalRank\" >= 1) AND (\"ProvincialRank\" IS NULL OR \"ProvincialRank\" >= 1)"));
    }
}

internal sealed class AssessorAssignmentConfiguration : IEntityTypeConfiguration<AssessorAssignment>
{
    public void Configure(EntityTypeBuilder<AssessorAssignment> builder)
    {
        builder.Property(a => a.AssessorId).HasMaxLength(TextLimits.UserId);
        builder.HasAlternateKey(a => new { a.RoundId, a.RegencyId, a.AssessorId });
        builder.HasIndex(a => new { a.AssessorId, a.RoundId });
        builder.HasOne<RoundParticipant>().WithMany().HasForeignKey(a => new { a.RoundId, a.RegencyId })
            .HasPrincipalKey(p => new { p.RoundId, p.RegencyId }).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.AssessorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ConflictOfInterestConfiguration : IEntityTypeConfiguration<ConflictOfInterest>
{
    public void Configure(EntityTypeBuilder<ConflictOfInterest> builder)
    {
        builder.Property(c => c.AssessorId).HasMaxLength(TextLimits.UserId);
        builder.Property(c => c.Reason).HasMaxLength(TextLimits.Note);
        builder.HasIndex(c => new { c.AssessorId, c.RegencyId }).IsUnique();
        builder.HasOne<Regency>().WithMany().HasForeignKey(c => c.RegencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.AssessorId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>What every score table shares: the cell's keys, the scale check, the cited evidence.</summary>
internal static class ScoreCellMapping
{
    public static void Configure<T>(EntityTypeBuilder<T> builder, string table)
        where T : ScoreCell
    {
        builder.Property(s => s.Score).HasPrecision(5, 2);
        builder.Property(s => s.Version).IsRowVersion();
        builder.Property(s => s.EvidenceMasterplanBlock).HasMaxLength(TextLimits.ShortName);
        builder.Property(s => s.IntervieweeName).HasMaxLength(TextLimits.Name);
        builder.Property(s => s.IntervieweePosition).HasMaxLength(TextLimits.Name);
        builder.Property(s => s.InterviewText).HasMaxLength(TextLimits.Note);
        builder.HasOne<RoundParticipant>().WithMany().HasForeignKey(s => new { s.RoundId, s.RegencyId })
            .HasPrincipalKey(p => new { p.RoundId, p.RegencyId }).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Criterion>().WithMany().HasForeignKey(s => s.CriterionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Dimension>().WithMany().HasForeignKey(s => s.DimensionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<EvidenceFile>().WithMany().HasForeignKey(s => s.EvidenceFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<QuickWin>().WithMany().HasForeignKey(s => s.EvidenceQuickWinId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(table, t => t.HasCheckConstraint($"CK_{table}_Score", "\"Score\" >= 0 AND \"Score\" <= 10"));
    }
}

internal sealed class SelfAssessmentScoreConfiguration : IEntityTypeConfiguration<SelfAssessmentScore>
{
    public void Configure(EntityTypeBuilder<SelfAssessmentScore> builder)
    {
        ScoreCellMapping.Configure(builder, "SelfAssessmentScores");
        builder.Property(s => s.Justification).HasMaxLength(TextLimits.Note);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.RoundId, s.RegencyId, s.CriterionId, s.DimensionId }).IsUnique().AreNullsDistinct(false);
    }
}

internal sealed class AssessorScoreConfiguration : IEntityTypeConfiguration<AssessorScore>
{
    public void Configure(EntityTypeBuilder<AssessorScore> builder)
    {
        ScoreCellMapping.Configure(builder, "AssessorScores");
        builder.Property(s => s.AssessorId).HasMaxLength(TextLimits.UserId);
        builder.Property(s => s.Note).HasMaxLength(TextLimits.Note);
        builder.HasOne<AssessorAssignment>().WithMany().HasForeignKey(s => new { s.RoundId, s.RegencyId, s.AssessorId })
            .HasPrincipalKey(a => new { a.RoundId, a.RegencyId, a.AssessorId }).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.RoundId, s.RegencyId, s.CriterionId, s.DimensionId, s.AssessorId }).IsUnique().AreNullsDistinct(false);
        builder.HasIndex(s => new { s.AssessorId, s.RoundId });
    }
}

internal sealed class ReconciledScoreConfiguration : IEntityTypeConfiguration<ReconciledScore>
{
    public void Configure(EntityTypeBuilder<ReconciledScore> builder)
    {
        ScoreCellMapping.Configure(builder, "ReconciledScores");
        builder.Property(s => s.RecordedById).HasMaxLength(TextLimits.UserId);
        builder.Property(s => s.Note).HasMaxLength(TextLimits.Note);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.RecordedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.RoundId, s.RegencyId, s.CriterionId, s.DimensionId }).IsUnique().AreNullsDistinct(false);
    }
}

internal sealed class ResultCommentConfiguration : IEntityTypeConfiguration<ResultComment>
{
    public void Configure(EntityTypeBuilder<ResultComment> builder)
    {
        builder.Property(c => c.Text).HasMaxLength(TextLimits.Note);
        builder.HasOne<RoundParticipant>().WithMany().HasForeignKey(c => new { c.RoundId, c.RegencyId })
            .HasPrincipalKey(p => new { p.RoundId, p.RegencyId }).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Criterion>().WithMany().HasForeignKey(c => c.CriterionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.RoundId, c.RegencyId });
    }
}
