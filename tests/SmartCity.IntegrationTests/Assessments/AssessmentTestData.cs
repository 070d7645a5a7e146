using Microsoft.EntityFrameworkCore;
using SmartCity.Domain.Assessments;
using SmartCity.Domain.QuickWins;
using SmartCity.IntegrationTests.Evidence;
using SmartCity.Testing;
using SmartCity.Web.Features.Assessments;

namespace SmartCity.IntegrationTests.Assessments;

/// <summary>
/// Rounds written directly through the DbContext (their preparation belongs to the rounds feature): an instrument copy with one criterion
/// scored once (weight 40) and one per dimension (weight 60) — seven cells — on a 1–5 scale with divergence threshold 1; the round opened
/// with ten days for each state from <see cref="Round.Opens"/>. Tests pin the clock inside the state they need.
/// </summary>
internal static class AssessmentTestData
{
    public const string Jepara = "33.20";
    public const string Jombang = "35.17";
    public const string Pemalang = "33.27";
    public const int CellCount = 7;

    private static int _nextYear = 2040;

    public sealed record Round(int Id, DateOnly Opens, int OnceCriterionId, int PerDimensionCriterionId, IReadOnlyList<int> DimensionIds)
    {
        public DateTimeOffset SelfAssessmentDay => At(Opens.AddDays(1));

        public DateTimeOffset ScoringDay => At(Opens.AddDays(11));

        public DateTimeOffset ReconciliationDay => At(Opens.AddDays(21));

        /// <summary>The last day of scoring at 23:30 WIB (still scoring) and the next morning (reconciliation).</summary>
        public DateTimeOffset LastScoringMinute => new(Opens.AddDays(19).ToDateTime(new TimeOnly(23, 30)), TimeSpan.FromHours(7));

        /// <summary>Every cell of the matrix: the once-scored criterion, then the six dimensions of the other.</summary>
        public IEnumerable<(int CriterionId, int? DimensionId)> Cells() =>
            new[] { (OnceCriterionId, (int?)null) }.Concat(DimensionIds.Select(d => (PerDimensionCriterionId, (int?)d)));
    }

