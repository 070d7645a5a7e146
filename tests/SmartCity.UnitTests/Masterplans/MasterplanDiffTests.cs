using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SmartCity.Domain.Masterplans;
using SmartCity.Web.Features.Masterplans;
using SmartCity.Web.Features.Masterplans.Versions;
using SmartCity.Web.Resources;

namespace SmartCity.UnitTests.Masterplans;

public class MasterplanDiffTests
{
    private static ProgrammeSnapshot Programme(int id, string name, string dimension = "GOV", decimal? budget = 150_000_000m) => new(
        id, name, dimension, "Birokrasi", "Diskominfo", Horizon.ShortTerm, 2019, 2020, budget, "APBD", "Program 1.2 RPJMD", 7,
        [new ProgrammeKpiSnapshot("Izin daring", "%", 10, 80)], [new QuickWinLink(3, name + " cepat", null)]);

    private static MasterplanSnapshot Plan() => new()
    {
        Title = "Masterplan Smart City Kabupaten Jepara",
        StartYear = 2018,
        EndYear = 2028,
        RpjmdTitle = "RPJMD Jepara",
        RpjmdStartYear = 2017,
        RpjmdEndYear = 2022,
        GapAnalysis = "Layanan belum terintegrasi.",
        Strengths = "Komitmen pimpinan",
        Vision = "Jepara kota cerdas yang melayani warganya",
        Missions = "Meningkatkan layanan publik\nMemperkuat ekonomi lokal",
        Readiness =
        [
            new ReadinessSnapshot(ReadinessComponent.StrukturPeople, ReadinessGrade.Moderate, "Perlu pelatihan"),
            new ReadinessSnapshot(ReadinessComponent.InfrastrukturDigital, ReadinessGrade.Good, null),
        ],
        Goals = [new GoalSnapshot(7, "GOV", "Perizinan daring", "Izin daring", 10, 80)],
        Strategies = [new StrategySnapshot("GOV", "Satu pintu untuk semua izin."), new StrategySnapshot("ENV", "Kelola sampah dari desa.")],
        Programmes = [Programme(1, "Singmantap"), Programme(2, "Siangsa", "ENV")],
        Signatories = [new SignatorySnapshot("Ahmad Marzuqi", "Bupati", "Pemkab Jepara", new DateOnly(2018, 10, 17))],
    };

    [Fact]
    public void Equal_plans_have_no_changed_section_in_any_block()
    {
        var diff = MasterplanDiff.Compare(Plan(), Plan());

        Assert.Equal([MasterplanDiff.Frame, .. MasterplanBlocks.All], diff.Select(b => b.Block));
        Assert.All(diff, b => Assert.Equal(0, b.ChangedSections));
        Assert.All(diff.SelectMany(b => b.Sections), s => Assert.All(s.Pieces, p => Assert.Equal(DiffKind.Unchanged, p.Kind)));
        Assert.Contains(diff.Single(b => b.Block == MasterplanBlocks.Programmes).Sections, s => s.Subject == "Singmantap");
    }

    [Fact]
    public void A_changed_vision_word_is_deleted_and_inserted_and_the_rest_stays()
    {
        var newer = Plan() with { Vision = "Jepara kota cerdas yang melindungi warganya" };

        var diff = MasterplanDiff.Compare(Plan(), newer);

        var vision = diff.Single(b => b.Block == MasterplanBlocks.Vision);
        Assert.Equal(1, vision.ChangedSections);
        var section = vision.Sections.Single(s => s.IsChanged);
        Assert.Equal("Masterplan.Vision", section.TitleKey);
        Assert.Equal(SectionChange.Changed, section.Change);
        Assert.Equal(
            [new(DiffKind.Unchanged, "Jepara kota cerdas yang "), new(DiffKind.Deleted, "melayani"), new(DiffKind.Inserted, "melindungi"), new DiffPiece(DiffKind.Unchanged, " warganya")],
            section.Pieces);
        Assert.Equal(1, diff.Sum(b => b.ChangedSections));
    }

    [Fact]
    public void Pieces_rebuild_both_texts_across_lines()
    {
        const string older = "Meningkatkan layanan publik\nMemperkuat ekonomi lokal, (UMKM)";
        const string newer = "Meningkatkan layanan publik digital\nMemperkuat ekonomi kreatif, (UMKM) dan desa";

        var pieces = MasterplanDiff.Words(older, newer);

        Assert.Equal(older, string.Concat(pieces.Where(p => p.Kind != DiffKind.Inserted).Select(p => p.Text)));
        Assert.Equal(newer, string.Concat(pieces.Where(p => p.Kind != DiffKind.Deleted).Select(p => p.Text)));
        Assert.Contains(new DiffPiece(DiffKind.Deleted, "lokal"), pieces);
        Assert.Contains(new DiffPiece(DiffKind.Inserted, "kreatif"), pieces);
    }

    [Fact]
    public void An_added_and_a_removed_programme_are_sections_of_their_own_matched_by_id()
    {
        var older = Plan();
        var newer = older with { Programmes = [Programme(1, "Singmantap"), Programme(5, "Sipronangkis", "SOC")] };

        var programmes = MasterplanDiff.Compare(older, newer).Single(b => b.Block == MasterplanBlocks.Programmes);

        Assert.Equal(2, programmes.ChangedSections);
        var added = programmes.Sections.Single(s => s.Change == SectionChange.Added);
        Assert.Equal(("programme:5", "Sipronangkis"), (added.Key, added.Subject));
        Assert.All(added.Pieces, p => Assert.Equal(DiffKind.Inserted, p.Kind));
        var removed = programmes.Sections.Single(s => s.Change == SectionChange.Removed);
        Assert.Equal(("programme:2", "Siangsa"), (removed.Key, removed.Subject));
        Assert.All(removed.Pieces, p => Assert.Equal(DiffKind.Deleted, p.Kind));
        Assert.Equal(SectionChange.Unchanged, programmes.Sections.Single(s => s.Key == "programme:1").Change);

        // Official dimension order: GOV, then SOC, then ENV.
        Assert.Equal(["programme:1", "programme:5", "programme:2"], programmes.Sections.Select(s => s.Key));
    }

