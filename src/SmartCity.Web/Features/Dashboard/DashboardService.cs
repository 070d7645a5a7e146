using Microsoft.EntityFrameworkCore;
using SmartCity.Web.Data;
using SmartCity.Web.Features.Accounts;

namespace SmartCity.Web.Features.Dashboard;

public sealed record ProgrammeCounts(int Regencies, int RegenciesInProgramme, int Provinces, int QuickWins, int Rounds);

/// <summary>Programme figures for Beranda, in one SQL command.</summary>
public sealed class DashboardService(IDbContextFactory<SmartCityDbContext> dbFactory, RegencyAccess access)
{
    public async Task<ProgrammeCounts> CountsAsync(CancellationToken ct = default)
    {
        access.EnsureNational("the programme counts");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Database.SqlQuery<ProgrammeCounts>($"""
            SELECT (SELECT count(*)::int FROM "Regencies" WHERE "IsActive") AS "Regencies",
                   (SELECT count(*)::int FROM "Regencies" WHERE "IsActive" AND "CohortYear" IS NOT NULL) AS "RegenciesInProgramme",
                   (SELECT count(*)::int FROM "Provinces" WHERE "IsActive") AS "Provinces",
                   (SELECT count(*)::int FROM "QuickWins" WHERE NOT "IsArchived") AS "QuickWins",
                   (SELECT count(*)::int FROM "AssessmentRounds") AS "Rounds"
            """).SingleAsync(ct);
    }
}
