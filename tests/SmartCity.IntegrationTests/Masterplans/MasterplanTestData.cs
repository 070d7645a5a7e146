using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCity.Domain.Masterplans;
using SmartCity.Domain.QuickWins;
using SmartCity.Testing;
using SmartCity.Web.Common;
using SmartCity.Web.Data;
using SmartCity.Web.Features.Masterplans;

namespace SmartCity.IntegrationTests.Masterplans;

/// <summary>
/// Masterplans for tests, written through the services as a planner would. Each plan gets a free period of its regency
/// (periods of one regency may not overlap), so the tests of a class never see each other's plans.
/// </summary>
internal static class MasterplanTestData
{
    public const string Jepara = "33.20";
    public const string Jombang = "35.17";
    public const string Planner = "bappeda.jombang";
    public const string JeparaPlanner = "bappeda.jepara";

    /// <summary>A second Bappeda planner of Jombang (created on first use) for two-planner cases.</summary>
    public const string SecondPlanner = "bappeda2.jombang.uji";

    public static async Task<int> RegencyIdAsync(SmartCityFactory app, string code)
    {
        await using var db = app.CreateDbContext();
        return await db.Regencies.Where(r => r.Code == code).Select(r => r.Id).SingleAsync();
    }

    /// <summary>The first period (from 2030 on, else from 2001) no plan of the regency overlaps: about 19 plans of 5 years per regency and app.</summary>
    private const int ProgrammeYearsFrom = 2050;
    private const int ProgrammeYearsTo = 2061;

    public static async Task<int> FreeStartAsync(SmartCityFactory app, int regencyId, int years = 5)
    {
        await using var db = app.CreateDbContext();
        var taken = await db.Masterplans.AsNoTracking().Where(m => m.RegencyId == regencyId).Select(m => new { m.StartYear, m.EndYear }).ToListAsync();
        foreach (var start in Enumerable.Range(2030, 2100 - years - 2030 + 1).Concat(Enumerable.Range(2001, 29)))
        {
            // 2050–2061 belongs to ProgrammeServiceTests, whose messages name fixed years.
            if (!taken.Any(t => t.StartYear < start + years && start < t.EndYear) && (start + years <= ProgrammeYearsFrom || start >= ProgrammeYearsTo))
            {
                return start;
            }
        }

        throw new InvalidOperationException("No free masterplan period left for the test regency.");
    }

    public static MasterplanInput Frame(int start, int years = 5, string? title = null) => new()
    {
        Title = title ?? $"Masterplan Smart City uji {start}–{start + years}",
        StartYear = start,
        EndYear = start + years,
        RpjmdTitle = "RPJMD Kabupaten 2025–2030",
        RpjmdStartYear = start - 1,
        RpjmdEndYear = start + 4,
    };

    /// <summary>Creates a plan of <paramref name="code"/> as its planner; returns (id, start year).</summary>
    public static async Task<(int Id, int Start)> CreateAsync(SmartCityFactory app, string code = Jombang, string user = Planner, int years = 5)
    {
        var regencyId = await RegencyIdAsync(app, code);
        var start = await FreeStartAsync(app, regencyId, years);
        await using var planner = await app.AsAsync(user);
        var result = await planner.Get<MasterplanService>().CreateAsync(regencyId, Frame(start, years));
        AssertSaved(result);
        return (result.Id!.Value, start);
    }

    public static void AssertSaved(SaveResult result) =>
        Assert.True(result.Succeeded, result.Conflict is not null ? "conflict" : string.Join("; ", result.Errors.SelectMany(e => e.Value)));

    public static async Task<MasterplanDetail> DetailAsync(SmartCityFactory app, int id, string user = Planner)
    {
        await using var actor = await app.AsAsync(user);
        return await actor.Get<MasterplanService>().GetAsync(id) ?? throw new InvalidOperationException($"No masterplan {id}");
    }

