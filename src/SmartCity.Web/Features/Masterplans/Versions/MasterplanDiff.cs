using System.Globalization;
using System.Text;
using DiffPlex;
using Microsoft.Extensions.Localization;
using SmartCity.Domain.Dimensions;
using SmartCity.Domain.Masterplans;
using SmartCity.Web.Components.Shared;

namespace SmartCity.Web.Features.Masterplans.Versions;

public enum DiffKind
{
    Unchanged,
    Inserted,
    Deleted,
}

/// <summary>A run of words that is in both texts, only in the newer one, or only in the older one.</summary>
public sealed record DiffPiece(DiffKind Kind, string Text);

public enum SectionChange
{
    Unchanged,
    Changed,

    /// <summary>Only in the newer plan (a programme, goal or strategy that was added).</summary>
    Added,

    /// <summary>Only in the older plan.</summary>
    Removed,
}

/// <summary>
/// One comparable part of a block (the vision, one programme, the readiness grid, ...): its text in both plans as word pieces.
/// The title is a resource key (localised by the page) and, for programmes and goals, the plan's own name of the item.
/// </summary>
public sealed record SectionDiff(string Key, string TitleKey, string? Subject, SectionChange Change, IReadOnlyList<DiffPiece> Pieces)
{
    public bool IsChanged => Change != SectionChange.Unchanged;

    /// <summary>"Visi", "Program: Singmantap", "Tata Kelola Pemerintahan Cerdas".</summary>
    public string Title(IStringLocalizer l) => Subject is null ? l[TitleKey] : $"{l[TitleKey]}: {Subject}";
}

/// <summary>One block of the masterplan (or the <see cref="MasterplanDiff.Frame"/>: title, period, RPJMD) with its sections.</summary>
public sealed record BlockDiff(string Block, IReadOnlyList<SectionDiff> Sections)
{
    /// <summary>Resource key of the block's title: <c>Masterplan.Block.{block}</c>.</summary>
    public string TitleKey => $"Masterplan.Block.{Block}";

    public int ChangedSections => Sections.Count(s => s.IsChanged);
}

/// <summary>
/// Compares two masterplans block by block (the frame first, then <see cref="MasterplanBlocks.All"/> in order). Each section is
/// rendered as text (labels from the given localizer, numbers and money in the current culture) and compared word by word
/// with DiffPlex. Programmes and goals are matched by id, strategies and the roadmap by dimension. Pure: no I/O.
/// </summary>
public static class MasterplanDiff
{
    /// <summary>The block before the seven content blocks: title, period and RPJMD.</summary>
    public const string Frame = "frame";

