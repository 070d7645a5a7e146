using Microsoft.EntityFrameworkCore;
using SmartCity.Domain.Masterplans;
using SmartCity.Web.Features.Masterplans;

namespace SmartCity.Web.Data.Seeding;

/// <summary>A demo programme: dimension code, element (1-based), OPD acronym, years, budget, RPJMD reference, and the quick win made from it.</summary>
internal sealed record DemoProgramme(string Name, string Dimension, int Element, string Unit, int Start, int End, decimal Budget, string Rpjmd, string? QuickWin = null);

/// <summary>
/// The demo masterplans (DOMAIN.md): Jepara's 2018–2028 plan, approved as version 1 and signed on 17 Oct 2018 with its three 2018
/// quick wins linked to their programmes; Jombang's draft in progress since the FGD of 8 Oct 2019.
/// </summary>
internal static class DemoMasterplans
{
    private static readonly DateOnly Signed = new(2018, 10, 17);

    private static readonly Dictionary<string, string> JeparaStrategies = new()
    {
        ["GOV"] = "Layanan perizinan dan administrasi pemerintahan daring yang terintegrasi, didukung pusat data dan tata kelola SPBE.",
        ["BRA"] = "Penguatan citra Jepara sebagai kota ukir dan wisata pantai melalui informasi pariwisata digital dan promosi UMKM.",
        ["ECO"] = "Ekosistem ekonomi digital bagi pengrajin mebel dan UMKM, serta pemantauan tanggung jawab sosial perusahaan.",
        ["LIV"] = "Layanan kesehatan dan kependudukan yang mudah diakses, terintegrasi dengan BPJS Kesehatan.",
        ["SOC"] = "Data terpadu penanggulangan kemiskinan dan pencegahan perkawinan anak dengan partisipasi desa.",
        ["ENV"] = "Pengelolaan sampah berbasis desa dan pemantauan angkutan sampah secara daring.",
    };

    private static readonly DemoProgramme[] JeparaProgrammes =
    [
        new("Pelayanan perizinan berbasis informasi tata ruang", "GOV", 1, "DPMPTSP", 2018, 2020, 450_000_000, "RPJMD Misi 1 — Program Pelayanan Penanaman Modal", "Singmantap"),
        new("Pusat data dan integrasi layanan pemerintahan", "GOV", 3, "Diskominfo", 2019, 2023, 1_200_000_000, "Renstra Diskominfo — Program Aplikasi Informatika"),
        new("Sistem informasi pariwisata terpadu", "BRA", 1, "Disparbud", 2019, 2022, 350_000_000, "Renstra Disparbud — Program Pemasaran Pariwisata"),
        new("Pemantauan CSR dan kemitraan usaha", "ECO", 1, "Setda", 2020, 2024, 300_000_000, "RPJMD Misi 3 — Program Kemitraan Usaha"),
        new("Layanan puskesmas terintegrasi BPJS", "LIV", 3, "Dinkes", 2020, 2025, 900_000_000, "Renstra Dinkes — Program Upaya Kesehatan Masyarakat"),
        new("Data terpadu penanggulangan kemiskinan", "SOC", 1, "Dinsos P3A", 2018, 2021, 380_000_000, "RPJMD Misi 2 — Program Penanggulangan Kemiskinan", "Sipronangkis"),
        new("Pencegahan perkawinan anak dan stunting", "SOC", 2, "DPPKB", 2021, 2026, 420_000_000, "Renstra DPPKB — Program Ketahanan Keluarga"),
        new("Pengelolaan sampah terpadu berbasis desa", "ENV", 2, "DLH", 2018, 2028, 2_500_000_000, "Renstra DLH — Program Pengelolaan Persampahan", "Siangsa"),
    ];

