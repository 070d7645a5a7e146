using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.Localization;
using SmartCity.Web.Resources;
using Format = SmartCity.Web.Components.Shared.Format;

namespace SmartCity.Web.Features.Assessments;

/// <summary>What the letter takes from the settings: letterhead, ministry and signatory (never literals).</summary>
public sealed record LetterSettings(string Letterhead, string MinistryName, string SignatoryName, string SignatoryNip, string SignatoryPosition);

/// <summary>
/// The result letter of one regency (.docx, Bahasa Indonesia): letterhead, number and date, the regency, its index with two
/// decimals, band, national and provincial rank, a per-dimension table and the signatory.
/// </summary>
public sealed class ResultLetter(IStringLocalizer<SharedResource> l)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");
    private const int PageWidth = 11906, PageHeight = 16838, Margin = 1418, TextWidth = PageWidth - (2 * Margin);

    public byte[] Write(RoundResults results, ParticipantResult participant, LetterSettings settings)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(participant);
        ArgumentNullException.ThrowIfNull(settings);
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = Indonesian;
        try
        {
            using var buffer = new MemoryStream();
            using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
            {
                var main = document.AddMainDocumentPart();
                main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
                document.PackageProperties.Title = $"{L("Letter.Title")} {participant.RegencyName}";
                document.PackageProperties.Creator = settings.MinistryName;
                document.PackageProperties.Language = "id-ID";
                main.Document = new Document(Body(results, participant, settings));
                main.Document.Save();
            }

            return buffer.ToArray();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    /// <summary><c>Surat-Hasil-33.20-2025.docx</c>.</summary>
    public static string FileName(string regencyCode, int year) => string.Create(CultureInfo.InvariantCulture, $"Surat-Hasil-{regencyCode}-{year}.docx");

    private string L(string key) => l[key];

    private string L(string key, params object[] arguments) => string.Format(CultureInfo.CurrentCulture, l[key], arguments);

    private Body Body(RoundResults results, ParticipantResult p, LetterSettings settings)
    {
        var body = new Body(
            Paragraph(settings.Letterhead, "Letterhead", bold: true),
            Paragraph(settings.MinistryName, "LetterheadSub"),
            Rule(),
            Paragraph(L("Letter.Number", p.LetterNumber ?? "–")),
            Paragraph(L("Letter.Date", p.LetterDate is { } d ? Format.Date(d) : "–")),
            Paragraph(L("Letter.Subject", results.Round.Name)),
            Paragraph(""),
            Paragraph(L("Letter.To", p.RegencyName)),
            Paragraph(p.ProvinceName),
            Paragraph(""),
            Paragraph(L("Letter.Opening", results.Round.Name, p.RegencyName)));
        if (results.Round.IsDemo)
        {
            body.Append(Paragraph(L("Results.DemoData"), null, bold: true));
        }

        var total = results.TotalParticipants.ToString(CultureInfo.CurrentCulture);
        body.Append(Table(
            [(L("Letter.Item"), 3), (L("Letter.Value"), 4)],
            [
                [L("Results.Index"), p.Index is { } i ? Format.Index(i) : "–"],
                [L("Results.Band"), p.Band ?? "–"],
                [L("Results.NationalRank"), p.NationalRank is { } n ? L("Letter.RankOf", n, total) : "–"],
                [L("Results.ProvincialRank"), p.ProvincialRank is { } r ? L("Letter.RankIn", r, p.ProvinceName) : "–"],
                [L("Results.Change"), p.Change is { } c ? Signed(c) : L("Results.NoPrevious")],
            ]));
        body.Append(Paragraph(L("Letter.DimensionTable"), null, bold: true));
        var names = results.Dimensions.ToDictionary(d => d.Id, d => d.NameId);
        body.Append(Table(
            [(L("Results.Dimension"), 4), (L("Results.Score"), 2)],
            p.Dimensions.Select(d => (IReadOnlyList<string>)[names[d.DimensionId], d.Score is { } s ? Format.Index(s) : "–"]).ToList()));
        body.Append(Paragraph(L("Letter.CriterionTable"), null, bold: true));
        var criteria = results.Criteria.ToDictionary(c => c.Id);
        body.Append(Table(
            [(L("Results.Criterion"), 4), (L("Results.Weight"), 1), (L("Results.Score"), 2)],
            p.Criteria.Select(c => (IReadOnlyList<string>)[
                criteria[c.CriterionId].NameId, Format.Number(criteria[c.CriterionId].Weight) ?? "", c.Score is { } s ? Format.Index(s) : "–"]).ToList()));
        body.Append(
            Paragraph(L("Letter.Closing")),
            Paragraph(""),
            Paragraph(settings.SignatoryPosition, "Signature"),
            Paragraph(""),
            Paragraph(""),
            Paragraph(settings.SignatoryName, "Signature", bold: true),
            Paragraph(string.IsNullOrWhiteSpace(settings.SignatoryNip) ? "" : L("Letter.Nip", settings.SignatoryNip), "Signature"),
            new SectionProperties(
                new PageSize { Width = (UInt32Value)(uint)PageWidth, Height = (UInt32Value)(uint)PageHeight },
                new PageMargin { Top = Margin, Bottom = Margin, Left = (uint)Margin, Right = (uint)Margin, Header = 567, Footer = 567, Gutter = 0 }));
        return body;
    }

    private static string Signed(decimal change) =>
        (change > 0 ? "+" : "") + change.ToString("0.00", CultureInfo.CurrentCulture);

    private static Paragraph Rule() => new(new ParagraphProperties(
        new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 12, Space = 1, Color = "1F3864" })));

    private static Table Table(IReadOnlyList<(string Header, int Weight)> columns, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var weight = columns.Sum(c => c.Weight);
        var widths = columns.Select(c => TextWidth * c.Weight / weight).ToList();
        var table = new Table(
            new TableProperties(
                new TableStyle { Val = "LetterTable" },
                new TableWidth { Width = widths.Sum().ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableLook { Val = "0420" }),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        table.Append(new TableRow([new TableRowProperties(new TableHeader()), .. columns.Select((c, i) => Cell(widths[i], c.Header, bold: true))]));
        foreach (var row in rows)
        {
            table.Append(new TableRow([new TableRowProperties(new CantSplit()), .. row.Select((text, i) => Cell(widths[i], text, bold: false))]));
        }

        return table;
    }

    private static TableCell Cell(int width, string text, bool bold)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (bold)
        {
            properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "D9E2F3" });
        }

        return new TableCell(properties, Paragraph(text, "TableText", bold));
    }

    private static Paragraph Paragraph(string text, string? style = null, bool bold = false)
    {
        var properties = new ParagraphProperties();
        if (style is not null)
        {
            properties.Append(new ParagraphStyleId { Val = style });
        }

        var paragraph = new Paragraph(properties);
        if (text.Length > 0)
        {
            var run = new Run();
            if (bold)
            {
                run.Append(new RunProperties(new Bold()));
            }

            var safe = text.Any(c => char.IsControl(c)) ? new string(text.Where(c => !char.IsControl(c)).ToArray()) : text;
            run.Append(new Text(safe) { Space = SpaceProcessingModeValues.Preserve });
            paragraph.Append(run);
        }

        return paragraph;
    }

    private static Styles Styles() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", ComplexScript = "Calibri", EastAsia = "Calibri" },
                new FontSize { Val = "22" },
                new FontSizeComplexScript { Val = "22" },
                new Languages { Val = "id-ID" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "80", Line = "264", LineRule = LineSpacingRuleValues.Auto }))),
        Style("Normal", "Normal", null, null, isDefault: true),
        Style("Letterhead", "Letterhead", [new Justification { Val = JustificationValues.Center }], [new Bold(), new FontSize { Val = "28" }, new FontSizeComplexScript { Val = "28" }]),
        Style("LetterheadSub", "Letterhead sub", [new Justification { Val = JustificationValues.Center }], [new FontSize { Val = "22" }, new FontSizeComplexScript { Val = "22" }]),
        Style("TableText", "Table text", [new SpacingBetweenLines { Before = "20", After = "20" }], [new FontSize { Val = "20" }, new FontSizeComplexScript { Val = "20" }]),
        Style("Signature", "Signature block", [new SpacingBetweenLines { After = "0" }, new Indentation { Left = "5103" }], null),
        new Style(
            new StyleName { Val = "Letter table" },
            new UIPriority { Val = 59 },
            new StyleTableProperties(
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "8EAADB" },
                    new LeftBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "8EAADB" },
                    new BottomBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "8EAADB" },
                    new RightBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "8EAADB" },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "8EAADB" },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "8EAADB" })))
        { Type = StyleValues.Table, StyleId = "LetterTable", CustomStyle = true });

    private static Style Style(string id, string name, OpenXmlElement[]? paragraph, OpenXmlElement[]? run, bool isDefault = false)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault)
        {
            style.Default = true;
        }
        else
        {
            style.CustomStyle = true;
        }

        style.Append(new StyleName { Val = name });
        if (!isDefault)
        {
            style.Append(new BasedOn { Val = "Normal" });
        }

        style.Append(new PrimaryStyle());
        if (paragraph is { Length: > 0 })
        {
            style.Append(new StyleParagraphProperties(paragraph));
        }

        if (run is { Length: > 0 })
        {
            style.Append(new StyleRunProperties(run));
        }

        return style;
    }
}