    public static IReadOnlyList<BlockDiff> Compare(MasterplanSnapshot older, MasterplanSnapshot newer, IStringLocalizer? labels = null)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        var text = new SectionText(labels);
        return
        [
            new(Frame,
            [
                Section("title", "Masterplan.Title", null, older.Title, newer.Title),
                Section("period", "Masterplan.Period", null, Years(older.StartYear, older.EndYear), Years(newer.StartYear, newer.EndYear)),
                Section("rpjmd", "Masterplan.RpjmdTitle", null, SectionText.Rpjmd(older), SectionText.Rpjmd(newer)),
            ]),
            new(MasterplanBlocks.Analysis,
            [
                Section("readiness", "Masterplan.Readiness", null, text.Readiness(older), text.Readiness(newer)),
                Section("gap", "Masterplan.GapAnalysis", null, older.GapAnalysis, newer.GapAnalysis),
                Section("strengths", "Masterplan.Strengths", null, older.Strengths, newer.Strengths),
                Section("weaknesses", "Masterplan.Weaknesses", null, older.Weaknesses, newer.Weaknesses),
                Section("opportunities", "Masterplan.Opportunities", null, older.Opportunities, newer.Opportunities),
                Section("threats", "Masterplan.Threats", null, older.Threats, newer.Threats),
            ]),
            new(MasterplanBlocks.Vision,
            [
                Section("vision", "Masterplan.Vision", null, older.Vision, newer.Vision),
                Section("missions", "Masterplan.Missions", null, older.Missions, newer.Missions),
                .. Matched(older.Goals, newer.Goals, g => g.Id, g => g.DimensionCode,
                    (g, o, n) => (MasterplanBlocks.Vision + ":goal:" + g.Id, "Goal.Text", Shorten(g.Text), o is null ? null : text.Goal(o), n is null ? null : text.Goal(n))),
            ]),
            new(MasterplanBlocks.Strategy,
                Matched(older.Strategies, newer.Strategies, s => s.DimensionCode, s => s.DimensionCode,
                    (s, o, n) => (MasterplanBlocks.StrategyOf(s.DimensionCode), $"Dimension.{s.DimensionCode}", null, o?.Text, n?.Text))),
            new(MasterplanBlocks.Programmes,
                Matched(older.Programmes, newer.Programmes, p => p.Id, p => p.DimensionCode,
                    (p, o, n) => (MasterplanBlocks.ProgrammeOf(p.Id), "MasterplanDoc.Programme", p.Name,
                        o is null ? null : text.Programme(o, older.Goals), n is null ? null : text.Programme(n, newer.Goals)))),
            new(MasterplanBlocks.Roadmap,
            [
                .. DimensionCodes.All
                    .Select(code => (code, Old: text.Roadmap(older, code), New: text.Roadmap(newer, code)))
                    .Where(x => x.Old is not null || x.New is not null)
                    .Select(x => Section(MasterplanBlocks.Roadmap + ":" + x.code, $"Dimension.{x.code}", null, x.Old, x.New, keyed: true)),
            ]),
            new(MasterplanBlocks.QuickWins, [Section("quickwins", "Masterplan.Block.quickwins", null, SectionText.QuickWins(older), SectionText.QuickWins(newer))]),
            new(MasterplanBlocks.Commitment, [Section("signatories", "MasterplanDoc.Signatories", null, SectionText.Signatories(older), SectionText.Signatories(newer))]),
        ];
    }

    /// <summary>Compares two texts word by word; equal texts give one unchanged piece (none when both are empty).</summary>
    public static IReadOnlyList<DiffPiece> Words(string? older, string? newer)
    {
        older ??= "";
        newer ??= "";
        if (string.Equals(older, newer, StringComparison.Ordinal))
        {
            return older.Length == 0 ? [] : [new DiffPiece(DiffKind.Unchanged, older)];
        }

        var result = Differ.Instance.CreateDiffs(older, newer, ignoreWhiteSpace: false, ignoreCase: false, WordTokens.Instance);
        var pieces = new List<DiffPiece>();
        var a = 0;
        foreach (var block in result.DiffBlocks)
        {
            Add(pieces, DiffKind.Unchanged, result.PiecesOld, a, block.DeleteStartA - a);
            Add(pieces, DiffKind.Deleted, result.PiecesOld, block.DeleteStartA, block.DeleteCountA);
            Add(pieces, DiffKind.Inserted, result.PiecesNew, block.InsertStartB, block.InsertCountB);
            a = block.DeleteStartA + block.DeleteCountA;
        }

        Add(pieces, DiffKind.Unchanged, result.PiecesOld, a, result.PiecesOld.Count - a);
        return pieces;
    }

    private static void Add(List<DiffPiece> pieces, DiffKind kind, IReadOnlyList<string> tokens, int start, int count)
    {
        if (count <= 0)
        {
            return;
        }

        var text = string.Concat(tokens.Skip(start).Take(count));
        if (pieces.Count > 0 && pieces[^1].Kind == kind)
        {
            pieces[^1] = pieces[^1] with { Text = pieces[^1].Text + text };
        }
        else
        {
            pieces.Add(new DiffPiece(kind, text));
        }
    }

    private static SectionDiff Section(string key, string titleKey, string? subject, string? older, string? newer, bool keyed = false)
    {
        var change = keyed && older is null ? SectionChange.Added
            : keyed && newer is null ? SectionChange.Removed
            : string.Equals(older ?? "", newer ?? "", StringComparison.Ordinal) ? SectionChange.Unchanged
            : SectionChange.Changed;
        return new SectionDiff(key, titleKey, subject, change, Words(older, newer));
    }

    /// <summary>
    /// Items matched by key, in the official dimension order, then the newer plan's order; items only in the older plan follow
    /// the newer ones of their dimension.
    /// </summary>
    private static List<SectionDiff> Matched<T, TKey>(
        IReadOnlyList<T> older, IReadOnlyList<T> newer, Func<T, TKey> key, Func<T, string> dimension,
        Func<T, T?, T?, (string Key, string TitleKey, string? Subject, string? Old, string? New)> describe)
        where T : class
        where TKey : notnull
    {
        var olderByKey = older.GroupBy(key).ToDictionary(g => g.Key, g => g.First());
        var newerKeys = newer.Select(key).ToHashSet();
        return newer.Concat(older.Where(o => !newerKeys.Contains(key(o))))
            .OrderBy(x => DimensionIndex(dimension(x)))
            .Select(x =>
            {
                var o = olderByKey.GetValueOrDefault(key(x));
                var n = newerKeys.Contains(key(x)) ? x : null;
                var d = describe(n ?? x, o, n);
                return Section(d.Key, d.TitleKey, d.Subject, d.Old, d.New, keyed: true);
            })
            .ToList();
    }

    private static int DimensionIndex(string code)
    {
        var index = DimensionCodes.All.ToList().IndexOf(code);
        return index < 0 ? int.MaxValue : index;
    }

    private static string Years(int start, int end) => string.Create(CultureInfo.InvariantCulture, $"{start}–{end}");

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..79] + "…";

    /// <summary>Writes the parts of a plan as labelled lines.</summary>
    private sealed class SectionText(IStringLocalizer? labels)
    {
        private string L(string key) => labels?[key] is { ResourceNotFound: false } s ? s.Value : key;

        public static string Rpjmd(MasterplanSnapshot plan) => $"{plan.RpjmdTitle} ({Years(plan.RpjmdStartYear, plan.RpjmdEndYear)})";

        public string Readiness(MasterplanSnapshot plan)
        {
            var byComponent = plan.Readiness.GroupBy(r => r.Component).ToDictionary(g => g.Key, g => g.First());
            var text = new StringBuilder();
            foreach (var component in Enum.GetValues<ReadinessComponent>())
            {
                var row = byComponent.GetValueOrDefault(component);
                text.Append(L($"Enum.ReadinessComponent.{component}")).Append(": ")
                    .Append(row?.Grade is { } grade ? L($"Enum.ReadinessGrade.{grade}") : "–");
                if (!string.IsNullOrWhiteSpace(row?.Notes))
                {
                    text.Append(" — ").Append(row.Notes);
                }

                text.Append('\n');
            }

            return text.ToString();
        }

        public string Goal(GoalSnapshot goal) => Lines(
            (null, goal.Text),
            ("Goal.Dimension", L($"Dimension.{goal.DimensionCode}")),
            ("Goal.Indicator", goal.Indicator),
            ("Goal.Baseline", Format.Number(goal.Baseline)),
            ("Goal.Target", Format.Number(goal.Target)));

        public string Programme(ProgrammeSnapshot p, IReadOnlyList<GoalSnapshot> goals)
        {
            var text = new StringBuilder(Lines(
                (null, p.Name),
                ("Goal.Dimension", L($"Dimension.{p.DimensionCode}")),
                ("MasterplanDoc.Element", p.Element),
                ("MasterplanDoc.Owner", p.Owner),
                ("MasterplanDoc.Horizon", L($"Enum.Horizon.{p.Horizon}")),
                ("MasterplanDoc.Years", Years(p.StartYear, p.EndYear)),
                ("MasterplanDoc.Budget", p.BudgetEstimate is { } budget ? Format.Money(budget) : null),
                ("MasterplanDoc.BudgetSource", p.BudgetSource),
                ("MasterplanDoc.RpjmdReference", p.RpjmdReference),
                ("Goal.Text", goals.FirstOrDefault(g => g.Id == p.GoalId)?.Text)));
            foreach (var kpi in p.Kpis)
            {
                text.Append(L("MasterplanDoc.Kpi")).Append(": ").Append(Kpi(kpi)).Append('\n');
            }

            return text.ToString();
        }

        public static string Kpi(ProgrammeKpiSnapshot kpi) =>
            $"{kpi.Name}{(string.IsNullOrWhiteSpace(kpi.Unit) ? "" : $" ({kpi.Unit})")}: {Format.Number(kpi.Baseline) ?? "–"} → {Format.Number(kpi.Target) ?? "–"}";

        public string? Roadmap(MasterplanSnapshot plan, string dimensionCode)
        {
            var programmes = plan.Programmes.Where(p => p.DimensionCode == dimensionCode).ToList();
            return programmes.Count == 0
                ? null
                : string.Concat(programmes.Select(p => $"{Years(p.StartYear, p.EndYear)} · {L($"Enum.Horizon.{p.Horizon}")} · {p.Name}\n"));
        }

        public static string QuickWins(MasterplanSnapshot plan) => string.Concat(
            plan.Programmes.SelectMany(p => p.QuickWins.Select(q => $"{p.Name} → {q.Name}{(string.IsNullOrWhiteSpace(q.Acronym) ? "" : $" ({q.Acronym})")}\n")));

        public static string Signatories(MasterplanSnapshot plan) => string.Concat(
            plan.Signatories.Select(s => string.Join(" · ", new[] { s.Name, s.Position, s.Institution, s.SignedOn is { } d ? Format.Date(d) : null }
                .Where(x => !string.IsNullOrWhiteSpace(x))) + "\n"));

        private string Lines(params (string? Label, string? Value)[] lines)
        {
            var text = new StringBuilder();
            foreach (var (label, value) in lines.Where(x => !string.IsNullOrWhiteSpace(x.Value)))
            {
                if (label is not null)
                {
                    text.Append(L(label)).Append(": ");
                }

                text.Append(value).Append('\n');
            }

            return text.ToString();
        }
    }

    /// <summary>Splits text into words, runs of white space and single punctuation marks, so the pieces concatenate to the text.</summary>
    private sealed class WordTokens : IChunker
    {
        public static readonly WordTokens Instance = new();

        public IReadOnlyList<string> Chunk(string text)
        {
            var tokens = new List<string>();
            var start = 0;
            while (start < text.Length)
            {
                var kind = KindOf(text[start]);
                var end = start + 1;
                if (kind != 2)
                {
                    while (end < text.Length && KindOf(text[end]) == kind)
                    {
                        end++;
                    }
                }

                tokens.Add(text[start..end]);
                start = end;
            }

            return tokens;
        }

        /// <summary>0 = letter or digit, 1 = white space (newlines apart), 2 = anything else (one token per character).</summary>
        private static int KindOf(char c) => char.IsLetterOrDigit(c) ? 0 : c is '\n' ? 2 : char.IsWhiteSpace(c) ? 1 : 2;
    }
}
