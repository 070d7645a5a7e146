using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SmartCity.Domain.Common;
using SmartCity.Domain.QuickWins;
using SmartCity.Domain.Regencies;
using SmartCity.Web.Common;

namespace SmartCity.Web.Data.Seeding;

/// <summary>
/// Development demo data from the seed facts of DOMAIN.md: Jepara, Jombang and Pemalang with OPDs and stages,
/// Jepara's and Jombang's quick wins with milestones, KPIs and a history of reports, and the demo accounts. Idempotent by natural keys.
/// </summary>
public sealed class DemoDataSeeder(IDbContextFactory<SmartCityDbContext> dbFactory, UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, ProgrammeClock clock)
{
    /// <summary>The one password of every demo account (Development only; documented in README).</summary>
    public const string DemoPassword = "SmartCity-Demo-2026!";

    public const string Jepara = "33.20";
    public const string Jombang = "35.17";
    public const string Pemalang = "33.27";

    private sealed record DemoUser(string UserName, string FullName, string Role, string? RegencyCode, bool Verifier = false);

    public static readonly IReadOnlyList<(string UserName, string Role, string? Regency, bool Verifier)> Accounts =
        DemoUsers.Select(u => (u.UserName, u.Role, u.RegencyCode, u.Verifier)).ToList();

    private static DemoUser[] DemoUsers =>
    [
        new("admin", "Sekretariat Program (Admin)", Roles.Admin, null),
        new("penilai1", "Penilai Nasional 1", Roles.KominfoAssessor, null),
        new("penilai2", "Penilai Nasional 2", Roles.KominfoAssessor, null),
        new("diskominfo.jepara", "Endang Retnoningsih", Roles.DiskominfoStaff, Jepara),
        new("verifikator.jepara", "Arif Darmawan", Roles.DiskominfoStaff, Jepara, Verifier: true),
        new("bappeda.jepara", "Perencana Bappeda Jepara", Roles.BappedaPlanner, Jepara),
        new("bappeda.jombang", "Danang Praptoko", Roles.BappedaPlanner, Jombang),
        new("diskominfo.jombang", "Staf Diskominfo Jombang", Roles.DiskominfoStaff, Jombang, Verifier: true),
        new("diskominfo.pemalang", "Nugroho Budi Rahardjo", Roles.DiskominfoStaff, Pemalang),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        await SeedRegenciesAsync(ct);
        await SeedUsersAsync();
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await DemoMasterplans.SeedAsync(db, Jepara, Jombang, clock.GetUtcNow(), ct);
        }

