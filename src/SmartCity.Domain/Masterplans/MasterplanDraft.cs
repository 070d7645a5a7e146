namespace SmartCity.Domain.Masterplans;

/// <summary>
/// A planner's unsaved text of one block, autosaved every few seconds while typing so nothing is lost when the connection drops.
/// Not audited: applying it to the plan ("Simpan") is the one audited change of the editing session. One per plan, user and block.
/// </summary>
public class MasterplanDraft
{
    public int Id { get; set; }
    public int RegencyId { get; set; }
    public int MasterplanId { get; set; }
    public required string UserId { get; set; }

    /// <summary>The text block, as in <see cref="MasterplanBlocks"/> (e.g. <c>vision</c>, <c>analysis</c>, <c>strategy:GOV</c>).</summary>
    public required string Block { get; set; }

    /// <summary>JSON object: field name → text.</summary>
    public required string Content { get; set; }

    /// <summary>The row version the planner started from; applying the draft conflicts if the block changed since.</summary>
    public uint BaseVersion { get; set; }
    public DateTimeOffset SavedAt { get; set; }
}

/// <summary>The anchors of the editor's blocks: comments point at them, drafts and diffs are keyed by them.</summary>
public static class MasterplanBlocks
{
    public const string Analysis = "analysis";
    public const string Vision = "vision";
    public const string Strategy = "strategy";
    public const string Programmes = "programmes";
    public const string Roadmap = "roadmap";
    public const string QuickWins = "quickwins";
    public const string Commitment = "commitment";

    /// <summary>The seven blocks in the editor's (and the document's) order.</summary>
    public static readonly IReadOnlyList<string> All = [Analysis, Vision, Strategy, Programmes, Roadmap, QuickWins, Commitment];

    /// <summary>The position of a block in <see cref="All"/>, or −1.</summary>
    public static int IndexOf(string block)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (All[i] == block)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The text block of one dimension's strategy, e.g. <c>strategy:GOV</c>.</summary>
    public static string StrategyOf(string dimensionCode) => $"{Strategy}:{dimensionCode}";

    /// <summary>The anchor of one programme, e.g. <c>programme:12</c>.</summary>
    public static string ProgrammeOf(int programmeId) => $"programme:{programmeId}";

    /// <summary>True for a block key, a dimension strategy or a programme anchor.</summary>
    public static bool IsAnchor(string? anchor) =>
        anchor is not null
        && (All.Contains(anchor)
            || (anchor.StartsWith(Strategy + ":", StringComparison.Ordinal) && DimensionCodesContain(anchor[(Strategy.Length + 1)..]))
            || (anchor.StartsWith("programme:", StringComparison.Ordinal) && int.TryParse(anchor["programme:".Length..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0));

    /// <summary>The block an anchor belongs to (a strategy anchor to <see cref="Strategy"/>, a programme to <see cref="Programmes"/>).</summary>
    public static string BlockOf(string anchor) =>
        anchor.StartsWith("programme:", StringComparison.Ordinal) ? Programmes
        : anchor.StartsWith(Strategy, StringComparison.Ordinal) ? Strategy
        : anchor;

    private static bool DimensionCodesContain(string code) => Dimensions.DimensionCodes.All.Contains(code);
}

/// <summary>
/// The year spans of the roadmap's horizons, from the settings: short = the first <c>shortYears</c> years of the period,
/// medium = up to year <c>mediumYears</c>, long = the rest.
/// </summary>
public sealed record HorizonSpans(int StartYear, int EndYear, int ShortYears, int MediumYears)
{
    public (int From, int To) Of(Horizon horizon) => horizon switch
    {
        Horizon.ShortTerm => (StartYear, Math.Min(EndYear, StartYear + ShortYears - 1)),
        Horizon.MediumTerm => (StartYear + ShortYears, Math.Min(EndYear, StartYear + MediumYears - 1)),
        _ => (StartYear + MediumYears, EndYear),
    };

    /// <summary>The horizon a programme starting in <paramref name="startYear"/> belongs to.</summary>
    public Horizon HorizonOf(int startYear) =>
        startYear < StartYear + ShortYears ? Horizon.ShortTerm
        : startYear < StartYear + MediumYears ? Horizon.MediumTerm
        : Horizon.LongTerm;
}
