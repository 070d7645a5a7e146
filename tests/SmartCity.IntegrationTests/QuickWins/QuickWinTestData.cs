using Microsoft.EntityFrameworkCore;
using SmartCity.Domain.Masterplans;
using SmartCity.Domain.QuickWins;
using SmartCity.Testing;
using SmartCity.Web.Features.QuickWins;

namespace SmartCity.IntegrationTests.QuickWins;

/// <summary>Fresh quick wins with unique names, written through the services as a real user would, so tests in a class do not interfere.</summary>
internal static class QuickWinTestData
{
    public const string Jepara = "33.20";
    public const string Jombang = "35.17";
    public const string Author = "diskominfo.jepara";
    public const string Verifier = "verifikator.jepara";

    public static string Unique(string prefix) => $"{prefix} {Guid.NewGuid():N}"[..(prefix.Length + 13)];

    public static async Task<int> RegencyIdAsync(SmartCityFactory app, string code)
    {
        await using var db = app.CreateDbContext();
        return await db.Regencies.Where(r => r.Code == code).Select(r => r.Id).SingleAsync();
    }

    public static async Task<int> DimensionIdAsync(SmartCityFactory app, string code)
    {
        await using var db = app.CreateDbContext();
        return await db.Dimensions.Where(d => d.Code == code).Select(d => d.Id).SingleAsync();
    }

    /// <summary>An element of the dimension <paramref name="code"/>.</summary>
    public static async Task<int> ElementIdAsync(SmartCityFactory app, string code)
    {
        await using var db = app.CreateDbContext();
        return await db.Elements.Where(e => db.Dimensions.Any(d => d.Id == e.DimensionId && d.Code == code)).OrderBy(e => e.SortOrder).Select(e => e.Id).FirstAsync();
    }

    public static async Task<int> UnitIdAsync(SmartCityFactory app, string regencyCode, string acronym)
    {
        await using var db = app.CreateDbContext();
        return await db.GovernmentUnits.Where(u => db.Regencies.Any(r => r.Id == u.RegencyId && r.Code == regencyCode) && u.Acronym == acronym).Select(u => u.Id).SingleAsync();
    }

    /// <summary>A masterplan programme of the regency (the demo data has none): the first one, created with its masterplan when missing.</summary>
    public static async Task<int> ProgrammeIdAsync(SmartCityFactory app, string regencyCode)
    {
        await using var db = app.CreateDbContext();
        var regencyId = await db.Regencies.Where(r => r.Code == regencyCode).Select(r => r.Id).SingleAsync();
        if (await db.Programmes.Where(p => p.RegencyId == regencyId).OrderBy(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync() is { } existing)
        {
            return existing;
        }

        var dimensionId = await db.Dimensions.Where(d => d.Code == "GOV").Select(d => d.Id).SingleAsync();
        var masterplan = new Masterplan { RegencyId = regencyId, Title = $"Masterplan Smart City {regencyCode} (uji)", StartYear = 2018, EndYear = 2028, RpjmdStartYear = 2017, RpjmdEndYear = 2022 };
        var programme = new Programme { RegencyId = regencyId, Name = $"Program uji {regencyCode}", DimensionId = dimensionId, StartYear = 2019, EndYear = 2020 };
        db.Masterplans.Add(masterplan);
        await db.SaveChangesAsync();
        programme.MasterplanId = masterplan.Id;
        db.Programmes.Add(programme);
        await db.SaveChangesAsync();
        return programme.Id;
    }

    public static QuickWinInput Input(
        int dimensionId, string name, DateTime? start = null, DateTime? target = null, QuickWinStatus status = QuickWinStatus.Planned,
        string? acronym = null, int? unitId = null, decimal budget = 50_000_000) => new()
        {
            Name = name,
            Acronym = acronym,
            Description = "Dibuat oleh uji integrasi.",
            DimensionId = dimensionId,
            OwnerUnitId = unitId,
            StartDate = start ?? new DateTime(2026, 1, 5),
            TargetDate = target ?? new DateTime(2027, 12, 31),
            Budget = budget,
            BudgetSource = "APBD",
            Kind = QuickWinKind.ItSystem,
            Status = status,
        };

    /// <summary>Creates a Jepara quick win as diskominfo.jepara and returns its id.</summary>
    public static async Task<int> CreateAsync(SmartCityFactory app, QuickWinInput input, string regencyCode = Jepara, string user = Author)
    {
        var regencyId = await RegencyIdAsync(app, regencyCode);
        await using var staff = await app.AsAsync(user);
        var result = await staff.Get<QuickWinService>().CreateAsync(regencyId, input);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.SelectMany(e => e.Value)));
        return result.Id!.Value;
    }

    /// <summary>A fresh GOV quick win of Jepara starting <paramref name="start"/> (default 5 Jan 2026), Planned.</summary>
    public static async Task<int> CreateFreshAsync(SmartCityFactory app, string prefix = "Uji QW", DateTime? start = null)
    {
        var dimension = await DimensionIdAsync(app, "GOV");
        return await CreateAsync(app, Input(dimension, Unique(prefix), start));
    }

    /// <summary>Saves a report as <paramref name="user"/>; asserts success and returns (id, version).</summary>
    public static async Task<(int Id, uint Version)> SaveReportAsync(
        SmartCityFactory app, int quickWinId, string period, decimal percent, bool submit, string user = Author, int? reportId = null, uint version = 0,
        List<KpiActualInput>? actuals = null)
    {
        await using var staff = await app.AsAsync(user);
        var result = await staff.Get<ReportService>().SaveAsync(
            quickWinId, reportId, new ReportInput { Period = period, Percent = percent, Narrative = $"Kemajuan {period}.", Version = version, Actuals = actuals ?? [] }, submit);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.SelectMany(e => e.Value)) + (result.Conflict is null ? "" : " conflict"));
        return (result.Id!.Value, result.Version);
    }

    public static async Task<SmartCity.Web.Common.SaveResult> VerifyAsync(SmartCityFactory app, int reportId, string user = Verifier)
    {
        await using var verifier = await app.AsAsync(user);
        var reports = verifier.Get<ReportService>();
        var report = await reports.GetAsync(reportId);
        return await reports.VerifyAsync(reportId, report!.Version);
    }

    public static async Task<QuickWinDetail> DetailAsync(SmartCityFactory app, int quickWinId, string user = Author)
    {
        await using var actor = await app.AsAsync(user);
        return (await actor.Get<QuickWinService>().GetAsync(quickWinId))!;
    }

    /// <summary>Rows of every quick-win table, to prove a refused write saved nothing.</summary>
    public static async Task<(int QuickWins, int Milestones, int Kpis, int Reports, int Actuals)> CountsAsync(SmartCityFactory app)
    {
        await using var db = app.CreateDbContext();
        return (await db.QuickWins.CountAsync(), await db.Milestones.CountAsync(), await db.Kpis.CountAsync(),
            await db.ProgressReports.CountAsync(), await db.ReportKpiActuals.CountAsync());
    }
}