    /// <summary>Jepara's plan and parts and Jombang's draft; skipped for a regency that has any masterplan.</summary>
    public static async Task SeedAsync(SmartCityDbContext db, string jepara, string jombang, DateTimeOffset now, CancellationToken ct)
    {
        var regencies = await db.Regencies.Where(r => r.Code == jepara || r.Code == jombang).ToDictionaryAsync(r => r.Code, r => r.Id, ct);
        var dimensions = await db.Dimensions.Include(d => d.Elements).ToDictionaryAsync(d => d.Code, ct);
        if (!await db.Masterplans.AnyAsync(m => m.RegencyId == regencies[jepara], ct))
        {
            var units = await db.GovernmentUnits.Where(u => u.RegencyId == regencies[jepara]).ToDictionaryAsync(u => u.Acronym!, u => u.Id, ct);
            var plan = Jepara(regencies[jepara], dimensions, units, now);
            db.Masterplans.Add(plan);
            foreach (var programme in plan.Programmes)
            {
                programme.GoalId = plan.Goals.Single(g => g.DimensionId == programme.DimensionId).Id;
            }
        }

        if (!await db.Masterplans.AnyAsync(m => m.RegencyId == regencies[jombang], ct))
        {
            var units = await db.GovernmentUnits.Where(u => u.RegencyId == regencies[jombang]).ToDictionaryAsync(u => u.Acronym!, u => u.Id, ct);
            db.Masterplans.Add(Jombang(regencies[jombang], dimensions, units, now));
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// After the quick wins exist: links Jepara's 2018 quick wins to the programmes they came from and stores the approved version 1
    /// (submitted by Bappeda, approved by the secretariat on the signing day).
    /// </summary>
    public static async Task LinkAndApproveAsync(SmartCityDbContext db, string jepara, string? plannerId, string? adminId, CancellationToken ct)
    {
        var plan = await db.Masterplans.Include(m => m.Programmes).Include(m => m.Versions)
            .SingleOrDefaultAsync(m => m.RegencyId == db.Regencies.Where(r => r.Code == jepara).Select(r => r.Id).First() && m.StartYear == 2018, ct);
        if (plan is null || plan.Versions.Count > 0)
        {
            return;
        }

        foreach (var demo in JeparaProgrammes.Where(p => p.QuickWin is not null))
        {
            var programme = plan.Programmes.Single(p => p.Name == demo.Name);
            await db.QuickWins.Where(q => q.RegencyId == plan.RegencyId && q.Acronym == demo.QuickWin && q.ProgrammeId == null)
                .ExecuteUpdateAsync(s => s.SetProperty(q => q.ProgrammeId, programme.Id), ct);
        }

        var snapshot = await MasterplanSnapshots.LoadAsync(db, plan.Id, ct) ?? throw new InvalidOperationException("Demo masterplan missing.");
        var at = new DateTimeOffset(Signed.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero); // 09:00 WIB
        plan.Versions.Add(new MasterplanVersion
        {
            RegencyId = plan.RegencyId,
            Number = 1,
            SubmittedAt = at.AddDays(-7),
            SubmittedById = plannerId,
            ApprovedAt = at,
            ApprovedById = adminId,
            Snapshot = snapshot.ToJson(),
        });
        plan.State = MasterplanState.Approved;
        plan.ApprovedVersion = 1;
        plan.UpdatedAt = at;
        await db.SaveChangesAsync(ct);
    }

    private static Masterplan Jepara(int regencyId, Dictionary<string, Domain.Dimensions.Dimension> dimensions, Dictionary<string, int> units, DateTimeOffset now)
    {
        var plan = new Masterplan
        {
            RegencyId = regencyId,
            Title = "Masterplan Smart City Kabupaten Jepara 2018–2028",
            StartYear = 2018,
            EndYear = 2028,
            RpjmdStartYear = 2017,
            RpjmdEndYear = 2022,
            RpjmdTitle = "RPJMD Kabupaten Jepara 2017–2022",
            State = MasterplanState.Draft,
            CreatedAt = new DateTimeOffset(2018, 8, 1, 2, 0, 0, TimeSpan.Zero),
            UpdatedAt = now,
            Vision = "Jepara Kota Cerdas yang melayani, berdaya saing dan berbudaya, berbasis kearifan lokal ukir dan pesisir.",
            Missions = "1. Mewujudkan layanan publik yang cepat, terbuka dan terintegrasi.\n2. Meningkatkan kesejahteraan melalui ekonomi kreatif dan UMKM digital.\n3. Menjaga lingkungan pesisir yang bersih dan lestari.",
            GapAnalysis = "Layanan perizinan masih manual dan data tata ruang tersebar; data kemiskinan belum terpadu antar-OPD; angkutan sampah belum terpantau. Target 2028: layanan daring terintegrasi dan keputusan berbasis data.",
            Strengths = "Komitmen Bupati dan Sekda; industri mebel ukir yang dikenal dunia; jaringan fiber optik antar-OPD.",
            Weaknesses = "SDM TIK terbatas di OPD; aplikasi berdiri sendiri tanpa interoperabilitas.",
            Opportunities = "Gerakan Menuju 100 Smart City; dukungan CSR perusahaan; pariwisata Karimunjawa.",
            Threats = "Abrasi pesisir; ketergantungan pada vendor; keamanan siber.",
        };
        plan.Readiness.AddRange(Enum.GetValues<ReadinessComponent>().Select(c => new ReadinessRating
        {
            RegencyId = regencyId,
            Component = c,
            Grade = c is ReadinessComponent.StrukturPeople or ReadinessComponent.InfrastrukturSocial ? ReadinessGrade.Moderate
                : c is ReadinessComponent.SuprastrukturRegulation ? ReadinessGrade.Poor : ReadinessGrade.Good,
            Notes = c == ReadinessComponent.SuprastrukturRegulation ? "Perbup SPBE dan Smart City masih disusun." : null,
        }));
        foreach (var (code, text) in JeparaStrategies)
        {
            plan.Strategies.Add(new DimensionStrategy { RegencyId = regencyId, DimensionId = dimensions[code].Id, Text = text });
            plan.Goals.Add(new MasterplanGoal
            {
                RegencyId = regencyId,
                DimensionId = dimensions[code].Id,
                Text = $"Capaian smart {dimensions[code].NameId.ToLowerInvariant()} meningkat",
                Indicator = $"Indeks {dimensions[code].NameId}",
                Baseline = 2.1m,
                Target = 3.5m,
            });
        }

        foreach (var (p, i) in JeparaProgrammes.Select((p, i) => (p, i)))
        {
            plan.Programmes.Add(new Programme
            {
                RegencyId = regencyId,
                Name = p.Name,
                DimensionId = dimensions[p.Dimension].Id,
                ElementId = dimensions[p.Dimension].Elements.Single(e => e.SortOrder == p.Element).Id,
                OwnerUnitId = units[p.Unit],
                Horizon = p.Start - 2018 < 2 ? Horizon.ShortTerm : p.Start - 2018 < 5 ? Horizon.MediumTerm : Horizon.LongTerm,
                StartYear = p.Start,
                EndYear = p.End,
                BudgetEstimate = p.Budget,
                BudgetSource = "APBD",
                RpjmdReference = p.Rpjmd,
                SortOrder = i + 1,
                Kpis = [new ProgrammeKpi { RegencyId = regencyId, Name = "Capaian program", Unit = "%", Baseline = 0, Target = 100, SortOrder = 1 }],
            });
        }

        plan.Signatories.AddRange(
        [
            new Signatory { RegencyId = regencyId, Name = "Bupati Jepara", Position = "Bupati", Institution = "Pemerintah Kabupaten Jepara", SignedOn = Signed, SortOrder = 1 },
            new Signatory { RegencyId = regencyId, Name = "Arif Darmawan", Position = "Kepala Dinas Komunikasi dan Informatika", Institution = "Pemerintah Kabupaten Jepara", SignedOn = Signed, SortOrder = 2 },
            new Signatory { RegencyId = regencyId, Name = "Kepala Bappeda Jepara", Position = "Kepala Badan Perencanaan Pembangunan Daerah", Institution = "Pemerintah Kabupaten Jepara", SignedOn = Signed, SortOrder = 3 },
            new Signatory { RegencyId = regencyId, Name = "Perwakilan Asosiasi Mebel dan Kerajinan", Position = "Ketua", Institution = "HIMKI Jepara", SignedOn = Signed, SortOrder = 4 },
        ]);
        return plan;
    }

    private static Masterplan Jombang(int regencyId, Dictionary<string, Domain.Dimensions.Dimension> dimensions, Dictionary<string, int> units, DateTimeOffset now)
    {
        var plan = new Masterplan
        {
            RegencyId = regencyId,
            Title = "Masterplan Smart City Kabupaten Jombang 2020–2030",
            StartYear = 2020,
            EndYear = 2030,
            RpjmdStartYear = 2018,
            RpjmdEndYear = 2023,
            RpjmdTitle = "RPJMD Kabupaten Jombang 2018–2023",
            State = MasterplanState.Draft,
            CreatedAt = new DateTimeOffset(2019, 10, 8, 3, 0, 0, TimeSpan.Zero),
            UpdatedAt = now,
            Vision = "Jombang cerdas melalui pelayanan publik digital (e-Government) yang terpadu.",
            GapAnalysis = "Hasil FGD 8 Oktober 2019 dan survei SKPD: layanan publik belum terdigitalisasi, data OPD belum terpadu.",
        };
        plan.Readiness.AddRange(new[] { ReadinessComponent.StrukturPeople, ReadinessComponent.StrukturBudget, ReadinessComponent.StrukturGovernance }
            .Select(c => new ReadinessRating { RegencyId = regencyId, Component = c, Grade = ReadinessGrade.Moderate }));
        plan.Strategies.Add(new DimensionStrategy { RegencyId = regencyId, DimensionId = dimensions["GOV"].Id, Text = "Digitalisasi layanan publik dan perencanaan daerah yang terintegrasi (e-Government)." });
        plan.Programmes.Add(new Programme
        {
            RegencyId = regencyId,
            Name = "Digitalisasi layanan publik (e-Government)",
            DimensionId = dimensions["GOV"].Id,
            ElementId = dimensions["GOV"].Elements.Single(e => e.SortOrder == 3).Id,
            OwnerUnitId = units["Diskominfo"],
            Horizon = Horizon.ShortTerm,
            StartYear = 2020,
            EndYear = 2023,
            BudgetEstimate = 750_000_000,
            BudgetSource = "APBD",
            RpjmdReference = "RPJMD 2018–2023 — digitalisasi pelayanan publik",
            SortOrder = 1,
        });
        return plan;
    }
}
