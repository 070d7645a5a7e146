using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.Localization;
using SmartCity.Domain.Dimensions;
using SmartCity.Domain.Masterplans;
using SmartCity.Web.Components.Shared;
using SmartCity.Web.Resources;
using Format = SmartCity.Web.Components.Shared.Format;

namespace SmartCity.Web.Features.Masterplans.Versions;

/// <summary>
/// What the title page says besides the plan itself: whose plan, under which ministry (the setting <c>ministry.name</c>,
/// never a literal), and which version; <c>IsWorkingCopy</c> for the working copy not yet submitted as that version.
/// </summary>
public sealed record DocumentHeader(
    string RegencyCode, string RegencyName, string ProvinceName, string MinistryName, int VersionNumber, MasterplanState State,
    bool IsWorkingCopy, DateOnly? ApprovedOn);

/// <summary>
/// The official masterplan document (.docx), always in Bahasa Indonesia: a title page, then the seven blocks in order as
/// Heading 1 with Heading 2 subsections (so Word's navigation pane lists them), tables for readiness, goals, programmes,
/// the roadmap, quick wins and signatories. Programmes and the roadmap are on landscape pages. Styles are defined in the
/// styles part; texts come from the Indonesian resources, dates and money in the id-ID culture.
/// </summary>
public sealed class MasterplanDocument(IStringLocalizer<SharedResource> l)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    // A4 in twentieths of a point, 2 cm margins.
    private const int PageLong = 16838, PageShort = 11906, Margin = 1134;
    private const int PortraitWidth = PageShort - (2 * Margin), LandscapeWidth = PageLong - (2 * Margin);
    private const string HeaderFill = "D9E2F3", ActiveFill = "8EAADB", FooterId = "rIdFooter";

    /// <summary>Writes the whole document to <paramref name="output"/>.</summary>
    public void Write(Stream output, MasterplanSnapshot plan, DocumentHeader header)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(header);
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = Indonesian;
        try
        {
            using var buffer = new MemoryStream();
            using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
            {
                new Writer(l, plan, header).Write(document);
            }

            buffer.Position = 0;
            buffer.CopyTo(output);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    /// <summary>The file name: <c>Masterplan-33.20-2018-2028-v2.docx</c>.</summary>
    public static string FileName(string regencyCode, MasterplanSnapshot plan, int versionNumber) =>
        string.Create(CultureInfo.InvariantCulture, $"Masterplan-{regencyCode}-{plan.StartYear}-{plan.EndYear}-v{versionNumber}.docx");

    private sealed class Writer(IStringLocalizer l, MasterplanSnapshot plan, DocumentHeader header)
    {
        private readonly Body _body = new();
        private bool _nextHeadingOnNewPage = true;

        public void Write(WordprocessingDocument document)
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            var footer = main.AddNewPart<FooterPart>(FooterId);
            footer.Footer = Footer();
            document.PackageProperties.Title = $"{L("MasterplanDoc.Title")} {header.RegencyName} {plan.StartYear}–{plan.EndYear}";
            document.PackageProperties.Creator = header.MinistryName;
            document.PackageProperties.Language = "id-ID";

            TitlePage();
            Analysis();
            Vision();
            Strategies();
            EndSection(landscape: false, titlePage: true);
            Programmes();
            Roadmap();
            EndSection(landscape: true, titlePage: false);
            QuickWins();
            Commitment();
            _body.Append(SectionProperties(landscape: false, titlePage: false));
            main.Document = new Document(_body);
            main.Document.Save();
        }

        private string L(string key) => l[key];

        private string L(string key, params object[] arguments) => string.Format(CultureInfo.CurrentCulture, l[key], arguments);

        private void TitlePage()
        {
            _body.Append(
                Paragraph(header.MinistryName, "TitleInfo", bold: true),
                Paragraph("", "TitleInfo"),
                Paragraph(L("MasterplanDoc.Title"), "Title"),
                Paragraph(header.RegencyName, "Subtitle"),
                Paragraph(L("MasterplanDoc.Province", header.ProvinceName), "TitleInfo"),
                Paragraph(L("MasterplanDoc.PeriodLine", plan.StartYear, plan.EndYear), "TitleInfo", bold: true),
                Paragraph("", "TitleInfo"),
                Paragraph(plan.Title, "TitleInfo"));
            if (!string.IsNullOrWhiteSpace(plan.RpjmdTitle))
            {
                _body.Append(Paragraph(L("MasterplanDoc.RestsOn", plan.RpjmdTitle, plan.RpjmdStartYear, plan.RpjmdEndYear), "TitleInfo"));
            }

            var version = new StringBuilder(L("MasterplanDoc.Version", header.VersionNumber));
            if (header.IsWorkingCopy)
            {
                version.Append(" (").Append(L("MasterplanDoc.WorkingCopy")).Append(')');
            }

            version.Append(" · ").Append(header.ApprovedOn is { } approved ? L("MasterplanDoc.ApprovedOn", Format.Date(approved)) : l.Enum(header.State));

            _body.Append(Paragraph("", "TitleInfo"), Paragraph(version.ToString(), "TitleInfo"));
        }

        private void Analysis()
        {
            Heading1(MasterplanBlocks.Analysis);
            Heading2(L("Masterplan.Readiness"));
            var byComponent = plan.Readiness.GroupBy(r => r.Component).ToDictionary(g => g.Key, g => g.First());
            Table(
                PortraitWidth,
                [(L("MasterplanDoc.Aspect"), 2), (L("MasterplanDoc.Component"), 3), (L("MasterplanDoc.Grade"), 2), (L("MasterplanDoc.Notes"), 6)],
                Enum.GetValues<ReadinessComponent>().Select(component =>
                {
                    var row = byComponent.GetValueOrDefault(component);
                    return Cells(
                        l.Enum(ReadinessRating.AspectOf(component)), ComponentName(component),
                        row?.Grade is { } grade ? l.Enum(grade) : "–", row?.Notes);
                }));
            Heading2(L("Masterplan.GapAnalysis"));
            Text(plan.GapAnalysis);
            Heading2(L("MasterplanDoc.Swot"));
            Table(
                PortraitWidth, [(L("Masterplan.Strengths"), 1), (L("Masterplan.Weaknesses"), 1)],
                [[Lines(plan.Strengths), Lines(plan.Weaknesses)]]);
            Table(
                PortraitWidth, [(L("Masterplan.Opportunities"), 1), (L("Masterplan.Threats"), 1)],
                [[Lines(plan.Opportunities), Lines(plan.Threats)]]);
        }

        /// <summary>"Struktur – anggaran" → "anggaran": the aspect has its own column.</summary>
        private string ComponentName(ReadinessComponent component)
        {
            var label = l.Enum(component);
            var dash = label.IndexOf(" – ", StringComparison.Ordinal);
            return dash < 0 ? label : label[(dash + 3)..];
        }

        private void Vision()
        {
            Heading1(MasterplanBlocks.Vision);
            Heading2(L("Masterplan.Vision"));
            Text(plan.Vision);
            Heading2(L("Masterplan.Missions"));
            Text(plan.Missions);
            Heading2(L("MasterplanDoc.Goals"));
            Table(
                PortraitWidth,
                [(L("Goal.Dimension"), 3), (L("Goal.Text"), 4), (L("Goal.Indicator"), 4), (L("Goal.Baseline"), 2), (L("Goal.Target"), 2)],
                plan.Goals.Select(g => Cells(Dimension(g.DimensionCode), g.Text, g.Indicator, Format.Number(g.Baseline), Format.Number(g.Target))));
        }

        private void Strategies()
        {
            Heading1(MasterplanBlocks.Strategy);
            var byDimension = plan.Strategies.ToDictionary(s => s.DimensionCode, s => s.Text);
            foreach (var code in DimensionCodes.All)
            {
                Heading2(Dimension(code));
                Text(byDimension.GetValueOrDefault(code));
            }
        }

        private void Programmes()
        {
            Heading1(MasterplanBlocks.Programmes);
            Heading2(L("MasterplanDoc.ProgrammeList"));
            Table(
                LandscapeWidth,
                [
                    (L("MasterplanDoc.Number"), 2), (L("Goal.Dimension"), 5), (L("MasterplanDoc.Programme"), 7), (L("MasterplanDoc.Element"), 4),
                    (L("MasterplanDoc.Owner"), 5), (L("MasterplanDoc.Horizon"), 4), (L("MasterplanDoc.Years"), 4), (L("MasterplanDoc.Budget"), 5),
                    (L("MasterplanDoc.BudgetSource"), 4), (L("MasterplanDoc.RpjmdReference"), 5), (L("MasterplanDoc.Kpi"), 9),
                ],
                plan.Programmes.Select((p, i) => Cells(
                    (i + 1).ToString(CultureInfo.CurrentCulture), Dimension(p.DimensionCode), p.Name, p.Element, p.Owner, l.Enum(p.Horizon),
                    Years(p.StartYear, p.EndYear), p.BudgetEstimate is { } budget ? Format.Money(budget) : null, p.BudgetSource, p.RpjmdReference)
                    .Append(p.Kpis.Select(Kpi).ToList()).ToList()));
        }

        private static string Kpi(ProgrammeKpiSnapshot kpi) =>
            $"{kpi.Name}{(string.IsNullOrWhiteSpace(kpi.Unit) ? "" : $" ({kpi.Unit})")}: {Format.Number(kpi.Baseline) ?? "–"} → {Format.Number(kpi.Target) ?? "–"}";

        private void Roadmap()
        {
            Heading1(MasterplanBlocks.Roadmap);
            Heading2(L("MasterplanDoc.Timeline"));
            if (plan.Programmes.Count == 0)
            {
                Text(null);
                return;
            }

            var years = Enumerable.Range(plan.StartYear, Math.Max(1, plan.EndYear - plan.StartYear + 1)).ToList();
            List<(string Header, int Weight)> columns =
                [(L("MasterplanDoc.Programme"), 12), (L("MasterplanDoc.Horizon"), 5), .. years.Select(y => (y.ToString(CultureInfo.InvariantCulture), 2))];
            var table = NewTable(LandscapeWidth, columns);
            foreach (var group in plan.Programmes.GroupBy(p => p.DimensionCode).OrderBy(g => DimensionIndex(g.Key)))
            {
                table.Append(new TableRow(
                    new TableRowProperties(new CantSplit()),
                    Cell(Widths(LandscapeWidth, columns).Sum(), [Dimension(group.Key)], bold: true, fill: HeaderFill, span: columns.Count)));
                foreach (var p in group)
                {
                    var row = new TableRow(new TableRowProperties(new CantSplit()));
                    var widths = Widths(LandscapeWidth, columns);
                    row.Append(Cell(widths[0], [p.Name]), Cell(widths[1], [$"{l.Enum(p.Horizon)} ({Years(p.StartYear, p.EndYear)})"]));
                    for (var i = 0; i < years.Count; i++)
                    {
                        var active = years[i] >= p.StartYear && years[i] <= p.EndYear;
                        row.Append(Cell(widths[i + 2], [active ? "■" : ""], fill: active ? ActiveFill : null, centered: true));
                    }

                    table.Append(row);
                }
            }

            _body.Append(table, Paragraph("", null));
        }

        private void QuickWins()
        {
            Heading1(MasterplanBlocks.QuickWins);
            Heading2(L("MasterplanDoc.QuickWinList"));
            Table(
                PortraitWidth,
                [(L("Goal.Dimension"), 3), (L("MasterplanDoc.Programme"), 4), (L("MasterplanDoc.Years"), 2), (L("MasterplanDoc.QuickWin"), 4)],
                plan.Programmes.Where(p => p.QuickWins.Count > 0).Select(p => Cells(
                    Dimension(p.DimensionCode), p.Name, Years(p.StartYear, p.EndYear),
                    string.Join("\n", p.QuickWins.Select(q => string.IsNullOrWhiteSpace(q.Acronym) ? q.Name : $"{q.Name} ({q.Acronym})")))));
        }

        private void Commitment()
        {
            Heading1(MasterplanBlocks.Commitment);
            Heading2(L("MasterplanDoc.Signatories"));
            Table(
                PortraitWidth,
                [(L("MasterplanDoc.Number"), 1), (L("Signatory.Name"), 4), (L("Signatory.Position"), 4), (L("Signatory.Institution"), 4), (L("Signatory.SignedOn"), 3)],
                plan.Signatories.Select((s, i) => Cells(
                    (i + 1).ToString(CultureInfo.CurrentCulture), s.Name, s.Position, s.Institution, s.SignedOn is { } d ? Format.Date(d) : null)));
        }

        private string Dimension(string code) => L($"Dimension.{code}");

        private static string Years(int start, int end) => string.Create(CultureInfo.InvariantCulture, $"{start}–{end}");

        private static int DimensionIndex(string code)
        {
            var index = DimensionCodes.All.ToList().IndexOf(code);
            return index < 0 ? int.MaxValue : index;
        }

        private static List<IReadOnlyList<string>> Cells(params string?[] texts) => texts.Select(Lines).ToList();

        private static IReadOnlyList<string> Lines(string? text) =>
            string.IsNullOrWhiteSpace(text) ? [] : text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(s => s.TrimEnd()).Where(s => s.Length > 0).ToList();

        private void Heading1(string block)
        {
            _body.Append(Paragraph(L($"Masterplan.Block.{block}"), "Heading1", pageBreakBefore: _nextHeadingOnNewPage));
            _nextHeadingOnNewPage = true;
        }

        private void Heading2(string text) => _body.Append(Paragraph(text, "Heading2"));

        /// <summary>A planner's text: one paragraph per line; "Belum diisi." when empty.</summary>
        private void Text(string? text)
        {
            var lines = Lines(text);
            if (lines.Count == 0)
            {
                _body.Append(Paragraph(L("MasterplanDoc.Empty"), "Empty"));
                return;
            }

            foreach (var line in lines)
            {
                _body.Append(Paragraph(line, null));
            }
        }

        /// <summary>Ends a section: its properties sit in the section's last paragraph; the next section starts on a new page.</summary>
        private void EndSection(bool landscape, bool titlePage)
        {
            _body.Append(new Paragraph(new ParagraphProperties(SectionProperties(landscape, titlePage))));
            _nextHeadingOnNewPage = false;
        }

        private static SectionProperties SectionProperties(bool landscape, bool titlePage)
        {
            var section = new SectionProperties(
                new FooterReference { Type = HeaderFooterValues.Default, Id = FooterId },
                new PageSize
                {
                    Width = (UInt32Value)(uint)(landscape ? PageLong : PageShort),
                    Height = (UInt32Value)(uint)(landscape ? PageShort : PageLong),
                    Orient = landscape ? PageOrientationValues.Landscape : PageOrientationValues.Portrait,
                },
                new PageMargin { Top = Margin, Bottom = Margin, Left = (uint)Margin, Right = (uint)Margin, Header = 567, Footer = 567, Gutter = 0 });
            if (titlePage)
            {
                section.Append(new TitlePage());
            }

            return section;
        }

        private void Table(int width, IReadOnlyList<(string Header, int Weight)> columns, IEnumerable<IReadOnlyList<IReadOnlyList<string>>> rows)
        {
            var table = NewTable(width, columns);
            var widths = Widths(width, columns);
            var any = false;
            foreach (var cells in rows)
            {
                any = true;
                table.Append(new TableRow([new TableRowProperties(new CantSplit()), .. cells.Select((lines, i) => Cell(widths[i], lines))]));
            }

            if (any)
            {
                _body.Append(table, Paragraph("", null));
            }
            else
            {
                _body.Append(Paragraph(L("MasterplanDoc.Empty"), "Empty"));
            }
        }

        private static Table NewTable(int width, IReadOnlyList<(string Header, int Weight)> columns)
        {
            var widths = Widths(width, columns);
            var table = new Table(
                new TableProperties(
                    new TableStyle { Val = "PlanTable" },
                    new TableWidth { Width = widths.Sum().ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                    new TableLayout { Type = TableLayoutValues.Fixed },
                    new TableLook { Val = "0420" }),
                new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
            table.Append(new TableRow(
                [new TableRowProperties(new CantSplit(), new TableHeader()), .. columns.Select((c, i) => Cell(widths[i], [c.Header], bold: true, fill: HeaderFill))]));
            return table;
        }

        private static List<int> Widths(int width, IReadOnlyList<(string Header, int Weight)> columns)
        {
            var total = columns.Sum(c => c.Weight);
            return columns.Select(c => width * c.Weight / total).ToList();
        }

        private static TableCell Cell(int width, IReadOnlyList<string> lines, bool bold = false, string? fill = null, int span = 1, bool centered = false)
        {
            var properties = new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
            if (span > 1)
            {
                properties.Append(new GridSpan { Val = span });
            }

            if (fill is not null)
            {
                properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = fill });
            }

            var cell = new TableCell(properties);
            if (lines.Count == 0)
            {
                cell.Append(Paragraph("", "TableText"));
            }

            foreach (var line in lines)
            {
                cell.Append(Paragraph(line, "TableText", bold, centered: centered));
            }

            return cell;
        }

        private static Paragraph Paragraph(string text, string? style, bool bold = false, bool pageBreakBefore = false, bool centered = false)
        {
            var properties = new ParagraphProperties();
            if (style is not null)
            {
                properties.Append(new ParagraphStyleId { Val = style });
            }

            if (pageBreakBefore)
            {
                properties.Append(new PageBreakBefore());
            }

            if (centered)
            {
                properties.Append(new Justification { Val = JustificationValues.Center });
            }

            var paragraph = new Paragraph(properties);
            if (text.Length > 0)
            {
                var run = new Run();
                if (bold)
                {
                    run.Append(new RunProperties(new Bold()));
                }

                run.Append(new Text(XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve });
                paragraph.Append(run);
            }

            return paragraph;
        }

        /// <summary>Control characters are not allowed in XML: planners' pasted texts may carry some.</summary>
        private static string XmlSafe(string text) =>
            text.Any(c => char.IsControl(c) && c != '\t') ? new string(text.Where(c => !char.IsControl(c) || c == '\t').ToArray()) : text;

        private Footer Footer() => new(new Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = "FooterText" }),
            new Run(new Text($"{L("MasterplanDoc.Title")} · {header.RegencyName} · {L("MasterplanDoc.Version", header.VersionNumber)} · {L("MasterplanDoc.Page")} ") { Space = SpaceProcessingModeValues.Preserve }),
            new SimpleField(new Run(new Text("1"))) { Instruction = " PAGE " }));

        private static Styles Styles() => new(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", ComplexScript = "Calibri", EastAsia = "Calibri" },
                    new FontSize { Val = "22" },
                    new FontSizeComplexScript { Val = "22" },
                    new Languages { Val = "id-ID" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto }))),
            ParagraphStyle("Normal", "Normal", basedOn: null, isDefault: true),
            ParagraphStyle(
                "Heading1", "heading 1", paragraph: [new KeepNext(), new KeepLines(), new SpacingBetweenLines { Before = "240", After = "240" }, new OutlineLevel { Val = 0 }],
                run: [new Bold(), new Color { Val = "1F3864" }, new FontSize { Val = "36" }, new FontSizeComplexScript { Val = "36" }]),
            ParagraphStyle(
                "Heading2", "heading 2", paragraph: [new KeepNext(), new KeepLines(), new SpacingBetweenLines { Before = "240", After = "120" }, new OutlineLevel { Val = 1 }],
                run: [new Bold(), new Color { Val = "2F5496" }, new FontSize { Val = "28" }, new FontSizeComplexScript { Val = "28" }]),
            ParagraphStyle(
                "Title", "Title", paragraph: [new SpacingBetweenLines { Before = "1440", After = "240" }, new Justification { Val = JustificationValues.Center }],
                run: [new Bold(), new Color { Val = "1F3864" }, new FontSize { Val = "56" }, new FontSizeComplexScript { Val = "56" }]),
            ParagraphStyle(
                "Subtitle", "Subtitle", paragraph: [new SpacingBetweenLines { After = "480" }, new Justification { Val = JustificationValues.Center }],
                run: [new Color { Val = "2F5496" }, new FontSize { Val = "40" }, new FontSizeComplexScript { Val = "40" }]),
            ParagraphStyle(
                "TitleInfo", "Title page text", paragraph: [new SpacingBetweenLines { After = "120" }, new Justification { Val = JustificationValues.Center }],
                run: [new FontSize { Val = "26" }, new FontSizeComplexScript { Val = "26" }]),
            ParagraphStyle(
                "TableText", "Table text", paragraph: [new SpacingBetweenLines { Before = "20", After = "20", Line = "240", LineRule = LineSpacingRuleValues.Auto }],
                run: [new FontSize { Val = "18" }, new FontSizeComplexScript { Val = "18" }]),
            ParagraphStyle("Empty", "Not filled in", run: [new Italic(), new Color { Val = "595959" }]),
            ParagraphStyle(
                "FooterText", "Footer text", paragraph: [new Justification { Val = JustificationValues.Right }],
                run: [new Color { Val = "595959" }, new FontSize { Val = "16" }, new FontSizeComplexScript { Val = "16" }]),
            new Style(
                new StyleName { Val = "Plan table" },
                new UIPriority { Val = 59 },
                new StyleTableProperties(
                    new TableBorders(
                        new TopBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "8EAADB" },
                        new LeftBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "8EAADB" },
                        new BottomBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "8EAADB" },
                        new RightBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "8EAADB" },
                        new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "8EAADB" },
                        new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "8EAADB" }),
                    new TableCellMarginDefault(
                        new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                        new TableCellLeftMargin { Width = 80, Type = TableWidthValues.Dxa },
                        new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                        new TableCellRightMargin { Width = 80, Type = TableWidthValues.Dxa })))
            { Type = StyleValues.Table, StyleId = "PlanTable", CustomStyle = true });

        private static Style ParagraphStyle(
            string id, string name, string? basedOn = "Normal", bool isDefault = false, OpenXmlElement[]? paragraph = null, OpenXmlElement[]? run = null)
        {
            var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
            if (isDefault)
            {
                style.Default = true;
            }

            if (id is not ("Normal" or "Heading1" or "Heading2" or "Title" or "Subtitle"))
            {
                style.CustomStyle = true;
            }

            style.Append(new StyleName { Val = name });
            if (basedOn is not null)
            {
                style.Append(new BasedOn { Val = basedOn }, new NextParagraphStyle { Val = "Normal" });
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
}