    /// <summary>10:00 WIB on <paramref name="day"/>.</summary>
    public static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(7));

    public static async Task<int> RegencyIdAsync(SmartCityFactory app, string code)
    {
        await using var db = app.CreateDbContext();
        return await db.Regencies.Where(r => r.Code == code).Select(r => r.Id).SingleAsync();
    }

    public static async Task<string> UserIdAsync(SmartCityFactory app, string userName)
    {
        await using var db = app.CreateDbContext();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    /// <summary>A round opened for <paramref name="regencies"/>, each assigned to <paramref name="assessors"/> (user names).</summary>
    public static async Task<Round> CreateRoundAsync(SmartCityFactory app, string[] regencies, string[] assessors, RoundState stored = RoundState.SelfAssessment)
    {
        var year = Interlocked.Increment(ref _nextYear);
        var opens = new DateOnly(year, 3, 1);
        await using var db = app.CreateDbContext();
        var instrument = new Instrument
        {
            Name = $"Instrumen uji {year}",
            Kind = RoundKind.YearlyEvaluation,
            IsTemplate = false,
            ScaleMin = 1,
            ScaleMax = 5,
            DivergenceThreshold = 1,
            Criteria =
            [
                new() { Code = "KOM", NameId = "Komitmen pimpinan", NameEn = "Leadership commitment", Weight = 40, PerDimension = false, SortOrder = 1 },
                new() { Code = "OUT", NameId = "Keluaran", NameEn = "Output", Weight = 60, PerDimension = true, SortOrder = 2 },
            ],
            Bands = [.. Scoring.DefaultBands().Select(b => new Band { Name = b.Name, MinInclusive = b.MinInclusive, MaxExclusive = b.MaxExclusive, SortOrder = b.SortOrder })],
        };
        var regencyIds = await db.Regencies.Where(r => regencies.Contains(r.Code)).Select(r => r.Id).ToListAsync();
        var assessorIds = await db.Users.Where(u => assessors.Contains(u.UserName!)).Select(u => u.Id).ToListAsync();
        var round = new AssessmentRound
        {
            Name = $"Evaluasi uji {year}",
            Kind = RoundKind.YearlyEvaluation,
            Year = year,
            State = stored,
            Instrument = instrument,
            SelfAssessmentOpensOn = opens,
            ScoringOpensOn = opens.AddDays(10),
            ReconciliationOpensOn = opens.AddDays(20),
            FinalisesOn = opens.AddDays(30),
            Participants = [.. regencyIds.Select(id => new RoundParticipant { RegencyId = id })],
            Assignments = [.. regencyIds.SelectMany(id => assessorIds.Select(a => new AssessorAssignment { RegencyId = id, AssessorId = a, AssignedAt = TestNow.Start }))],
        };
        db.AssessmentRounds.Add(round);
        await db.SaveChangesAsync();
        var dimensions = await db.Dimensions.OrderBy(d => d.SortOrder).Select(d => d.Id).ToListAsync();
        return new Round(round.Id, opens, instrument.Criteria[0].Id, instrument.Criteria[1].Id, dimensions);
    }

    public static async Task<int> QuickWinIdAsync(SmartCityFactory app, string code)
    {
        await using var db = app.CreateDbContext();
        var existing = await db.QuickWins.Where(q => db.Regencies.Any(r => r.Id == q.RegencyId && r.Code == code)).OrderBy(q => q.Id).Select(q => (int?)q.Id).FirstOrDefaultAsync();
        if (existing is { } id)
        {
            return id;
        }

        var reportId = await EvidenceTestData.CreateReportAsync(app, code, ReportState.Draft);
        return await db.ProgressReports.Where(r => r.Id == reportId).Select(r => r.QuickWinId).SingleAsync();
    }

    /// <summary>A stored evidence file of the regency.</summary>
    public static async Task<int> FileIdAsync(SmartCityFactory app, string code) =>
        await EvidenceTestData.CreateFileAsync(app, await EvidenceTestData.CreateReportAsync(app, code, ReportState.Draft));

    /// <summary>An assessor's cell citing a quick win.</summary>
    public static ScoreCellInput Cell(int criterionId, int? dimensionId, decimal score, int quickWinId, string? note = "Sesuai dokumen.", uint version = 0) => new()
    {
        CriterionId = criterionId,
        DimensionId = dimensionId,
        Score = score,
        Text = note,
        EvidenceKind = EvidenceKind.QuickWin,
        EvidenceQuickWinId = quickWinId,
        Version = version,
    };

    /// <summary>An assessor's cell citing an interview note.</summary>
    public static ScoreCellInput Interview(int criterionId, int? dimensionId, decimal score, DateTime? date, string? name, string? position, string? text) => new()
    {
        CriterionId = criterionId,
        DimensionId = dimensionId,
        Score = score,
        EvidenceKind = EvidenceKind.Interview,
        InterviewDate = date,
        IntervieweeName = name,
        IntervieweePosition = position,
        InterviewText = text,
    };

    public static async Task<List<AssessorScore>> AssessorScoresAsync(SmartCityFactory app, int roundId)
    {
        await using var db = app.CreateDbContext();
        return await db.AssessorScores.AsNoTracking().Where(s => s.RoundId == roundId).OrderBy(s => s.Id).ToListAsync();
    }

    public static async Task<List<SelfAssessmentScore>> SelfScoresAsync(SmartCityFactory app, int roundId)
    {
        await using var db = app.CreateDbContext();
        return await db.SelfAssessmentScores.AsNoTracking().Where(s => s.RoundId == roundId).OrderBy(s => s.Id).ToListAsync();
    }

    public static string Errors(SmartCity.Web.Common.SaveResult result) =>
        string.Join("; ", result.Errors.SelectMany(e => e.Value)) + (result.Conflict is null ? "" : " conflict");
}
