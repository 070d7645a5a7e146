using FluentValidation.Results;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SmartCity.Domain.Common;
using SmartCity.Domain.Masterplans;
using SmartCity.Web.Common;
using SmartCity.Web.Features.Masterplans;
using SmartCity.Web.Resources;

namespace SmartCity.UnitTests.Web.Masterplans;

/// <summary>The masterplan form validators (frame, text blocks, readiness, goals, signatories, comments) with the shipped messages.</summary>
public sealed class MasterplanValidatorsTests
{
    private static readonly IStringLocalizer<SharedResource> L =
        new StringLocalizer<SharedResource>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static string[] FailedFields(ValidationResult result) => result.Errors.Select(e => e.PropertyName).Distinct().ToArray();

    private static MasterplanInput Frame(int start = 2020, int end = 2030) => new()
    {
        Title = "Masterplan Smart City Kabupaten Jombang",
        StartYear = start,
        EndYear = end,
        RpjmdTitle = "RPJMD Kabupaten Jombang 2018–2023",
        RpjmdStartYear = 2018,
        RpjmdEndYear = 2023,
    };

    private static string[] FrameErrors(MasterplanInput input) => FailedFields(new MasterplanInputValidator(L).Validate(input));

    [Fact]
    public void A_complete_frame_is_valid() => Assert.Empty(FrameErrors(Frame()));

    [Theory]
    [InlineData(2020, 2025, true)] // 5 years: the lower edge
    [InlineData(2020, 2030, true)] // 10 years: the upper edge
    [InlineData(2020, 2024, false)] // 4 years
    [InlineData(2020, 2031, false)] // 11 years
    [InlineData(2020, 2020, false)]
    [InlineData(2030, 2020, false)]
    public void The_period_is_five_to_ten_years(int start, int end, bool valid)
    {
        var result = new MasterplanInputValidator(L).Validate(Frame(start, end));

        if (valid)
        {
            Assert.True(result.IsValid);
        }
        else
        {
            var error = Assert.Single(result.Errors);
            Assert.Equal(nameof(MasterplanInput.EndYear), error.PropertyName);
            Assert.Equal("Masa berlaku masterplan harus 5 sampai 10 tahun (tahun akhir − tahun awal).", error.ErrorMessage);
        }
    }

    [Fact]
    public void Years_outside_2000_to_2100_are_refused()
    {
        var early = Frame();
        early.RpjmdStartYear = 1999;
        var late = Frame();
        late.RpjmdEndYear = 2101;
        var edges = Frame();
        (edges.RpjmdStartYear, edges.RpjmdEndYear) = (2000, 2100);

        Assert.Equal([nameof(MasterplanInput.RpjmdStartYear)], FrameErrors(early));
        Assert.Equal([nameof(MasterplanInput.RpjmdEndYear)], FrameErrors(late));
        Assert.Empty(FrameErrors(edges));
        Assert.Contains(nameof(MasterplanInput.StartYear), FrameErrors(Frame(1995, 2001)));
    }

    [Theory]
    [InlineData(2018, 2023, true)]
    [InlineData(2018, 2019, true)]
    [InlineData(2018, 2018, false)] // ends when it starts
    [InlineData(2023, 2018, false)]
    public void The_RPJMD_ends_after_it_starts(int start, int end, bool valid)
    {
        var input = Frame();
        input.RpjmdStartYear = start;
        input.RpjmdEndYear = end;

        var result = new MasterplanInputValidator(L).Validate(input);

        if (valid)
        {
            Assert.True(result.IsValid);
        }
        else
        {
            var error = Assert.Single(result.Errors);
            Assert.Equal((nameof(MasterplanInput.RpjmdEndYear), "Tahun akhir RPJMD harus setelah tahun awalnya."), (error.PropertyName, error.ErrorMessage));
        }
    }

    [Fact]
    public void Title_RPJMD_title_and_years_are_required()
    {
        var input = new MasterplanInput { Title = " " };

        Assert.Equal(
            new[] { nameof(MasterplanInput.Title), nameof(MasterplanInput.StartYear), nameof(MasterplanInput.EndYear), nameof(MasterplanInput.RpjmdTitle), nameof(MasterplanInput.RpjmdStartYear), nameof(MasterplanInput.RpjmdEndYear) }.Order(),
            FrameErrors(input).Order());
        Assert.All(new MasterplanInputValidator(L).Validate(input).Errors, e => Assert.Equal("Wajib diisi.", e.ErrorMessage));
    }

    [Fact]
    public void Titles_longer_than_300_characters_are_refused()
    {
        var input = Frame();
        input.Title = new string('a', TextLimits.Reference + 1);
        input.RpjmdTitle = new string('b', TextLimits.Reference);

        Assert.Equal([nameof(MasterplanInput.Title)], FrameErrors(input));
    }

    private static string[] TextErrors(string block, params (string Field, string? Text)[] fields) =>
        FailedFields(new TextBlockInputValidator(L).Validate(new TextBlockInput { Block = block, Fields = fields.ToDictionary(f => f.Field, f => f.Text) }));

