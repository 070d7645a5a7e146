using System.IO.Compression;
using System.IO.Packaging;
using System.Text;
using SmartCity.Web.Features.Evidence;

namespace SmartCity.UnitTests.Web.Evidence;

public sealed class EvidenceContentInspectorTests
{
    private const string OfficeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
    private const string WordMain = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private const string ExcelMain = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    private const string PowerPointMain = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml";

    /// <summary>The start of a real PDF 1.7 file (header, binary comment, first object).</summary>
    internal static readonly byte[] Pdf = [.. "%PDF-1.7\n%"u8, 0xE2, 0xE3, 0xCF, 0xD3, .. "\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n%%EOF\n"u8];

    /// <summary>The PNG signature and a 1×1 IHDR chunk.</summary>
    private static readonly byte[] Png =
    [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
        0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89,
    ];

    /// <summary>A JPEG/JFIF start: SOI, APP0 "JFIF".</summary>
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];

    /// <summary>The OLE compound-file signature of .doc/.xls/.ppt, padded like a real header sector.</summary>
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];

    /// <summary>A minimal OPC package whose officeDocument relationship targets a part of <paramref name="mainContentType"/>.</summary>
    internal static byte[] OfficePackage(string mainContentType, string partName = "/word/document.xml", bool relate = true)
    {
        using var buffer = new MemoryStream();
        using (var package = Package.Open(buffer, FileMode.Create, FileAccess.ReadWrite))
        {
            var part = package.CreatePart(new Uri(partName, UriKind.Relative), mainContentType, CompressionOption.Normal);
            using (var stream = part.GetStream())
            {
                stream.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><document/>"u8);
            }

            if (relate)
            {
                package.CreateRelationship(part.Uri, TargetMode.Internal, OfficeDocument);
            }
        }

        return buffer.ToArray();
    }

    internal static byte[] Docx() => OfficePackage(WordMain);

    private static byte[] PlainZip()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("readme.txt").Open();
            entry.Write("not a document"u8);
        }

        return buffer.ToArray();
    }

    public static TheoryData<string, string, EvidenceFileType, string> Accepted => new()
    {
        { "laporan.pdf", "pdf", EvidenceFileType.Pdf, "application/pdf" },
        { "foto.png", "png", EvidenceFileType.Png, "image/png" },
        { "foto.jpg", "jpeg", EvidenceFileType.Jpeg, "image/jpeg" },
        { "FOTO.JPEG", "jpeg", EvidenceFileType.Jpeg, "image/jpeg" },
        { "notulen.docx", "docx", EvidenceFileType.Docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "anggaran.xlsx", "xlsx", EvidenceFileType.Xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "paparan.pptx", "pptx", EvidenceFileType.Pptx, "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
    };

    private static byte[] Content(string kind) => kind switch
    {
        "pdf" => Pdf,
        "png" => Png,
        "jpeg" => Jpeg,
        "docx" => Docx(),
        "xlsx" => OfficePackage(ExcelMain, "/xl/workbook.xml"),
        "pptx" => OfficePackage(PowerPointMain, "/ppt/presentation.xml"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Accepts_the_allowed_types_from_their_content(string fileName, string kind, EvidenceFileType type, string contentType)
    {
        var inspection = EvidenceContentInspector.Inspect(fileName, Content(kind));

        Assert.True(inspection.Accepted);
        Assert.Equal(EvidenceRefusal.None, inspection.Refusal);
        Assert.Equal(type, inspection.Type);
        Assert.Equal(contentType, inspection.ContentType);
    }

    [Fact]
    public void A_plain_zip_renamed_docx_is_not_an_office_document()
    {
        var inspection = EvidenceContentInspector.Inspect("notulen.docx", PlainZip());

        Assert.False(inspection.Accepted);
        Assert.Equal(EvidenceRefusal.NotOffice, inspection.Refusal);
        Assert.Null(inspection.ContentType);
    }

    [Theory]
    [InlineData("application/xml", true)] // a valid package, but its main part is no Office document
    [InlineData("application/vnd.ms-word.document.macroEnabled.main+xml", true)] // .docm: macros are not accepted
    [InlineData(WordMain, false)] // the right part exists, but nothing says it is the main document
    public void A_package_without_an_accepted_main_part_is_refused(string mainContentType, bool relate)
    {
        var inspection = EvidenceContentInspector.Inspect("notulen.docx", OfficePackage(mainContentType, relate: relate));

        Assert.Equal(EvidenceRefusal.NotOffice, inspection.Refusal);
    }

    [Fact]
    public void A_docx_renamed_xlsx_is_refused_as_a_mismatch()
    {
        var inspection = EvidenceContentInspector.Inspect("anggaran.xlsx", Docx());

        Assert.False(inspection.Accepted);
        Assert.Equal(EvidenceRefusal.ExtensionMismatch, inspection.Refusal);
        Assert.Equal(EvidenceFileType.Docx, inspection.Type);
    }

    [Theory]
    [InlineData("foto.pdf", "png")]
    [InlineData("laporan.png", "pdf")]
    [InlineData("laporan.exe", "pdf")]
    [InlineData("laporan", "pdf")]
    public void The_extension_must_name_the_detected_type(string fileName, string kind)
    {
        Assert.Equal(EvidenceRefusal.ExtensionMismatch, EvidenceContentInspector.Inspect(fileName, Content(kind)).Refusal);
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>")]
    [InlineData(" %PDF-1.7 hidden behind a space")]
    [InlineData("just some text")]
    public void Html_or_text_renamed_pdf_is_refused(string text)
    {
        var inspection = EvidenceContentInspector.Inspect("laporan.pdf", Encoding.UTF8.GetBytes(text));

        Assert.False(inspection.Accepted);
        Assert.Equal(EvidenceRefusal.NotAllowed, inspection.Refusal);
    }

    [Theory]
    [InlineData("notulen.doc")]
    [InlineData("anggaran.xls")]
    [InlineData("paparan.ppt")]
    [InlineData("disguised.docx")]
    public void Legacy_office_files_are_refused_with_their_own_reason(string fileName)
    {
        Assert.Equal(EvidenceRefusal.LegacyOffice, EvidenceContentInspector.Inspect(fileName, Ole).Refusal);
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        Assert.Equal(EvidenceRefusal.Empty, EvidenceContentInspector.Inspect("kosong.pdf", []).Refusal);
        Assert.Equal(EvidenceRefusal.Empty, EvidenceContentInspector.Inspect("kosong.pdf", Pdf, 0).Refusal);
    }

    [Fact]
    public void A_truncated_package_is_refused_without_an_exception()
    {
        var docx = Docx();

        Assert.Equal(EvidenceRefusal.NotOffice, EvidenceContentInspector.Inspect("notulen.docx", docx, docx.Length / 2).Refusal);
    }

    [Theory]
    [InlineData(@"C:\Users\staf\Documents\laporan.pdf", "laporan.pdf")]
    [InlineData("../../etc/laporan.pdf", "laporan.pdf")]
    [InlineData(" bukti\u0000\u0007 final.pdf ", "bukti final.pdf")]
    [InlineData("", "")]
    public void File_names_keep_only_their_last_segment_without_control_characters(string raw, string expected)
    {
        Assert.Equal(expected, EvidenceService.CleanFileName(raw));
    }

    [Fact]
    public void Long_file_names_are_shortened_keeping_the_extension()
    {
        var name = EvidenceService.CleanFileName(new string('a', 400) + ".pdf");

        Assert.Equal(255, name.Length);
        Assert.EndsWith(".pdf", name, StringComparison.Ordinal);
    }
}
