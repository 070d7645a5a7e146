using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SmartCity.Domain.Assessments;
using SmartCity.Domain.Common;
using SmartCity.Domain.Dimensions;
using SmartCity.Domain.Masterplans;
using SmartCity.Domain.Notifications;
using SmartCity.Domain.QuickWins;
using SmartCity.Domain.Regencies;

namespace SmartCity.Web.Data;

public class SmartCityDbContext(DbContextOptions<SmartCityDbContext> options)
    : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    public DbSet<Province> Provinces => Set<Province>();
    public DbSet<Regency> Regencies => Set<Regency>();
    public DbSet<StageChange> StageChanges => Set<StageChange>();
    public DbSet<GovernmentUnit> GovernmentUnits => Set<GovernmentUnit>();
    public DbSet<Dimension> Dimensions => Set<Dimension>();
    public DbSet<Element> Elements => Set<Element>();
    public DbSet<QuickWin> QuickWins => Set<QuickWin>();
    public DbSet<Milestone> Milestones => Set<Milestone>();
    public DbSet<Kpi> Kpis => Set<Kpi>();
    public DbSet<ProgressReport> ProgressReports => Set<ProgressReport>();
    public DbSet<ReportKpiActual> ReportKpiActuals => Set<ReportKpiActual>();
    public DbSet<EvidenceFile> EvidenceFiles => Set<EvidenceFile>();
    public DbSet<EvidenceFileContent> EvidenceFileContents => Set<EvidenceFileContent>();
    public DbSet<Masterplan> Masterplans => Set<Masterplan>();
    public DbSet<ReadinessRating> ReadinessRatings => Set<ReadinessRating>();
    public DbSet<MasterplanGoal> MasterplanGoals => Set<MasterplanGoal>();
    public DbSet<DimensionStrategy> DimensionStrategies => Set<DimensionStrategy>();
    public DbSet<Programme> Programmes => Set<Programme>();
    public DbSet<ProgrammeKpi> ProgrammeKpis => Set<ProgrammeKpi>();
    public DbSet<Signatory> Signatories => Set<Signatory>();
    public DbSet<MasterplanVersion> MasterplanVersions => Set<MasterplanVersion>();
    public DbSet<ReviewComment> ReviewComments => Set<ReviewComment>();
    public DbSet<MasterplanDraft> MasterplanDrafts => Set<MasterplanDraft>();
    public DbSet<Instrument> Instruments => Set<Instrument>();
    public DbSet<Criterion> Criteria => Set<Criterion>();
    public DbSet<Band> Bands => Set<Band>();
    public DbSet<AssessmentRound> AssessmentRounds => Set<AssessmentRound>();
    public DbSet<RoundParticipant> RoundParticipants => Set<RoundParticipant>();
    public DbSet<AssessorAssignment> AssessorAssignments => Set<AssessorAssignment>();
    public DbSet<ConflictOfInterest> ConflictsOfInterest => Set<ConflictOfInterest>();
    public DbSet<SelfAssessmentScore> SelfAssessmentScores => Set<SelfAssessmentScore>();
    public DbSet<AssessorScore> AssessorScores => Set<AssessorScore>();
    public DbSet<ReconciledScore> ReconciledScores => Set<ReconciledScore>();
    public DbSet<ResultComment> ResultComments => Set<ResultComment>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<JobRun> JobRuns => Set<JobRun>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<PortalSetting> Settings => Set<PortalSetting>();
    public DbSet<SignInEvent> SignInEvents => Set<SignInEvent>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // Keys come from a HiLo sequence, so an entity has its real key as soon as it is added:
        // the audit interceptor can then write insert rows in the same SaveChanges (same transaction).
        builder.UseHiLo();
        builder.ApplyConfigurationsFromAssembly(typeof(SmartCityDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<decimal>().HavePrecision(18, 4);
    }
}