    [Theory]
    [InlineData("vision", "Vision")]
    [InlineData("vision", "Missions")]
    [InlineData("analysis", "GapAnalysis")]
    [InlineData("analysis", "Threats")]
    [InlineData("strategy:GOV", "Strategy")]
    [InlineData("strategy:ENV", "Strategy")]
    public void Each_block_accepts_its_fields(string block, string field) => Assert.Empty(TextErrors(block, (field, "Teks.")));

    [Theory]
    [InlineData("")]
    [InlineData("programmes")] // a block, but not a text block
    [InlineData("strategy")]
    [InlineData("strategy:XYZ")]
    [InlineData("Vision")]
    public void An_unknown_text_block_is_refused(string block) => Assert.Contains(nameof(TextBlockInput.Block), TextErrors(block));

    [Theory]
    [InlineData("vision", "GapAnalysis")] // a field of another block
    [InlineData("analysis", "Vision")]
    [InlineData("strategy:GOV", "Vision")]
    [InlineData("vision", "Title")]
    public void A_field_of_another_block_is_refused(string block, string field) => Assert.Equal([field], TextErrors(block, (field, "Teks.")));

    [Theory]
    [InlineData("vision", "Vision", TextLimits.Text)]
    [InlineData("analysis", "Strengths", TextLimits.Text)]
    [InlineData("analysis", "GapAnalysis", TextLimits.LongText)]
    [InlineData("strategy:SOC", "Strategy", TextLimits.LongText)]
    public void Texts_are_limited_per_field(string block, string field, int max)
    {
        Assert.Empty(TextErrors(block, (field, new string('x', max))));
        Assert.Equal([field], TextErrors(block, (field, new string('x', max + 1))));
    }

    [Fact]
    public void Empty_texts_are_allowed_while_drafting() => Assert.Empty(TextErrors("vision", ("Vision", null), ("Missions", "")));

    [Fact]
    public void The_readiness_grid_refuses_a_component_twice_an_unknown_grade_and_long_notes()
    {
        var validator = new ReadinessInputValidator(L);
        var ok = new ReadinessInput { Cells = [new() { Component = ReadinessComponent.StrukturPeople, Grade = ReadinessGrade.Good, Notes = new string('n', TextLimits.Note) }] };
        var twice = new ReadinessInput { Cells = [new() { Component = ReadinessComponent.StrukturPeople }, new() { Component = ReadinessComponent.StrukturPeople }] };
        var unknown = new ReadinessInput { Cells = [new() { Component = (ReadinessComponent)14, Grade = (ReadinessGrade)7 }] };
        var longNotes = new ReadinessInput { Cells = [new() { Component = ReadinessComponent.StrukturPeople, Notes = new string('n', TextLimits.Note + 1) }] };

        Assert.True(validator.Validate(ok).IsValid);
        Assert.Equal([nameof(ReadinessInput.Cells)], FailedFields(validator.Validate(twice)));
        Assert.Equal(["Cells[0].Component", "Cells[0].Grade"], FailedFields(validator.Validate(unknown)));
        Assert.Equal(["Cells[0].Notes"], FailedFields(validator.Validate(longNotes)));
    }

    private static GoalInput Goal() => new() { DimensionId = 1, Text = "Layanan perizinan daring", Indicator = "Jenis izin daring", Baseline = 0, Target = 74 };

    private static string[] GoalErrors(Action<GoalInput> change)
    {
        var input = Goal();
        change(input);
        return FailedFields(new GoalInputValidator(L).Validate(input));
    }

    [Fact]
    public void A_complete_goal_is_valid() => Assert.Empty(GoalErrors(_ => { }));

    [Fact]
    public void A_goal_needs_dimension_text_indicator_and_target()
    {
        Assert.Equal([nameof(GoalInput.DimensionId)], GoalErrors(g => g.DimensionId = null));
        Assert.Equal([nameof(GoalInput.Text)], GoalErrors(g => g.Text = ""));
        Assert.Equal([nameof(GoalInput.Indicator)], GoalErrors(g => g.Indicator = " "));
        Assert.Equal([nameof(GoalInput.Target)], GoalErrors(g => g.Target = null));
        Assert.Empty(GoalErrors(g => g.Baseline = null));
    }

    [Fact]
    public void Goal_numbers_lie_between_zero_and_the_maximum_and_texts_are_limited()
    {
        Assert.Empty(GoalErrors(g => (g.Baseline, g.Target) = (0, GoalInputValidator.MaxValue)));
        Assert.Equal([nameof(GoalInput.Baseline)], GoalErrors(g => g.Baseline = -0.01m));
        Assert.Equal([nameof(GoalInput.Target)], GoalErrors(g => g.Target = GoalInputValidator.MaxValue + 1));
        Assert.Equal([nameof(GoalInput.Text)], GoalErrors(g => g.Text = new string('t', TextLimits.Note + 1)));
        Assert.Equal([nameof(GoalInput.Indicator)], GoalErrors(g => g.Indicator = new string('i', TextLimits.Reference + 1)));
    }

