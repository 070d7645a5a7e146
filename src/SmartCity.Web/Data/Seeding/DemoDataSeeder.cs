using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SmartCity.Domain.Common;
using SmartCity.Domain.QuickWins;
using SmartCity.Domain.Regencies;

namespace SmartCity.Web.Data.Seeding;

/// <summary>
/// Development demo data from the seed facts of DOMAIN.md: Jepara, Jombang and Pemalang with OPDs and stages,
/// Jepara's quick wins with a history of reports, and the demo accounts. Idempotent by natural keys.
/// </summary>
public sealed class DemoDataSeeder(IDbContextFactory<SmartCityDbContext> dbFactory, UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, TimeProvider timeProvider)
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
        new("diskominfo.jombang", "Staf Diskominfo Jombang", Roles.DiskominfoStaff, Jombang),
        new("diskominfo.pemalang", "Nugroho Budi Rahardjo", Roles.DiskominfoStaff, Pemalang),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        await SeedRegenciesAsync(ct);
        await SeedUsersAsync();
        await SeedJeparaQuickWinsAsync(ct);
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
                CreatedAt = timeProvider.GetUtcNow(),
            };
            Check(await users.CreateAsync(user, DemoPassword));
            Check(await users.AddToRoleAsync(user, demo.Role));
        }
    }

    private async Task SeedJeparaQuickWinsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jepara = await db.Regencies.Where(r => r.Code == Jepara).Select(r => r.Id).SingleAsync(ct);
        if (await db.QuickWins.AnyAsync(q => q.RegencyId == jepara, ct))
        {
            return;
        }

        var dimensions = await db.Dimensions.Include(d => d.Elements).ToDictionaryAsync(d => d.Code, ct);
        var units = await db.GovernmentUnits.Where(u => u.RegencyId == jepara).ToDictionaryAsync(u => u.Acronym!, u => u.Id, ct);
        var author = (await users.FindByNameAsync("diskominfo.jepara"))!.Id;
        var verifier = (await users.FindByNameAsync("verifikator.jepara"))!.Id;

        QuickWin Make(string name, string? acronym, string dimension, int element, string unit, DateOnly start, DateOnly target, decimal budget, QuickWinKind kind, string description) => new()
        {
            RegencyId = jepara,
            Name = name,
            Acronym = acronym,
            Description = description,
            DimensionId = dimensions[dimension].Id,
            ElementId = dimensions[dimension].Elements.Single(e => e.SortOrder == element).Id,
            OwnerUnitId = units[unit],
            StartDate = start,
            TargetDate = target,
            Budget = budget,
            BudgetSource = "APBD",
            Kind = kind,
            Status = QuickWinStatus.Running,
            CreatedAt = timeProvider.GetUtcNow(),
        };

        var start2018 = new DateOnly(2018, 10, 17);
        var end2018 = new DateOnly(2018, 12, 31);
        var quickWins = new List<(QuickWin QuickWin, (string Period, decimal Percent, ReportState State)[] Reports)>
        {
            (Make("Sistem Informasi Tata Ruang untuk Pelayanan Perizinan", "Singmantap", "GOV", 1, "DPMPTSP", start2018, end2018, 150_000_000, QuickWinKind.ItSystem,
                "Informasi tata ruang untuk pelayanan perizinan."), [("2018-11", 60, ReportState.Verified), ("2018-12", 100, ReportState.Verified)]),
            (Make("Sistem Informasi Program Penanggulangan Kemiskinan Terpadu", "Sipronangkis", "SOC", 1, "Dinsos P3A", start2018, end2018, 120_000_000, QuickWinKind.ItSystem,
                "Data terpadu program penanggulangan kemiskinan."), [("2018-11", 50, ReportState.Verified), ("2018-12", 100, ReportState.Verified)]),
            (Make("Sistem Informasi Angkutan Sampah", "Siangsa", "ENV", 2, "DLH", start2018, end2018, 90_000_000, QuickWinKind.ItSystem,
                "Pemantauan angkutan sampah."), [("2018-11", 70, ReportState.Verified), ("2018-12", 100, ReportState.Verified)]),
            (Make("Jepara Online Smart Service", "JOSS", "GOV", 1, "DPMPTSP", new DateOnly(2021, 1, 4), new DateOnly(2021, 10, 31), 450_000_000, QuickWinKind.ItSystem,
                "Layanan daring 74 perizinan non-OSS; beroperasi sejak Oktober 2021."), [("2021-08", 80, ReportState.Verified), ("2021-10", 100, ReportState.Verified)]),
            (Make("Tourism Information Center", "TIC", "BRA", 1, "Disparbud", new DateOnly(2023, 1, 9), new DateOnly(2027, 6, 30), 200_000_000, QuickWinKind.ItSystem,
                "Pusat informasi pariwisata Jepara."), [("2026-08", 55, ReportState.Verified), ("2026-09", 65, ReportState.Submitted)]),
            (Make("Sistem Monitoring CSR", "Simoncer", "ECO", 2, "Setda", new DateOnly(2023, 1, 9), new DateOnly(2027, 12, 31), 100_000_000, QuickWinKind.ItSystem,
                "Pemantauan program tanggung jawab sosial perusahaan (CSR)."), [("2026-08", 40, ReportState.Verified), ("2026-09", 45, ReportState.Returned)]),
            (Make("Sistem Manajemen Puskesmas Terintegrasi BPJS", "Simpus", "LIV", 2, "Dinkes", new DateOnly(2023, 1, 9), new DateOnly(2027, 12, 31), 300_000_000, QuickWinKind.ItSystem,
                "Manajemen puskesmas yang terintegrasi dengan BPJS."), [("2026-09", 70, ReportState.Verified)]),
            (Make("Nikah Keren", null, "SOC", 1, "DPPKB", new DateOnly(2023, 1, 9), new DateOnly(2027, 12, 31), 75_000_000, QuickWinKind.PolicyInnovation,
                "Pencegahan perkawinan anak dan stunting."), [("2026-09", 35, ReportState.Verified)]),
            (Make("Desa Mandiri Sampah", null, "ENV", 2, "DLH", new DateOnly(2023, 1, 9), new DateOnly(2027, 12, 31), 250_000_000, QuickWinKind.PolicyInnovation,
                "Desa mandiri sampah dengan Jemput Sampah Terpilah, Bank Sampah dan Siangsa."), [("2026-10", 20, ReportState.Draft)]),
        };

        foreach (var (quickWin, reports) in quickWins)
        {
            foreach (var (period, percent, state) in reports)
            {
                if (!ReportingPeriod.TryParse(period, out var p))
                {
                    throw new InvalidOperationException($"Bad demo period {period}.");
                }

                var submitted = new DateTimeOffset(p.LastDay.AddDays(3).ToDateTime(new TimeOnly(3, 0)), TimeSpan.Zero);
                quickWin.Reports.Add(new ProgressReport
                {
                    RegencyId = jepara,
                    Period = period,
                    PeriodStart = p.FirstDay,
                    PeriodEnd = p.LastDay,
                    Percent = percent,
                    Narrative = $"Laporan kemajuan {quickWin.Acronym ?? quickWin.Name} periode {period}.",
                    State = state,
                    AuthorId = author,
                    CreatedAt = submitted,
                    SubmittedAt = state == ReportState.Draft ? null : submitted,
                    VerifiedById = state == ReportState.Verified ? verifier : null,
                    VerifiedAt = state == ReportState.Verified ? submitted.AddDays(2) : null,
                    ReturnReason = state == ReportState.Returned ? "Bukti dukung belum dilampirkan." : null,
                });
            }

            var final = reports.Where(r => r.State == ReportState.Verified).Select(r => r.Percent).LastOrDefault();
            quickWin.Status = final >= 100 ? QuickWinStatus.Completed : QuickWinStatus.Running;
            db.QuickWins.Add(quickWin);
        }

        await db.SaveChangesAsync(ct);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Demo seed failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
