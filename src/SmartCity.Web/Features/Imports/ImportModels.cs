namespace SmartCity.Web.Features.Imports;

/// <summary>What a bulk import file holds.</summary>
public enum ImportKind
{
    /// <summary>Quick wins of any regencies (one row each).</summary>
    QuickWins,

    /// <summary>Progress reports of existing quick wins; they arrive as submitted and follow verification.</summary>
    Reports,
}

/// <summary>A bad row: its line in the file (1 is the header, 0 the whole file), what identifies it, and why it is refused.</summary>
public sealed record ImportRowProblem(int Line, string? Row, string Reason);

/// <summary>The dry run: how many data rows the file has, how many pass every check, and every problem. Nothing was written.</summary>
public sealed record ImportCheckResult(ImportKind Kind, string FileName, int Rows, int ValidRows, IReadOnlyList<ImportRowProblem> Problems)
{
    /// <summary>The file may be committed: it has rows and none is bad.</summary>
    public bool CanCommit => Rows > 0 && Problems.Count == 0;

    /// <summary>Distinct lines with at least one problem.</summary>
    public int BadRows => Problems.Select(p => p.Line).Distinct().Count();
}

/// <summary>The commit: either every row was written (<see cref="Committed"/>) or none, with the problems that refused it.</summary>
public sealed record ImportCommitResult(ImportKind Kind, string FileName, bool Committed, int Inserted, IReadOnlyList<ImportRowProblem> Problems);

/// <summary>Rows written so far of all rows of the commit; the last report has <c>Done == Total</c>.</summary>
public sealed record ImportProgress(int Done, int Total);