    public static async Task<Masterplan> RowAsync(SmartCityFactory app, int id)
    {
        await using var db = app.CreateDbContext();
        return await db.Masterplans.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    public static async Task<int> AuditCountAsync(SmartCityFactory app, string entity, string? key = null)
    {
        await using var db = app.CreateDbContext();
        return await db.AuditEntries.CountAsync(a => a.Entity == entity && (key == null || a.EntityKey == key));
    }

    public static async Task<Dictionary<string, int>> DimensionsAsync(SmartCityFactory app)
    {
        await using var db = app.CreateDbContext();
        return await db.Dimensions.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Id);
    }

    public static TextBlockInput Vision(MasterplanDetail loaded, string? vision, string? missions = null) => new()
    {
        Block = MasterplanBlocks.Vision,
        Fields = new() { [TextBlocks.Vision] = vision, [TextBlocks.Missions] = missions ?? loaded.Missions },
        Base = new() { [TextBlocks.Vision] = loaded.Vision, [TextBlocks.Missions] = loaded.Missions },
        Version = loaded.Version,
    };

    public static TextBlockInput Analysis(MasterplanDetail loaded, string? gap) => new()
    {
        Block = MasterplanBlocks.Analysis,
        Fields = new()
        {
            [TextBlocks.GapAnalysis] = gap,
            [TextBlocks.Strengths] = loaded.Strengths,
            [TextBlocks.Weaknesses] = loaded.Weaknesses,
            [TextBlocks.Opportunities] = loaded.Opportunities,
            [TextBlocks.Threats] = loaded.Threats,
        },
        Base = new()
        {
            [TextBlocks.GapAnalysis] = loaded.GapAnalysis,
            [TextBlocks.Strengths] = loaded.Strengths,
            [TextBlocks.Weaknesses] = loaded.Weaknesses,
            [TextBlocks.Opportunities] = loaded.Opportunities,
            [TextBlocks.Threats] = loaded.Threats,
        },
        Version = loaded.Version,
    };

    public static TextBlockInput Strategy(MasterplanDetail loaded, string code, string? text)
    {
        var dimension = loaded.Dimensions.Single(d => d.Code == code);
        return new()
        {
            Block = MasterplanBlocks.StrategyOf(code),
            Fields = new() { [TextBlocks.Strategy] = text },
            Base = new() { [TextBlocks.Strategy] = dimension.Strategy },
            Version = dimension.StrategyVersion,
        };
    }

    public static List<ReadinessCell> Cells(MasterplanDetail loaded) =>
        loaded.Readiness.Select(r => new ReadinessCell { Component = r.Component, Grade = r.Grade, Notes = r.Notes }).ToList();

