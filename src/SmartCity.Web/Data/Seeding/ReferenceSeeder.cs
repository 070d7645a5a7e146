using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SmartCity.Domain.Assessments;
using SmartCity.Domain.Common;
using SmartCity.Domain.Dimensions;
using SmartCity.Web.Common;

namespace SmartCity.Web.Data.Seeding;

/// <summary>
/// Reference data every installation needs: the six dimensions with their elements, default settings and the two
/// instrument templates. Idempotent: adds what is missing by code or key, never overwrites what the secretariat edited.
/// </summary>
public sealed class ReferenceSeeder(IDbContextFactory<SmartCityDbContext> dbFactory, ProgrammeClock clock, RoleManager<IdentityRole> roles)
{
    private static readonly (string Code, string Id, string En, (string Id, string En)[] Elements)[] Dimensions =
    [
        ("GOV", "Tata Kelola Pemerintahan Cerdas", "Smart Governance",
            [("Pelayanan publik", "Public services"), ("Manajemen birokrasi", "Bureaucracy management"), ("Efisiensi kebijakan publik", "Public-policy efficiency")]),
        ("BRA", "Pemasaran Daerah Cerdas", "Smart Branding",
            [("Pariwisata", "Tourism"), ("Bisnis", "Business"), ("Wajah kota", "City appearance")]),
        ("ECO", "Ekonomi Cerdas", "Smart Economy",
            [("Ekosistem industri", "Industry ecosystem"), ("Kesejahteraan rakyat", "People's welfare"), ("Ekosistem transaksi keuangan", "Financial-transaction ecosystem")]),
        ("LIV", "Kehidupan Cerdas", "Smart Living",
            [("Harmonisasi tata ruang", "Harmonious living and spatial harmony"), ("Kesehatan", "Health"), ("Mobilitas dan transportasi", "Mobility and transport")]),
        ("SOC", "Masyarakat Cerdas", "Smart Society",
            [("Interaksi masyarakat", "Community interaction"), ("Ekosistem belajar", "Learning ecosystem"), ("Keamanan masyarakat", "Public safety")]),
        ("ENV", "Lingkungan Cerdas", "Smart Environment",
            [("Proteksi lingkungan", "Environmental protection"), ("Pengelolaan sampah", "Waste management"), ("Pengelolaan energi", "Energy management")]),
    ];

    private static readonly Dictionary<string, string> DefaultSettings = new()
    {
        [SettingKeys.MinistryName] = "Kementerian Komunikasi dan Digital",
        [SettingKeys.MinistryShortName] = "Komdigi",
        [SettingKeys.LetterheadText] = "KEMENTERIAN KOMUNIKASI DAN DIGITAL REPUBLIK INDONESIA",
        [SettingKeys.SignatoryName] = "(belum diatur)",
        [SettingKeys.SignatoryNip] = "",
        [SettingKeys.SignatoryPosition] = "Direktur Jenderal",
        [SettingKeys.LetterNumberFormat] = "{seq}/SC/{code}/{year}",
        [SettingKeys.HorizonShortYears] = "2",
        [SettingKeys.HorizonMediumYears] = "5",
        [SettingKeys.OverdueGraceDays] = "10",
        [SettingKeys.EvidenceMaxBytes] = "10485760",
    };

    public async Task SeedAsync(CancellationToken ct)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dimensions = await db.Dimensions.Include(d => d.Elements).ToDictionaryAsync(d => d.Code, ct);
        for (var i = 0; i < Dimensions.Length; i++)
        {
            var (code, nameId, nameEn, elements) = Dimensions[i];
            if (!dimensions.TryGetValue(code, out var dimension))
            {
                dimension = new Dimension { Code = code, NameId = nameId, NameEn = nameEn, SortOrder = i + 1 };
                db.Dimensions.Add(dimension);
            }

            for (var e = 0; e < elements.Length; e++)
            {
                var elementCode = $"{code}-{e + 1}";
                if (dimension.Elements.All(x => x.Code != elementCode))
                {
                    dimension.Elements.Add(new Element { Code = elementCode, NameId = elements[e].Id, NameEn = elements[e].En, SortOrder = e + 1 });
                }
            }
        }

        var keys = await db.Settings.Select(s => s.Key).ToListAsync(ct);
        foreach (var (key, value) in DefaultSettings.Where(s => !keys.Contains(s.Key)))
        {
            db.Settings.Add(new PortalSetting { Key = key, Value = value, UpdatedAt = clock.GetUtcNow() });
        }

        if (!await db.Instruments.AnyAsync(i => i.IsTemplate, ct))
        {
            db.Instruments.AddRange(SelectionInstrument2021(), YearlyInstrument());
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>The 2021 selection/readiness aspects; equal weights (the published weights are not known: edit per round).</summary>
    private static Instrument SelectionInstrument2021() => new()
    {
        Name = "Instrumen Seleksi 2021",
        Kind = RoundKind.Selection,
        ScaleMin = 1,
        ScaleMax = 5,
        DivergenceThreshold = 1,
        Criteria =
        [
            new() { Code = "KPD", NameId = "Komitmen pimpinan daerah", NameEn = "Leadership commitment", Weight = 20, SortOrder = 1 },
            new() { Code = "KS", NameId = "Kebijakan strategis", NameEn = "Strategic policy", Weight = 20, SortOrder = 2 },
            new() { Code = "VPD", NameId = "Visi pembangunan daerah", NameEn = "Regional development vision", Weight = 20, SortOrder = 3 },
            new() { Code = "ATIK", NameId = "Anggaran TIK", NameEn = "ICT budget", Weight = 20, SortOrder = 4 },
            new() { Code = "IA", NameId = "Infrastruktur dan aplikasi", NameEn = "Infrastructure and applications", Weight = 20, SortOrder = 5 },
        ],
        Bands = [.. Scoring.DefaultBands()],
    };

    /// <summary>The 2021 yearly evaluation guideline: five criteria weighted 10/20/30/30/10, each scored per dimension.</summary>
    private static Instrument YearlyInstrument() => new()
    {
        Name = "Instrumen Evaluasi Tahunan",
        Kind = RoundKind.YearlyEvaluation,
        ScaleMin = 1,
        ScaleMax = 5,
        DivergenceThreshold = 1,
        Criteria =
        [
            new() { Code = "BAS", NameId = "Baseline", NameEn = "Baseline", Weight = 10, PerDimension = true, SortOrder = 1 },
            new() { Code = "OUTP", NameId = "Output", NameEn = "Output", Weight = 20, PerDimension = true, SortOrder = 2 },
            new() { Code = "OUTC", NameId = "Outcome", NameEn = "Outcome", Weight = 30, PerDimension = true, SortOrder = 3 },
            new() { Code = "IMP", NameId = "Dampak", NameEn = "Impact", Weight = 30, PerDimension = true, SortOrder = 4 },
            new() { Code = "QW", NameId = "Quick Win", NameEn = "Quick Win", Weight = 10, PerDimension = true, SortOrder = 5 },
        ],
        Bands = [.. Scoring.DefaultBands()],
    };
}
