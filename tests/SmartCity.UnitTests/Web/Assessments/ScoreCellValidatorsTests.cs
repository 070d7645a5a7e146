using FluentValidation.Results;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SmartCity.Domain.Assessments;
using SmartCity.Web.Features.Assessments;
using SmartCity.Web.Resources;

namespace SmartCity.UnitTests.Web.Assessments;

/// <summary>The cell validators of the self-assessment and of scoring, with the shipped (Indonesian) messages, and the "sentence" rule.</summary>
public sealed class ScoreCellValidatorsTests
{
    private static readonly IStringLocalizer<SharedResource> L =
        new StringLocalizer<SharedResource>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    private static ScoreCellInput Interview() => new()
    {
        CriterionId = 1,
        Score = 4,
        Text = "Catatan.",
        EvidenceKind = EvidenceKind.Interview,
        InterviewDate = new DateTime(2023, 11, 8),
        IntervieweeName = "Edy Sujatmiko",
        IntervieweePosition = "Sekretaris Daerah",
        InterviewText = "Bupati memimpin rapat smart city tiap bulan.",
    };

    private static Dictionary<string, string[]> Errors(ValidationResult result) =>
        result.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray());

    private static Dictionary<string, string[]> Assessor(Action<ScoreCellInput> change)
    {
        var input = Interview();
        change(input);
        return Errors(new AssessorCellValidator(L).Validate(input));
    }

    [Fact]
    public void A_complete_interview_note_is_valid() => Assert.Empty(Assessor(_ => { }));

    [Theory]
    [InlineData("Bupati memimpin rapat.", true)] // 22 characters, 3 words
    [InlineData("Rapat rutin bulanan", false)] // 3 words but 19 characters
    [InlineData("Komitmennya sangatkuatsekali", false)] // 28 characters but 2 words
    [InlineData("   Bupati   memimpin   rapat   ", true)] // trimmed: 22 characters
    [InlineData("  a b c                 ", false)] // trimmed: 5 characters
    [InlineData(null, false)]
    public void A_sentence_is_at_least_20_characters_and_3_words(string? text, bool expected) => Assert.Equal(expected, InterviewNote.IsSentence(text));

    [Fact]
    public void An_interview_note_needs_date_interviewee_name_position_and_a_sentence()
    {
        Assert.Equal(["Tanggal wawancara wajib diisi."], Assessor(x => x.InterviewDate = null)[nameof(ScoreCellInput.InterviewDate)]);
        Assert.Equal(["Nama narasumber wajib diisi."], Assessor(x => x.IntervieweeName = "")[nameof(ScoreCellInput.IntervieweeName)]);
        Assert.Equal(["Jabatan narasumber wajib diisi."], Assessor(x => x.IntervieweePosition = null)[nameof(ScoreCellInput.IntervieweePosition)]);
        Assert.Equal(
            ["Isi wawancara minimal satu kalimat (sedikitnya 20 karakter dan 3 kata)."],
            Assessor(x => x.InterviewText = "Baik.")[nameof(ScoreCellInput.InterviewText)]);
    }

    [Fact]
    public void Interview_fields_are_not_required_for_other_kinds_of_evidence() =>
        Assert.Empty(Assessor(x =>
        {
            x.EvidenceKind = EvidenceKind.QuickWin;
            x.EvidenceQuickWinId = 7;
            x.InterviewDate = null;
            x.IntervieweeName = null;
            x.InterviewText = null;
        }));

    [Fact]
    public void An_assessor_score_needs_evidence_and_the_chosen_kind_its_target()
    {
        Assert.Equal(["Setiap skor wajib disertai bukti."], Assessor(x => x.EvidenceKind = null)[nameof(ScoreCellInput.EvidenceKind)]);
        Assert.Equal(["Pilih berkas bukti."], Assessor(x => x.EvidenceKind = EvidenceKind.File)[nameof(ScoreCellInput.EvidenceFileId)]);
        Assert.Equal(["Pilih quick win."], Assessor(x => x.EvidenceKind = EvidenceKind.QuickWin)[nameof(ScoreCellInput.EvidenceQuickWinId)]);
        Assert.Equal(["Pilih blok masterplan."], Assessor(x => x.EvidenceKind = EvidenceKind.MasterplanBlock)[nameof(ScoreCellInput.EvidenceMasterplanBlock)]);
        Assert.Equal(["Pilih blok masterplan."], Assessor(x => { x.EvidenceKind = EvidenceKind.MasterplanBlock; x.EvidenceMasterplanBlock = "bab-9"; })[nameof(ScoreCellInput.EvidenceMasterplanBlock)]);
        Assert.Empty(Assessor(x => { x.EvidenceKind = EvidenceKind.MasterplanBlock; x.EvidenceMasterplanBlock = "strategy:GOV"; }));
    }

    [Fact]
    public void A_score_is_required_with_at_most_two_decimals()
    {
        Assert.Equal(["Wajib diisi."], Assessor(x => x.Score = null)[nameof(ScoreCellInput.Score)]);
        Assert.Equal(["Skor paling banyak dua angka desimal."], Assessor(x => x.Score = 3.125m)[nameof(ScoreCellInput.Score)]);
        Assert.Empty(Assessor(x => x.Score = 3.25m));
    }

    [Fact]
    public void A_self_assessment_cell_needs_a_justification_evidence_is_optional_and_interviews_are_the_assessors()
    {
        var validator = new SelfAssessmentCellValidator(L);
        Assert.Empty(Errors(validator.Validate(new ScoreCellInput { CriterionId = 1, Score = 3, Text = "Perbup sudah terbit." })));
        Assert.Equal(["Justifikasi wajib diisi."], Errors(validator.Validate(new ScoreCellInput { CriterionId = 1, Score = 3, Text = " " }))[nameof(ScoreCellInput.Text)]);
        var interview = Interview();
        Assert.Equal(
            ["Catatan wawancara hanya untuk penilai; pilih berkas, quick win atau blok masterplan."],
            Errors(validator.Validate(interview))[nameof(ScoreCellInput.EvidenceKind)]);
    }
}