    [Fact]
    public void A_renamed_programme_keeps_its_section_and_its_budget_change_shows_in_the_text()
    {
        var older = Plan();
        var newer = older with { Programmes = [Programme(1, "Singmantap Plus", budget: 200_000_000m), Programme(2, "Siangsa", "ENV")] };

        var programmes = MasterplanDiff.Compare(older, newer).Single(b => b.Block == MasterplanBlocks.Programmes);

        var section = Assert.Single(programmes.Sections, s => s.IsChanged);
        Assert.Equal(("programme:1", SectionChange.Changed, "Singmantap Plus"), (section.Key, section.Change, section.Subject));
        Assert.Contains(section.Pieces, p => p.Kind == DiffKind.Inserted && p.Text.Contains("Plus", StringComparison.Ordinal));
        Assert.Contains(section.Pieces, p => p.Kind == DiffKind.Deleted && p.Text.Contains("150", StringComparison.Ordinal));
        Assert.Contains(section.Pieces, p => p.Kind == DiffKind.Inserted && p.Text.Contains("200", StringComparison.Ordinal));
    }

    [Fact]
    public void A_readiness_grade_change_is_one_changed_line_of_the_grid()
    {
        var older = Plan();
        var newer = older with
        {
            Readiness = [older.Readiness[0] with { Grade = ReadinessGrade.Good }, older.Readiness[1]],
        };

        var analysis = MasterplanDiff.Compare(older, newer, Localizer()).Single(b => b.Block == MasterplanBlocks.Analysis);

        var grid = Assert.Single(analysis.Sections, s => s.IsChanged);
        Assert.Equal("Masterplan.Readiness", grid.TitleKey);
        Assert.Equal([new(DiffKind.Deleted, "Sedang"), new DiffPiece(DiffKind.Inserted, "Baik")], grid.Pieces.Where(p => p.Kind != DiffKind.Unchanged));
        Assert.Contains(grid.Pieces, p => p.Kind == DiffKind.Unchanged && p.Text.Contains("Struktur – sumber daya manusia: ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_changed_strategy_and_an_added_goal_count_in_their_blocks_and_programme_moves_show_in_the_roadmap()
    {
        var older = Plan();
        var newer = older with
        {
            Strategies = [new StrategySnapshot("GOV", "Satu pintu untuk semua izin daring."), older.Strategies[1]],
            Goals = [.. older.Goals, new GoalSnapshot(8, "ENV", "Sampah terpilah", null, null, 50)],
            Programmes = [older.Programmes[0] with { EndYear = 2021 }, older.Programmes[1]],
        };

        var diff = MasterplanDiff.Compare(older, newer);

        var strategy = diff.Single(b => b.Block == MasterplanBlocks.Strategy);
        Assert.Equal(["strategy:GOV"], strategy.Sections.Where(s => s.IsChanged).Select(s => s.Key));
        Assert.Equal("Dimension.GOV", strategy.Sections[0].TitleKey);
        var goal = Assert.Single(diff.Single(b => b.Block == MasterplanBlocks.Vision).Sections, s => s.IsChanged);
        Assert.Equal((SectionChange.Added, "Sampah terpilah"), (goal.Change, goal.Subject));
        var roadmap = diff.Single(b => b.Block == MasterplanBlocks.Roadmap);
        Assert.Equal(["roadmap:GOV"], roadmap.Sections.Where(s => s.IsChanged).Select(s => s.Key));
        Assert.Contains(new DiffPiece(DiffKind.Inserted, "2021"), roadmap.Sections[0].Pieces);
    }

    [Fact]
    public void Every_title_and_label_the_diff_uses_is_a_resource_key()
    {
        var older = Plan();
        var newer = older with { Programmes = [Programme(9, "Baru", "LIV")], Goals = [new GoalSnapshot(8, "ENV", "Sampah", null, null, 50)] };
        var localizer = new Recording(Localizer());

        var diff = MasterplanDiff.Compare(older, newer, localizer);
        foreach (var block in diff)
        {
            _ = localizer[block.TitleKey];
            foreach (var section in block.Sections)
            {
                _ = section.Title(localizer);
            }
        }

        Assert.Empty(localizer.Missing);
        Assert.Contains("Masterplan.Block.frame", localizer.Asked);
        Assert.Contains("MasterplanDoc.Budget", localizer.Asked);
    }

    private static IStringLocalizer Localizer()
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("id-ID");
        return new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(typeof(SharedResource));
    }

    private sealed class Recording(IStringLocalizer inner) : IStringLocalizer
    {
        public HashSet<string> Asked { get; } = [];

        public HashSet<string> Missing { get; } = [];

        public LocalizedString this[string name]
        {
            get
            {
                var value = inner[name];
                Asked.Add(name);
                if (value.ResourceNotFound)
                {
                    Missing.Add(name);
                }

                return value;
            }
        }

        public LocalizedString this[string name, params object[] arguments] => this[name];

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);
    }
}
