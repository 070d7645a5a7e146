using System.Text.RegularExpressions;
using System.Xml.Linq;
using SmartCity.Domain.Assessments;
using SmartCity.Domain.Common;
using SmartCity.Domain.Dimensions;
using SmartCity.Domain.Masterplans;
using SmartCity.Domain.QuickWins;
using SmartCity.Domain.Regencies;

namespace SmartCity.UnitTests.Web.Resources;

public partial class SharedResourceTests
{
    private static readonly string WebDirectory = Path.Combine(FindRepositoryRoot(), "src", "SmartCity.Web");
    private static readonly string ResourceDirectory = Path.Combine(WebDirectory, "Resources");

    public static TheoryData<string> ResourceFiles => new() { "SharedResource.resx", "SharedResource.en.resx" };

    public static TheoryData<Type> LocalisedEnums => new()
    {
        typeof(RegencyKind),
        typeof(ProgrammeStage),
        typeof(ReportingPeriodKind),
        typeof(GovernmentUnitKind),
        typeof(QuickWinStatus),
        typeof(MasterplanState),
        typeof(RoundKind),
        typeof(RoundState),
        typeof(ReportState),
        typeof(SmartCity.Web.Features.Masterplans.Versions.SectionChange),
    };

    [Fact]
    public void Indonesian_and_English_have_the_same_keys()
    {
        var indonesian = Entries("SharedResource.resx").Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        var english = Entries("SharedResource.en.resx").Select(e => e.Key).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(indonesian.Except(english).Order(StringComparer.Ordinal));
        Assert.Empty(english.Except(indonesian).Order(StringComparer.Ordinal));
        Assert.NotEmpty(indonesian);
    }

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void No_value_is_empty(string file)
    {
        var empty = Entries(file).Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => e.Key);

        Assert.Empty(empty);
    }

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void No_key_is_defined_twice(string file)
    {
        var duplicates = Entries(file).GroupBy(e => e.Key, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key);

        Assert.Empty(duplicates);
    }

    [Fact]
    public void Every_literal_key_used_by_the_web_project_exists()
    {
        var keys = Entries("SharedResource.resx").Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        var used = SourceFiles()
            .SelectMany(file => LocalizerKey().Matches(File.ReadAllText(file))
                .Select(m => (File: Path.GetRelativePath(WebDirectory, file), Key: m.Groups[1].Value)))
            .Where(u => !u.Key.Contains('{', StringComparison.Ordinal))
            .ToList();

        var missing = used.Where(u => !keys.Contains(u.Key)).Select(u => $"{u.Key} ({u.File})").Distinct().Order(StringComparer.Ordinal);

        Assert.NotEmpty(used);
        Assert.Empty(missing);
    }

    [Theory]
    [MemberData(nameof(LocalisedEnums))]
    public void Every_enum_value_has_a_label(Type enumType)
    {
        var keys = Entries("SharedResource.resx").Select(e => e.Key).ToHashSet(StringComparer.Ordinal);

        var missing = Enum.GetNames(enumType).Select(name => $"Enum.{enumType.Name}.{name}").Where(key => !keys.Contains(key));

        Assert.Empty(missing);
    }

    [Fact]
    public void Every_dimension_has_a_label()
    {
        var keys = Entries("SharedResource.resx").Select(e => e.Key).ToHashSet(StringComparer.Ordinal);

        var missing = DimensionCodes.All.Select(code => $"Dimension.{code}").Where(key => !keys.Contains(key));

        Assert.Empty(missing);
    }

    [GeneratedRegex("""(?<![\w.])[Ll]\["([^"]+)"\]""")]
    private static partial Regex LocalizerKey();

    private static List<KeyValuePair<string, string>> Entries(string file)
    {
        var document = XDocument.Load(Path.Combine(ResourceDirectory, file));
        return document.Root!.Elements("data")
            .Select(d => new KeyValuePair<string, string>((string)d.Attribute("name")!, (string?)d.Element("value") ?? ""))
            .ToList();
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(WebDirectory, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f =>
            {
                var parts = Path.GetRelativePath(WebDirectory, f).Split(Path.DirectorySeparatorChar);
                return !parts.Contains("bin") && !parts.Contains("obj");
            });

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SmartCity.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No SmartCity.sln above {AppContext.BaseDirectory}.");
    }
}