    /// <summary>23 Nov 2026 16:30 UTC: still the 23rd in WIB (23:30), already the 24th in WIT (01:30).</summary>
    private static readonly DateTimeOffset LateEvening = new(2026, 11, 23, 16, 30, 0, TimeSpan.Zero);

    private static string[] SignatoryErrors(Action<SignatoryInput> change, DateTimeOffset? now = null)
    {
        var input = new SignatoryInput { Name = "Hj. Mundjidah Wahab", Position = "Bupati Jombang", Institution = "Pemerintah Kabupaten Jombang", SignedOn = new DateTime(2019, 10, 8) };
        change(input);
        return FailedFields(new SignatoryInputValidator(L, new ProgrammeClock(new FixedClock(now ?? LateEvening))).Validate(input));
    }

    [Fact]
    public void A_complete_signatory_is_valid() => Assert.Empty(SignatoryErrors(_ => { }));

    [Fact]
    public void A_signatory_needs_name_and_position_within_their_limits()
    {
        Assert.Equal([nameof(SignatoryInput.Name)], SignatoryErrors(s => s.Name = ""));
        Assert.Equal([nameof(SignatoryInput.Position)], SignatoryErrors(s => s.Position = " "));
        Assert.Equal([nameof(SignatoryInput.Name)], SignatoryErrors(s => s.Name = new string('n', TextLimits.Name + 1)));
        Assert.Equal([nameof(SignatoryInput.Institution)], SignatoryErrors(s => s.Institution = new string('i', TextLimits.Name + 1)));
        Assert.Empty(SignatoryErrors(s => (s.Institution, s.SignedOn) = (null, null)));
    }

    [Fact]
    public void A_signing_date_may_be_today_anywhere_in_Indonesia_but_not_later()
    {
        Assert.Empty(SignatoryErrors(s => s.SignedOn = new DateTime(2026, 11, 23)));
        Assert.Empty(SignatoryErrors(s => s.SignedOn = new DateTime(2026, 11, 24))); // already the 24th in WIT
        Assert.Equal([nameof(SignatoryInput.SignedOn)], SignatoryErrors(s => s.SignedOn = new DateTime(2026, 11, 25)));

        var morning = new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero); // 11:00 WIT on the 23rd
        Assert.Equal([nameof(SignatoryInput.SignedOn)], SignatoryErrors(s => s.SignedOn = new DateTime(2026, 11, 24), morning));
        var error = Assert.Single(new SignatoryInputValidator(L, new ProgrammeClock(new FixedClock(morning))).Validate(new SignatoryInput { Name = "A", Position = "B", SignedOn = new DateTime(2026, 11, 24) }).Errors);
        Assert.Equal("Tanggal tanda tangan tidak boleh di masa depan.", error.ErrorMessage);
    }

    private static string[] CommentErrors(string anchor, string text = "Mohon diperjelas.") =>
        FailedFields(new CommentInputValidator(L).Validate(new CommentInput { Anchor = anchor, Text = text }));

    [Theory]
    [InlineData("analysis")]
    [InlineData("vision")]
    [InlineData("strategy")]
    [InlineData("strategy:GOV")]
    [InlineData("strategy:ECO")]
    [InlineData("programmes")]
    [InlineData("programme:12")]
    [InlineData("roadmap")]
    [InlineData("quickwins")]
    [InlineData("commitment")]
    public void Comments_anchor_to_a_block_a_dimension_strategy_or_a_programme(string anchor) => Assert.Empty(CommentErrors(anchor));

    [Theory]
    [InlineData("")]
    [InlineData("Vision")]
    [InlineData("visi")]
    [InlineData("strategy:")]
    [InlineData("strategy:gov")]
    [InlineData("strategy:XYZ")]
    [InlineData("programme:")]
    [InlineData("programme:0")]
    [InlineData("programme:-3")]
    [InlineData("programme:+3")]
    [InlineData("programme:12a")]
    [InlineData("programme: 12")]
    public void Unknown_anchors_are_refused(string anchor) => Assert.Equal([nameof(CommentInput.Anchor)], CommentErrors(anchor));

    [Fact]
    public void A_comment_needs_text_within_2000_characters()
    {
        Assert.Equal([nameof(CommentInput.Text)], CommentErrors("vision", " "));
        Assert.Empty(CommentErrors("vision", new string('c', TextLimits.Note)));
        Assert.Equal([nameof(CommentInput.Text)], CommentErrors("vision", new string('c', TextLimits.Note + 1)));
    }

    [Fact]
    public void Block_helpers_map_anchors_to_their_blocks()
    {
        Assert.Equal(MasterplanBlocks.Strategy, MasterplanBlocks.BlockOf("strategy:GOV"));
        Assert.Equal(MasterplanBlocks.Programmes, MasterplanBlocks.BlockOf(MasterplanBlocks.ProgrammeOf(7)));
        Assert.Equal(MasterplanBlocks.Vision, MasterplanBlocks.BlockOf("vision"));
        Assert.Equal("GOV", TextBlocks.DimensionOf("strategy:GOV"));
        Assert.Null(TextBlocks.DimensionOf("strategy:XYZ"));
        Assert.Null(TextBlocks.DimensionOf("vision"));
    }
}
