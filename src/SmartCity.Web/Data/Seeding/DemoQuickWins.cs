using SmartCity.Domain.QuickWins;

namespace SmartCity.Web.Data.Seeding;

/// <summary>A demo milestone: done dates drive the percents of the demo reports.</summary>
internal sealed record DemoMilestone(string Name, decimal Weight, DateOnly Due, DateOnly? Done = null);

/// <summary>A demo KPI: report actuals move from the baseline towards the target with the report's percent.</summary>
internal sealed record DemoKpi(string Name, string Unit, decimal Baseline, decimal Target, int Decimals = 0);

/// <summary>
/// A demo quick win with its milestones, KPIs and report history: one report per period from <see cref="FirstPeriod"/> through
/// <see cref="LastPeriod"/>, verified unless <see cref="Exceptions"/> names another state (a missing period has state null).
/// <see cref="Latest"/> stands for <see cref="DemoCalendar.LatestPeriod"/> of the programme clock at seeding.
/// </summary>
internal sealed record DemoQuickWin(
    string Name, string? Acronym, string Dimension, int Element, string Unit, DateOnly Start, DateOnly Target, decimal Budget, QuickWinKind Kind,
    string Description, DemoMilestone[] Milestones, DemoKpi[] Kpis, string FirstPeriod, string LastPeriod, string[] Obstacles)
{
    public const string Latest = "latest";

    public IReadOnlyDictionary<string, ReportState?> Exceptions { get; init; } = new Dictionary<string, ReportState?>();

    public string? ReturnReason { get; init; }
}