    /// <summary>Inserts programmes (with KPIs) of a plan through the DbContext, as the programme editor is another helper's work.</summary>
    public static async Task<List<int>> AddProgrammesAsync(SmartCityFactory app, int planId, IEnumerable<(string DimensionCode, string Name, int StartYear, int EndYear)> programmes, int kpis = 0, int? goalId = null)
    {
        await using var db = app.CreateDbContext();
        var plan = await db.Masterplans.AsNoTracking().SingleAsync(m => m.Id == planId);
        var dimensions = await db.Dimensions.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Id);
        var rows = programmes.Select((p, i) => new Programme
        {
            RegencyId = plan.RegencyId,
            MasterplanId = planId,
            Name = p.Name,
            DimensionId = dimensions[p.DimensionCode],
            StartYear = p.StartYear,
            EndYear = p.EndYear,
            Horizon = Horizon.ShortTerm,
            GoalId = goalId,
            SortOrder = i + 1,
            Kpis = Enumerable.Range(1, kpis).Select(k => new ProgrammeKpi { RegencyId = plan.RegencyId, Name = $"{p.Name} KPI {k}", Unit = "%", Baseline = 0, Target = 100, SortOrder = k }).ToList(),
        }).ToList();
        db.Programmes.AddRange(rows);
        await db.SaveChangesAsync();
        return rows.Select(r => r.Id).ToList();
    }

    /// <summary>A quick win of the plan's regency serving <paramref name="programmeId"/>, with a verified report of <paramref name="percent"/>.</summary>
    public static async Task<int> AddQuickWinAsync(SmartCityFactory app, int programmeId, DateOnly start, decimal? percent = null)
    {
        await using var db = app.CreateDbContext();
        var programme = await db.Programmes.AsNoTracking().SingleAsync(p => p.Id == programmeId);
        var quickWin = new QuickWin
        {
            RegencyId = programme.RegencyId,
            Name = $"QW {programme.Name} {Guid.NewGuid():N}"[..40],
            DimensionId = programme.DimensionId,
            ProgrammeId = programmeId,
            StartDate = start,
            TargetDate = start.AddYears(1),
            Budget = 1_000_000,
            Status = QuickWinStatus.Running,
            CreatedAt = TestNow.Start,
        };
        db.QuickWins.Add(quickWin);
        await db.SaveChangesAsync();
        if (percent is { } p)
        {
            db.ProgressReports.Add(new ProgressReport
            {
                RegencyId = programme.RegencyId,
                QuickWinId = quickWin.Id,
                Period = start.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
                PeriodStart = new DateOnly(start.Year, start.Month, 1),
                PeriodEnd = new DateOnly(start.Year, start.Month, 1).AddMonths(1).AddDays(-1),
                Percent = p,
                State = ReportState.Verified,
                CreatedAt = TestNow.Start,
            });
            await db.SaveChangesAsync();
        }

        return quickWin.Id;
    }

    /// <summary>Fills every block so the plan is complete: readiness, vision and missions, a goal, a strategy and a programme per dimension, a signatory.</summary>
    public static async Task CompleteAsync(SmartCityFactory app, int planId, string user = Planner)
    {
        var loaded = await DetailAsync(app, planId, user);
        await using var planner = await app.AsAsync(user);
        var blocks = planner.Get<MasterplanBlockService>();
        AssertSaved(await blocks.SaveReadinessAsync(planId, new ReadinessInput
        {
            Cells = loaded.Readiness.Select(r => new ReadinessCell { Component = r.Component, Grade = ReadinessGrade.Moderate, Notes = "Cukup." }).ToList(),
            Base = Cells(loaded),
        }));
        AssertSaved(await blocks.SaveTextAsync(planId, Vision(loaded, "Jombang cerdas, sejahtera dan berbudaya.", "1. Tata kelola digital.\n2. Layanan publik terpadu.")));
        foreach (var dimension in loaded.Dimensions)
        {
            AssertSaved(await blocks.SaveTextAsync(planId, Strategy(loaded, dimension.Code, $"Strategi {dimension.Code}.")));
        }

        var goal = await blocks.SaveGoalAsync(planId, null, new GoalInput { DimensionId = loaded.Dimensions[0].Id, Text = "Layanan perizinan daring", Indicator = "Jenis izin", Baseline = 0, Target = 74 });
        AssertSaved(goal);
        AssertSaved(await blocks.SaveSignatoryAsync(planId, null, new SignatoryInput { Name = "Hj. Mundjidah Wahab", Position = "Bupati Jombang", SignedOn = new DateTime(2019, 10, 8) }));
        await AddProgrammesAsync(app, planId, loaded.Dimensions.Select(d => (d.Code, $"Program {d.Code}", loaded.StartYear, loaded.StartYear + 2)), kpis: 1, goalId: goal.Id);
    }

    /// <summary>The second Jombang planner, created once per app.</summary>
    public static async Task EnsureSecondPlannerAsync(SmartCityFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByNameAsync(SecondPlanner) is not null)
        {
            return;
        }

        var user = new ApplicationUser
        {
            UserName = SecondPlanner,
            Email = SecondPlanner + "@jombangkab.go.id",
            EmailConfirmed = true,
            FullName = "Perencana Kedua",
            RegencyId = await RegencyIdAsync(app, Jombang),
            CreatedAt = TestNow.Start,
        };
        Assert.True((await users.CreateAsync(user, "SmartCity-Uji-2026!x")).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.BappedaPlanner)).Succeeded);
    }
}
