using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using SmartCity.Domain.Masterplans;
using SmartCity.Web.Data;

namespace SmartCity.Web.Features.Masterplans;

/// <summary>
/// The whole masterplan as one value: what a submission stores (immutable, as JSON in <see cref="MasterplanVersion.Snapshot"/>),
/// what the version diff compares block by block, and what the official document prints. Names are Indonesian (the document's language).
/// </summary>
public sealed record MasterplanSnapshot
{
    public required string Title { get; init; }
    public int StartYear { get; init; }
    public int EndYear { get; init; }
    public string? RpjmdTitle { get; init; }
    public int RpjmdStartYear { get; init; }
    public int RpjmdEndYear { get; init; }
    public string? GapAnalysis { get; init; }
    public string? Strengths { get; init; }
    public string? Weaknesses { get; init; }
    public string? Opportunities { get; init; }
    public string? Threats { get; init; }
    public string? Vision { get; init; }
    public string? Missions { get; init; }
    public IReadOnlyList<ReadinessSnapshot> Readiness { get; init; } = [];
    public IReadOnlyList<GoalSnapshot> Goals { get; init; } = [];

    /// <summary>One per dimension that has a strategy, in the official dimension order.</summary>
    public IReadOnlyList<StrategySnapshot> Strategies { get; init; } = [];

    /// <summary>In the official dimension order, then the planners' order.</summary>
    public IReadOnlyList<ProgrammeSnapshot> Programmes { get; init; } = [];
    public IReadOnlyList<SignatorySnapshot> Signatories { get; init; } = [];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static MasterplanSnapshot FromJson(string json) =>
        JsonSerializer.Deserialize<MasterplanSnapshot>(json, Json) ?? throw new InvalidOperationException("Empty masterplan snapshot.");
}

public sealed record ReadinessSnapshot(ReadinessComponent Component, ReadinessGrade? Grade, string? Notes);

public sealed record GoalSnapshot(int Id, string DimensionCode, string Text, string? Indicator, decimal? Baseline, decimal? Target);

public sealed record StrategySnapshot(string DimensionCode, string Text);

public sealed record ProgrammeSnapshot(
    int Id, string Name, string DimensionCode, string? Element, string? Owner, Horizon Horizon, int StartYear, int EndYear,
    decimal? BudgetEstimate, string? BudgetSource, string? RpjmdReference, int? GoalId, IReadOnlyList<ProgrammeKpiSnapshot> Kpis,
    IReadOnlyList<QuickWinLink> QuickWins);

public sealed record ProgrammeKpiSnapshot(string Name, string? Unit, decimal? Baseline, decimal? Target);

/// <summary>A quick win made from (or linked to) a programme.</summary>
public sealed record QuickWinLink(int Id, string Name, string? Acronym);

public sealed record SignatorySnapshot(string Name, string Position, string? Institution, DateOnly? SignedOn);

/// <summary>Reads the working copy of a plan as a <see cref="MasterplanSnapshot"/> (six SQL commands, whatever the number of programmes).</summary>
public static class MasterplanSnapshots
{
    /// <summary>The working copy; null when the plan does not exist. The caller checks access.</summary>
    public static async Task<MasterplanSnapshot?> LoadAsync(SmartCityDbContext db, int masterplanId, CancellationToken ct)
    {
        var plan = await db.Masterplans.AsNoTracking().Where(m => m.Id == masterplanId).SingleOrDefaultAsync(ct);
        if (plan is null)
        {
            return null;
        }

        var readiness = await db.ReadinessRatings.AsNoTracking().Where(r => r.MasterplanId == masterplanId && r.ElementId == null)
            .OrderBy(r => r.Component).Select(r => new ReadinessSnapshot(r.Component, r.Grade, r.Notes)).ToListAsync(ct);
        var goals = await db.MasterplanGoals.AsNoTracking().Where(g => g.MasterplanId == masterplanId)
            .Join(db.Dimensions, g => g.DimensionId, d => d.Id, (g, d) => new { g, d.Code, d.SortOrder })
            .OrderBy(x => x.SortOrder).ThenBy(x => x.g.Id)
            .Select(x => new GoalSnapshot(x.g.Id, x.Code, x.g.Text, x.g.Indicator, x.g.Baseline, x.g.Target)).ToListAsync(ct);
        var strategies = await db.DimensionStrategies.AsNoTracking().Where(s => s.MasterplanId == masterplanId)
            .Join(db.Dimensions, s => s.DimensionId, d => d.Id, (s, d) => new { s.Text, d.Code, d.SortOrder })
            .OrderBy(x => x.SortOrder).Select(x => new StrategySnapshot(x.Code, x.Text)).ToListAsync(ct);
        var programmes = await db.Programmes.AsNoTracking().Where(p => p.MasterplanId == masterplanId)
            .Join(db.Dimensions, p => p.DimensionId, d => d.Id, (p, d) => new { p, d.Code, d.SortOrder })
            .OrderBy(x => x.SortOrder).ThenBy(x => x.p.SortOrder).ThenBy(x => x.p.Id)
            .Select(x => new ProgrammeSnapshot(
                x.p.Id, x.p.Name, x.Code,
                db.Elements.Where(e => e.Id == x.p.ElementId).Select(e => e.NameId).FirstOrDefault(),
                db.GovernmentUnits.Where(u => u.Id == x.p.OwnerUnitId).Select(u => u.Name).FirstOrDefault(),
                x.p.Horizon, x.p.StartYear, x.p.EndYear, x.p.BudgetEstimate, x.p.BudgetSource, x.p.RpjmdReference, x.p.GoalId,
                x.p.Kpis.OrderBy(k => k.Id).Select(k => new ProgrammeKpiSnapshot(k.Name, k.Unit, k.Baseline, k.Target)).ToList(),
                new List<QuickWinLink>()))
            .ToListAsync(ct);
        var quickWins = await db.QuickWins.AsNoTracking()
            .Where(q => q.ProgrammeId != null && !q.IsArchived && db.Programmes.Any(p => p.Id == q.ProgrammeId && p.MasterplanId == masterplanId))
            .OrderBy(q => q.StartDate).ThenBy(q => q.Name)
            .Select(q => new { ProgrammeId = q.ProgrammeId!.Value, Link = new QuickWinLink(q.Id, q.Name, q.Acronym) })
            .ToListAsync(ct);
        var signatories = await db.Signatories.AsNoTracking().Where(s => s.MasterplanId == masterplanId)
            .OrderBy(s => s.SortOrder).ThenBy(s => s.Id)
            .Select(s => new SignatorySnapshot(s.Name, s.Position, s.Institution, s.SignedOn)).ToListAsync(ct);
        var links = quickWins.ToLookup(q => q.ProgrammeId, q => q.Link);
        return new MasterplanSnapshot
        {
            Title = plan.Title,
            StartYear = plan.StartYear,
            EndYear = plan.EndYear,
            RpjmdTitle = plan.RpjmdTitle,
            RpjmdStartYear = plan.RpjmdStartYear,
            RpjmdEndYear = plan.RpjmdEndYear,
            GapAnalysis = plan.GapAnalysis,
            Strengths = plan.Strengths,
            Weaknesses = plan.Weaknesses,
            Opportunities = plan.Opportunities,
            Threats = plan.Threats,
            Vision = plan.Vision,
            Missions = plan.Missions,
            Readiness = readiness,
            Goals = goals,
            Strategies = strategies,
            Programmes = programmes.Select(p => p with { QuickWins = links[p.Id].ToList() }).ToList(),
            Signatories = signatories,
        };
    }
}
