using System.IO.Compression;
using System.IO.Packaging;

namespace SmartCity.Web.Features.Evidence;

/// <summary>The file types the portal accepts as evidence.</summary>
public enum EvidenceFileType
{
    Pdf,
    Png,
    Jpeg,
    Docx,
    Xlsx,
    Pptx,
}

/// <summary>Why the inspector refused a file.</summary>
public enum EvidenceRefusal
{
    None,
    Empty,

    /// <summary>An OLE compound file (.doc, .xls, .ppt) or one of those extensions.</summary>
    LegacyOffice,

    /// <summary>The content is none of the accepted types.</summary>
    NotAllowed,

    /// <summary>A ZIP archive that is not a Word, Excel or PowerPoint package.</summary>
    NotOffice,

    /// <summary>The content is an accepted type, but the extension names another one.</summary>
    ExtensionMismatch,
}

/// <summary>The outcome of <see cref="EvidenceContentInspector.Inspect(string, byte[])"/>: the detected type, or why the file was refused.</summary>
public sealed record EvidenceInspection(EvidenceFileType? Type, EvidenceRefusal Refusal)
{
    public bool Accepted => Refusal == EvidenceRefusal.None && Type is not null;

    /// <summary>The content type stored and sent on download: from the detected type, never from the browser.</summary>
    public string? ContentType => Type is { } type ? EvidenceContentInspector.ContentTypeOf(type) : null;
}

/// <summary>
/// Decides a file's type from its bytes: magic numbers for PDF, PNG and JPEG; for DOCX, XLSX and PPTX the package is opened
/// and the content type of the part the officeDocument relationship points to is checked (a ZIP signature alone is not enough).
/// The extension must agree with the detected type. Legacy OLE Office files are refused with their own reason.
/// </summary>
public static class EvidenceContentInspector
{
    /// <summary>For the file picker's <c>accept</c> attribute.</summary>
    public const string AcceptAttribute = ".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.pptx";

    private const string OfficeDocumentRelationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
    private const string StrictOfficeDocumentRelationship = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument";

    /// <summary>Package metadata parts larger than this are not parsed (a compressed bomb in [Content_Types].xml or .rels).</summary>
    private const long MaxPackageMetadataBytes = 1024 * 1024;

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] OleMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private static readonly Dictionary<string, EvidenceFileType> MainPartTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"] = EvidenceFileType.Docx,
        ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"] = EvidenceFileType.Xlsx,
        ["application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"] = EvidenceFileType.Pptx,
    };

    private static readonly Dictionary<string, EvidenceFileType> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = EvidenceFileType.Pdf,
        [".png"] = EvidenceFileType.Png,
        [".jpg"] = EvidenceFileType.Jpeg,
        [".jpeg"] = EvidenceFileType.Jpeg,
        [".docx"] = EvidenceFileType.Docx,
        [".xlsx"] = EvidenceFileType.Xlsx,
        [".pptx"] = EvidenceFileType.Pptx,
    };

    private static readonly HashSet<string> LegacyExtensions = new(StringComparer.OrdinalIgnoreCase) { ".doc", ".xls", ".ppt", ".dot", ".xlt", ".pot", ".pps" };

    public static string ContentTypeOf(EvidenceFileType type) => type switch
    {
        EvidenceFileType.Pdf => "application/pdf",
        EvidenceFileType.Png => "image/png",
        EvidenceFileType.Jpeg => "image/jpeg",
        EvidenceFileType.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        EvidenceFileType.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        EvidenceFileType.Pptx => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>The short label shown to users for a type: PDF, PNG, JPEG, DOCX, XLSX, PPTX.</summary>
    public static string Label(EvidenceFileType type) => type.ToString().ToUpperInvariant();

    /// <summary>The label of a stored content type (for lists), or the content type itself when unknown.</summary>
    public static string LabelOfContentType(string contentType) =>
        Enum.GetValues<EvidenceFileType>().Where(t => ContentTypeOf(t) == contentType).Select(Label).FirstOrDefault() ?? contentType;

    /// <summary>Inspects a whole file held in memory.</summary>
    public static EvidenceInspection Inspect(string fileName, byte[] content) => Inspect(fileName, content, content.Length);

    /// <summary>Inspects the first <paramref name="length"/> bytes of <paramref name="content"/>.</summary>
    public static EvidenceInspection Inspect(string fileName, byte[] content, int length)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (length <= 0)
        {
            return Refused(EvidenceRefusal.Empty);
        }

        var bytes = content.AsSpan(0, length);
        var extension = Path.GetExtension(fileName);
        if (bytes.StartsWith(OleMagic) || LegacyExtensions.Contains(extension))
        {
            return Refused(EvidenceRefusal.LegacyOffice);
        }

        EvidenceFileType? detected = bytes.StartsWith(PdfMagic) ? EvidenceFileType.Pdf
            : bytes.StartsWith(PngMagic) ? EvidenceFileType.Png
            : bytes.StartsWith(JpegMagic) ? EvidenceFileType.Jpeg
            : null;
        if (detected is null && bytes.StartsWith(ZipMagic))
        {
            detected = OfficeTypeOf(content, length);
            if (detected is null)
            {
                return Refused(EvidenceRefusal.NotOffice);
            }
        }

        if (detected is not { } type)
        {
            return Refused(EvidenceRefusal.NotAllowed);
        }

        return Extensions.TryGetValue(extension, out var named) && named == type
            ? new EvidenceInspection(type, EvidenceRefusal.None)
            : new EvidenceInspection(type, EvidenceRefusal.ExtensionMismatch);
    }

    private static EvidenceInspection Refused(EvidenceRefusal refusal) => new(null, refusal);

    /// <summary>The Office type of an OPC package, from the content type of its main (officeDocument) part; null when it is none.</summary>
    private static EvidenceFileType? OfficeTypeOf(byte[] content, int length)
    {
        try
        {
            if (!HasSaneMetadata(content, length))
            {
                return null;
            }

            using var stream = new MemoryStream(content, 0, length, writable: false);
            using var package = Package.Open(stream, FileMode.Open, FileAccess.Read);
            var relationship = package.GetRelationshipsByType(OfficeDocumentRelationship)
                .Concat(package.GetRelationshipsByType(StrictOfficeDocumentRelationship))
                .FirstOrDefault(r => r.TargetMode == TargetMode.Internal);
            if (relationship is null)
            {
                return null;
            }

            var partUri = PackUriHelper.ResolvePartUri(new Uri("/", UriKind.Relative), relationship.TargetUri);
            if (!package.PartExists(partUri))
            {
                return null;
            }

            return MainPartTypes.TryGetValue(package.GetPart(partUri).ContentType, out var type) ? type : null;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or InvalidOperationException or ArgumentException
            or System.Xml.XmlException or UriFormatException or NotSupportedException)
        {
            // FileFormatException is an IOException: a damaged or non-OPC ZIP is simply not an Office document.
            return null;
        }
    }

    /// <summary>Refuses archives whose package metadata would decompress to more than a megabyte before the package is parsed.</summary>
    private static bool HasSaneMetadata(byte[] content, int length)
    {
        using var stream = new MemoryStream(content, 0, length, writable: false);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        return zip.Entries.All(e => !(e.FullName.Equals("[Content_Types].xml", StringComparison.OrdinalIgnoreCase)
            || e.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)) || e.Length <= MaxPackageMetadataBytes);
    }
}