/// <summary>The demo quick wins of Jepara (DOMAIN.md source facts) and Jombang, with realistic milestones and KPIs.</summary>
internal static class DemoQuickWins
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static readonly DateOnly Start2018 = D(2018, 10, 17);
    private static readonly DateOnly End2018 = D(2018, 12, 31);
    private static readonly DateOnly Cycle2023 = D(2023, 1, 9);

    public static DemoQuickWin[] Jepara =>
    [
        new("Sistem Informasi Tata Ruang untuk Pelayanan Perizinan", "Singmantap", "GOV", 1, "DPMPTSP", Start2018, End2018, 150_000_000, QuickWinKind.ItSystem,
            "Informasi tata ruang untuk pelayanan perizinan.",
            [
                new("Inventarisasi data RDTR dan peta pola ruang", 20, D(2018, 10, 31), D(2018, 10, 29)),
                new("Pengembangan aplikasi informasi tata ruang", 40, D(2018, 11, 30), D(2018, 11, 28)),
                new("Integrasi dengan layanan perizinan DPMPTSP", 25, D(2018, 12, 15), D(2018, 12, 14)),
                new("Sosialisasi dan peluncuran layanan", 15, D(2018, 12, 31), D(2018, 12, 21)),
            ],
            [new("Permohonan izin dengan informasi tata ruang daring", "permohonan/bulan", 0, 300), new("Waktu layanan keterangan rencana kota", "hari", 14, 3)],
            "2018-10", "2018-12",
            ["Data RDTR sebagian masih berupa peta cetak.", "Jaringan internet di kantor kecamatan belum stabil."]),
        new("Sistem Informasi Program Penanggulangan Kemiskinan Terpadu", "Sipronangkis", "SOC", 1, "Dinsos P3A", Start2018, End2018, 120_000_000, QuickWinKind.ItSystem,
            "Data terpadu program penanggulangan kemiskinan.",
            [
                new("Penyusunan basis data terpadu kemiskinan", 30, D(2018, 11, 10), D(2018, 11, 9)),
                new("Pengembangan modul program penanggulangan kemiskinan", 35, D(2018, 12, 5), D(2018, 12, 4)),
                new("Verifikasi dan validasi data bersama desa", 20, D(2018, 12, 20), D(2018, 12, 19)),
                new("Pelatihan operator OPD dan desa", 15, D(2018, 12, 31), D(2018, 12, 27)),
            ],
            [new("Rumah tangga miskin terdata dan tervalidasi", "rumah tangga", 0, 26_000), new("OPD yang memakai data terpadu", "OPD", 0, 12)],
            "2018-10", "2018-12",
            ["Data kemiskinan dari desa terlambat masuk.", "Sebagian NIK belum padan dengan data Dukcapil."]),
        new("Sistem Informasi Angkutan Sampah", "Siangsa", "ENV", 2, "DLH", Start2018, End2018, 90_000_000, QuickWinKind.ItSystem,
            "Pemantauan angkutan sampah.",
            [
                new("Pemasangan GPS pada armada truk sampah", 30, D(2018, 11, 15), D(2018, 11, 12)),
                new("Pengembangan dasbor pemantauan angkutan", 35, D(2018, 12, 10), D(2018, 12, 7)),
                new("Penetapan jadwal dan rute digital", 20, D(2018, 12, 20), D(2018, 12, 18)),
                new("Uji coba dan serah terima ke DLH", 15, D(2018, 12, 31), D(2018, 12, 28)),
            ],
            [new("Armada truk sampah terpantau GPS", "unit", 0, 32)],
            "2018-10", "2018-12",
            ["Dua truk sedang diperbaiki sehingga GPS belum terpasang.", "Sopir perlu pendampingan memakai aplikasi."]),
        new("Jepara Online Smart Service", "JOSS", "GOV", 1, "DPMPTSP", D(2021, 1, 4), D(2021, 10, 31), 450_000_000, QuickWinKind.ItSystem,
            "Layanan daring 74 perizinan non-OSS; beroperasi sejak Oktober 2021.",
            [
                new("Pemetaan dan penyederhanaan SOP 74 izin non-OSS", 15, D(2021, 2, 28), D(2021, 2, 26)),
                new("Pengembangan aplikasi JOSS dan tanda tangan elektronik", 35, D(2021, 6, 30), D(2021, 6, 25)),
                new("Integrasi data kependudukan dan pembayaran retribusi", 25, D(2021, 8, 31), D(2021, 9, 10)),
                new("Uji coba layanan di Mal Pelayanan Publik", 15, D(2021, 9, 30), D(2021, 9, 30)),
                new("Peluncuran dan sosialisasi kepada masyarakat", 10, D(2021, 10, 31), D(2021, 10, 15)),
            ],
            [new("Jenis izin non-OSS yang dilayani daring", "jenis izin", 0, 74), new("Rata-rata waktu terbit izin", "hari kerja", 14, 5)],
            "2021-01", "2021-10",
            [
                "Pembatasan kegiatan masa pandemi menunda rapat koordinasi OPD teknis.",
                "Sertifikat elektronik pejabat penanda tangan belum seluruhnya terbit.",
                "Akses data kependudukan menunggu perjanjian kerja sama dengan Dukcapil.",
            ]),
        new("Tourism Information Center", "TIC", "BRA", 1, "Disparbud", Cycle2023, D(2027, 6, 30), 200_000_000, QuickWinKind.ItSystem,
            "Pusat informasi pariwisata Jepara.",
            [
                new("Kajian kebutuhan dan desain layanan informasi wisata", 15, D(2023, 6, 30), D(2023, 6, 23)),
                new("Pengembangan portal dan aplikasi TIC", 30, D(2024, 12, 31), D(2025, 2, 14)),
                new("Integrasi data destinasi, event dan UMKM wisata", 25, D(2026, 6, 30), D(2026, 7, 17)),
                new("Kios informasi di lima destinasi unggulan", 20, D(2027, 3, 31)),
                new("Evaluasi dan serah terima pengelolaan", 10, D(2027, 6, 30)),
            ],
            [new("Destinasi dengan informasi lengkap di portal", "destinasi", 12, 60), new("Kunjungan portal TIC", "kunjungan/bulan", 0, 20_000)],
            "2026-01", DemoQuickWin.Latest,
            [
                "Pengelola destinasi desa wisata lambat mengirim foto dan jadwal event.",
                "Anggaran pengadaan kios informasi baru tersedia pada APBD Perubahan.",
                "Konten berbahasa Inggris masih menunggu penerjemah.",
            ])
        {
            Exceptions = new Dictionary<string, ReportState?> { [DemoQuickWin.Latest] = ReportState.Submitted },
        },
        new("Sistem Monitoring CSR", "Simoncer", "ECO", 2, "Setda", Cycle2023, D(2027, 12, 31), 100_000_000, QuickWinKind.ItSystem,
            "Pemantauan program tanggung jawab sosial perusahaan (CSR).",
            [
                new("Penyusunan Peraturan Bupati tentang forum CSR", 15, D(2023, 9, 30), D(2023, 10, 20)),
                new("Pengembangan aplikasi monitoring CSR", 30, D(2025, 6, 30), D(2025, 8, 29)),
                new("Pendaftaran perusahaan dan program CSR", 25, D(2026, 12, 31)),
                new("Dasbor publik realisasi CSR", 20, D(2027, 6, 30)),
                new("Evaluasi tahunan bersama forum CSR", 10, D(2027, 12, 31)),
            ],
            [new("Perusahaan yang melaporkan program CSR", "perusahaan", 8, 60)],
            "2026-01", DemoQuickWin.Latest,
            [
                "Sebagian perusahaan belum menunjuk petugas pelapor CSR.",
                "Format laporan CSR perusahaan berbeda-beda sehingga perlu diseragamkan.",
            ])
        {
            Exceptions = new Dictionary<string, ReportState?> { [DemoQuickWin.Latest] = ReportState.Returned },
            ReturnReason = "Daftar program CSR triwulan III belum dilampirkan dan angka realisasi dana berbeda dengan data Bappeda. Mohon dilengkapi lalu ajukan kembali.",
        },
        new("Sistem Manajemen Puskesmas Terintegrasi BPJS", "Simpus", "LIV", 2, "Dinkes", Cycle2023, D(2027, 12, 31), 300_000_000, QuickWinKind.ItSystem,
            "Manajemen puskesmas yang terintegrasi dengan BPJS.",
            [
                new("Standardisasi data rekam medis 21 puskesmas", 15, D(2023, 12, 31), D(2023, 12, 15)),
                new("Implementasi Simpus di seluruh puskesmas", 30, D(2025, 6, 30), D(2025, 5, 28)),
                new("Bridging dengan aplikasi P-Care BPJS Kesehatan", 25, D(2026, 3, 31), D(2026, 4, 24)),
                new("Antrean daring dan rekam medis elektronik", 20, D(2027, 6, 30)),
                new("Evaluasi dan penguatan keamanan data", 10, D(2027, 12, 31)),
            ],
            [new("Puskesmas terhubung bridging BPJS", "puskesmas", 0, 21), new("Waktu tunggu pendaftaran", "menit", 45, 10)],
            "2026-01", DemoQuickWin.Latest,
            [
                "Koneksi internet puskesmas di wilayah Karimunjawa sering terputus.",
                "Perubahan versi layanan web BPJS menuntut penyesuaian bridging.",
                "Petugas pendaftaran perlu pelatihan ulang setelah mutasi pegawai.",
            ]),
        new("Nikah Keren", null, "SOC", 1, "DPPKB", Cycle2023, D(2027, 12, 31), 75_000_000, QuickWinKind.PolicyInnovation,
            "Pencegahan perkawinan anak dan stunting.",
            [
                new("Pembentukan satgas pencegahan perkawinan anak", 15, D(2023, 6, 30), D(2023, 5, 31)),
                new("Kelas calon pengantin di 16 kecamatan", 30, D(2025, 12, 31), D(2025, 12, 19)),
                new("Pendampingan keluarga berisiko stunting", 30, D(2027, 6, 30)),
                new("Evaluasi angka dispensasi kawin", 25, D(2027, 12, 31)),
            ],
            [new("Permohonan dispensasi kawin", "perkara/tahun", 480, 150), new("Prevalensi stunting balita", "%", 18.2m, 12.0m, 1)],
            "2026-01", DemoQuickWin.Latest,
            [
                "Kehadiran calon pengantin di kelas bimbingan belum merata antarkecamatan.",
                "Data keluarga berisiko stunting dari posyandu terlambat dimutakhirkan.",
            ])
        {
            Exceptions = new Dictionary<string, ReportState?> { [DemoQuickWin.Latest] = null },
        },
        new("Desa Mandiri Sampah", null, "ENV", 2, "DLH", Cycle2023, D(2027, 12, 31), 250_000_000, QuickWinKind.PolicyInnovation,
            "Desa mandiri sampah dengan Jemput Sampah Terpilah, Bank Sampah dan Siangsa.",
            [
                new("Penetapan desa percontohan dan Perbup pengelolaan sampah", 10, D(2023, 6, 30), D(2023, 6, 30)),
                new("Layanan Jemput Sampah Terpilah di 20 desa", 30, D(2025, 12, 31), D(2026, 2, 27)),
                new("Bank Sampah aktif di 100 desa", 30, D(2026, 12, 31)),
                new("Integrasi Siangsa untuk pemantauan pengangkutan", 20, D(2027, 6, 30)),
                new("Evaluasi dan replikasi ke seluruh desa", 10, D(2027, 12, 31)),
            ],
            [new("Desa dengan bank sampah aktif", "desa", 12, 100), new("Sampah terkelola di desa", "ton/bulan", 150, 600)],
            "2026-01", DemoQuickWin.Latest,
            [
                "Warga belum terbiasa memilah sampah dari rumah.",
                "Harga jual sampah anorganik turun sehingga pengurus bank sampah kurang bersemangat.",
                "Satu armada jemput sampah rusak dan menunggu perbaikan.",
            ])
        {
            Exceptions = new Dictionary<string, ReportState?> { [DemoQuickWin.Latest] = ReportState.Draft },
        },
    ];

    public static DemoQuickWin[] Jombang =>
    [
        new("Portal Satu Data Jombang", "Satu Data", "GOV", 3, "Diskominfo", D(2025, 7, 1), D(2026, 12, 31), 180_000_000, QuickWinKind.ItSystem,
            "Portal data terbuka dan walidata OPD sesuai Satu Data Indonesia.",
            [
                new("Penyusunan Peraturan Bupati Satu Data", 20, D(2025, 9, 30), D(2025, 9, 26)),
                new("Pengembangan portal data terbuka", 40, D(2026, 3, 31), D(2026, 4, 17)),
                new("Penunjukan dan pelatihan walidata di 30 OPD", 25, D(2026, 9, 30)),
                new("Publikasi dataset prioritas", 15, D(2026, 12, 31)),
            ],
            [new("Dataset terbit di portal", "dataset", 40, 400)],
            "2026-06", DemoQuickWin.Latest,
            ["Sebagian OPD belum menetapkan walidata.", "Metadata dataset lama tidak lengkap."])
        {
            Exceptions = new Dictionary<string, ReportState?> { [DemoQuickWin.Latest] = null },
        },
        new("Sistem Perencanaan Pembangunan Daerah Terintegrasi", "e-Planning", "GOV", 2, "Bappeda", D(2025, 10, 1), D(2026, 12, 31), 220_000_000, QuickWinKind.ItSystem,
            "Perencanaan musrenbang, renja dan anggaran OPD dalam satu sistem.",
            [
                new("Analisis proses bisnis perencanaan", 20, D(2025, 12, 31), D(2025, 12, 22)),
                new("Pengembangan modul musrenbang dan renja", 40, D(2026, 6, 30), D(2026, 7, 10)),
                new("Integrasi dengan SIPD Kemendagri", 25, D(2026, 10, 31)),
                new("Pelatihan perencana OPD", 15, D(2026, 12, 31)),
            ],
            [new("OPD menyusun renja melalui e-Planning", "OPD", 0, 34)],
            "2026-06", DemoQuickWin.Latest,
            ["Jadwal musrenbang kecamatan bergeser.", "Spesifikasi API SIPD berubah."]),
    ];
}