        await SeedJeparaQuickWinsAsync(ct);
        await SeedJombangQuickWinsAsync(ct);
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await DemoMasterplans.LinkAndApproveAsync(db, Jepara, (await users.FindByNameAsync("bappeda.jepara"))?.Id, (await users.FindByNameAsync("admin"))?.Id, ct);
        }

        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var assessor1 = (await users.FindByNameAsync("penilai1"))!.Id;
            var assessor2 = (await users.FindByNameAsync("penilai2"))!.Id;
            await DemoAssessments.SeedAsync(db, [Jepara, Jombang, Pemalang], assessor1, assessor2, ct);
        }
    }

    private async Task SeedRegenciesAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var regencies = await db.Regencies.Include(r => r.StageHistory).Include(r => r.Units)
            .Where(r => r.Code == Jepara || r.Code == Jombang || r.Code == Pemalang).ToDictionaryAsync(r => r.Code, ct);
        if (regencies.Count != 3)
        {
            throw new InvalidOperationException("Reference data must be imported before demo data (Jepara, Jombang, Pemalang missing).");
        }

        Programme(regencies[Jepara], 2018, ProgrammeStage.Evaluation,
            (ProgrammeStage.BimtekIV, new DateOnly(2018, 10, 17), "Penandatanganan masterplan 2018–2028 dan tiga quick win (komitmen bersama)"),
            (ProgrammeStage.Evaluation, new DateOnly(2023, 11, 8), "Evaluasi tahap II dipaparkan Sekda Edy Sujatmiko dari Command Center"));
        Units(regencies[Jepara],
            ("Dinas Komunikasi dan Informatika", "Diskominfo", GovernmentUnitKind.Dinas),
            ("Badan Perencanaan Pembangunan Daerah", "Bappeda", GovernmentUnitKind.Badan),
            ("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP", GovernmentUnitKind.Dinas),
            ("Dinas Pariwisata dan Kebudayaan", "Disparbud", GovernmentUnitKind.Dinas),
            ("Dinas Kesehatan", "Dinkes", GovernmentUnitKind.Dinas),
            ("Dinas Lingkungan Hidup", "DLH", GovernmentUnitKind.Dinas),
            ("Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak", "Dinsos P3A", GovernmentUnitKind.Dinas),
            ("Dinas Pengendalian Penduduk dan Keluarga Berencana", "DPPKB", GovernmentUnitKind.Dinas),
            ("Sekretariat Daerah", "Setda", GovernmentUnitKind.Sekretariat));

        Programme(regencies[Jombang], 2019, ProgrammeStage.BimtekI,
            (ProgrammeStage.BimtekI, new DateOnly(2019, 10, 8), "FGD penyusunan masterplan (Sekda Akh. Jazuli; Bappeda)"));
        Units(regencies[Jombang],
            ("Dinas Komunikasi dan Informatika", "Diskominfo", GovernmentUnitKind.Dinas),
            ("Badan Perencanaan Pembangunan Daerah", "Bappeda", GovernmentUnitKind.Badan),
            ("Sekretariat Daerah", "Setda", GovernmentUnitKind.Sekretariat));

        Programme(regencies[Pemalang], 2018, ProgrammeStage.Presentation,
            (ProgrammeStage.Presentation, new DateOnly(2018, 12, 12), "Evaluasi masterplan dan quick win di ICE BSD, Tangerang (12–13 Des 2018)"));
        Units(regencies[Pemalang],
            ("Dinas Komunikasi dan Informatika", "Diskominfo", GovernmentUnitKind.Dinas),
            ("Badan Perencanaan Pembangunan Daerah", "Bappeda", GovernmentUnitKind.Badan));

        await db.SaveChangesAsync(ct);
    }

    private static void Programme(Regency regency, int cohort, ProgrammeStage current, params (ProgrammeStage Stage, DateOnly Date, string Note)[] history)
    {
        regency.CohortYear ??= cohort;
        regency.CurrentStage ??= current;
        foreach (var (stage, date, note) in history.Where(h => !regency.StageHistory.Any(s => s.Stage == h.Stage && s.Date == h.Date)))
        {
            regency.StageHistory.Add(new StageChange { Stage = stage, Date = date, Note = note });
        }
    }

    private static void Units(Regency regency, params (string Name, string Acronym, GovernmentUnitKind Kind)[] units)
    {
        foreach (var (name, acronym, kind) in units.Where(u => regency.Units.All(x => x.Name != u.Name)))
        {
            regency.Units.Add(new GovernmentUnit { Name = name, Acronym = acronym, Kind = kind });
        }
    }

    private async Task SeedUsersAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)));
            }
        }

        Dictionary<string, int> regencyIds;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            regencyIds = await db.Regencies.Where(r => r.Code == Jepara || r.Code == Jombang || r.Code == Pemalang).ToDictionaryAsync(r => r.Code, r => r.Id);
        }

        foreach (var demo in DemoUsers)
        {
            if (await users.FindByNameAsync(demo.UserName) is not null)
            {
                continue;
            }

            var user = new ApplicationUser
            {
                UserName = demo.UserName,
                FullName = demo.FullName,
                RegencyId = demo.RegencyCode is null ? null : regencyIds[demo.RegencyCode],
                IsVerifier = demo.Verifier,
                EmailConfirmed = true,
                CreatedAt = clock.GetUtcNow(),
            };
            Check(await users.CreateAsync(user, DemoPassword));
            Check(await users.AddToRoleAsync(user, demo.Role));
        }
    }

    private async Task SeedJeparaQuickWinsAsync(CancellationToken ct) =>
        await SeedQuickWinsAsync(Jepara, DemoQuickWins.Jepara, author: "diskominfo.jepara", verifier: "verifikator.jepara", ct);

    /// <summary>Jombang's reports arrive through the API (no author) and are verified by its Diskominfo verifier.</summary>
    private async Task SeedJombangQuickWinsAsync(CancellationToken ct) =>
        await SeedQuickWinsAsync(Jombang, DemoQuickWins.Jombang, author: null, verifier: "diskominfo.jombang", ct);

    /// <summary>
    /// A regency's demo quick wins with milestones, KPIs and monthly reports; skipped when the regency has any quick win.
    /// A report's percent is the weighted-milestone completion at the period's end plus the elapsed share of the milestone in
    /// progress, so the verified percents agree with the milestones' done dates; KPI actuals follow the percent.
    /// </summary>
    private async Task SeedQuickWinsAsync(string regencyCode, DemoQuickWin[] demo, string? author, string verifier, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var regencyId = await db.Regencies.Where(r => r.Code == regencyCode).Select(r => r.Id).SingleAsync(ct);
        if (await db.QuickWins.AnyAsync(q => q.RegencyId == regencyId, ct))
        {
            return;
        }

        var dimensions = await db.Dimensions.Include(d => d.Elements).ToDictionaryAsync(d => d.Code, ct);
        var units = await db.GovernmentUnits.Where(u => u.RegencyId == regencyId).ToDictionaryAsync(u => u.Acronym!, u => u.Id, ct);
        var authorId = author is null ? null : (await users.FindByNameAsync(author))!.Id;
        var verifierId = (await users.FindByNameAsync(verifier))!.Id;
        var latest = DemoCalendar.LatestPeriod(clock.GetUtcNow());

        foreach (var item in demo)
        {
            var quickWin = new QuickWin
            {
                RegencyId = regencyId,
                Name = item.Name,
                Acronym = item.Acronym,
                Description = item.Description,
                DimensionId = dimensions[item.Dimension].Id,
                ElementId = dimensions[item.Dimension].Elements.Single(e => e.SortOrder == item.Element).Id,
                OwnerUnitId = units[item.Unit],
                StartDate = item.Start,
                TargetDate = item.Target,
                Budget = item.Budget,
                BudgetSource = "APBD",
                Kind = item.Kind,
                CreatedAt = clock.GetUtcNow(),
            };
            quickWin.Milestones.AddRange(item.Milestones.Select((m, i) => new Milestone
            {
                RegencyId = regencyId,
                Name = m.Name,
                Weight = m.Weight,
                DueDate = m.Due,
                DoneDate = m.Done,
                SortOrder = i + 1,
            }));
            quickWin.Kpis.AddRange(item.Kpis.Select(k => new Kpi { RegencyId = regencyId, Name = k.Name, Unit = k.Unit, Baseline = k.Baseline, Target = k.Target }));
            db.QuickWins.Add(quickWin);
            await db.SaveChangesAsync(ct); // KPI ids for the report actuals

            decimal? latestVerified = null;
            var index = 0;
            var last = Parse(item.LastPeriod, latest);
            for (var period = Parse(item.FirstPeriod, latest); period.LastDay <= last.LastDay; period = ReportingPeriod.Containing(period.LastDay.AddDays(1), period.Kind), index++)
            {
                var key = period == latest ? DemoQuickWin.Latest : period.ToString();
                var state = item.Exceptions.TryGetValue(key, out var exception) ? exception : ReportState.Verified;
                if (state is not { } reportState)
                {
                    continue;
                }

                var percent = PercentAt(item, period.LastDay);
                var created = new DateTimeOffset(period.LastDay.AddDays(1).ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);
                var submitted = created.AddDays(2).AddHours(1);
                var report = new ProgressReport
                {
                    RegencyId = regencyId,
                    QuickWinId = quickWin.Id,
                    Period = period.ToString(),
                    PeriodStart = period.FirstDay,
                    PeriodEnd = period.LastDay,
                    Percent = percent,
                    Narrative = Narrative(item, period),
                    Obstacles = index % 3 == 2 ? null : item.Obstacles[index % item.Obstacles.Length],
                    State = reportState,
                    Source = author is null ? ReportSource.Api : ReportSource.Portal,
                    AuthorId = authorId,
                    CreatedAt = reportState == ReportState.Draft ? created.AddDays(4) : created,
                    SubmittedAt = reportState == ReportState.Draft ? null : submitted,
                    VerifiedById = reportState == ReportState.Verified ? verifierId : null,
                    VerifiedAt = reportState == ReportState.Verified ? submitted.AddDays(2) : null,
                    ReturnReason = reportState == ReportState.Returned ? item.ReturnReason : null,
                };
                report.KpiActuals.AddRange(quickWin.Kpis.Zip(item.Kpis, (kpi, k) => new ReportKpiActual { RegencyId = regencyId, KpiId = kpi.Id, Value = Actual(k, percent) }));
                db.ProgressReports.Add(report);
                if (reportState == ReportState.Verified)
                {
                    latestVerified = percent;
                }
            }

            foreach (var (kpi, k) in quickWin.Kpis.Zip(item.Kpis))
            {
                kpi.LatestActual = latestVerified is { } p ? Actual(k, p) : null;
            }

            quickWin.Status = latestVerified >= 100 ? QuickWinStatus.Completed : QuickWinStatus.Running;
            await db.SaveChangesAsync(ct);
        }
    }

    private static ReportingPeriod Parse(string period, ReportingPeriod latest) =>
        period == DemoQuickWin.Latest ? latest
        : ReportingPeriod.TryParse(period, out var p) ? p : throw new InvalidOperationException($"Bad demo period {period}.");

    /// <summary>Done milestones' weights plus the elapsed share (at most 90 %) of the one in progress, as a whole percent.</summary>
    private static decimal PercentAt(DemoQuickWin item, DateOnly day)
    {
        var total = item.Milestones.Sum(m => m.Weight);
        var done = item.Milestones.Where(m => m.Done <= day).Sum(m => m.Weight);
        var next = item.Milestones.FirstOrDefault(m => !(m.Done <= day));
        decimal partial = 0;
        if (next is not null)
        {
            var since = item.Milestones.Where(m => m.Done <= day).Select(m => m.Done!.Value).DefaultIfEmpty(item.Start).Max();
            var span = next.Due.DayNumber - since.DayNumber;
            var share = span <= 0 ? 0.9m : Math.Clamp((decimal)(day.DayNumber - since.DayNumber) / span, 0, 0.9m);
            partial = next.Weight * share;
        }

        return Math.Round((done + partial) * 100 / total, 0, MidpointRounding.AwayFromZero);
    }

    private static decimal Actual(DemoKpi kpi, decimal percent) =>
        Math.Round(kpi.Baseline + ((kpi.Target - kpi.Baseline) * percent / 100), kpi.Decimals, MidpointRounding.AwayFromZero);

    private static readonly string[] Months =
        ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    private static string Narrative(DemoQuickWin item, ReportingPeriod period)
    {
        var doneNow = item.Milestones.Where(m => m.Done >= period.FirstDay && m.Done <= period.LastDay).Select(m => $"Tonggak \"{m.Name}\" selesai.");
        var doneCount = item.Milestones.Count(m => m.Done <= period.LastDay);
        var next = item.Milestones.FirstOrDefault(m => !(m.Done <= period.LastDay));
        var status = next is null
            ? "Seluruh tonggak selesai; layanan berjalan penuh dan dipantau rutin."
            : $"Tahap \"{next.Name}\" sedang dikerjakan ({doneCount} dari {item.Milestones.Length} tonggak selesai).";
        return string.Join(' ', [$"Kemajuan {item.Acronym ?? item.Name} bulan {Months[period.FirstDay.Month - 1]} {period.Year}:", .. doneNow, status]);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Demo seed failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
