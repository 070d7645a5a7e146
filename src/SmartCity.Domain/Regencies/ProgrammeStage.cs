using SmartCity.Domain.Common;

namespace SmartCity.Domain.Regencies;

/// <summary>The programme lifecycle of a regency, in order.</summary>
public enum ProgrammeStage
{
    Selection = 1,
    Mou = 2,
    BimtekI = 3,
    BimtekII = 4,
    BimtekIII = 5,
    BimtekIV = 6,
    Presentation = 7,
    Evaluation = 8,
}

/// <summary>A dated change of a regency's programme stage, kept as history.</summary>
public class StageChange : IRegencyOwnedEntity
{
    public int Id { get; set; }
    public int RegencyId { get; set; }
    public ProgrammeStage Stage { get; set; }
    public DateOnly Date { get; set; }
    public string? Note { get; set; }
}

public static class ProgrammeStages
{
    /// <summary>The stage that follows, or null after the yearly evaluation (which repeats).</summary>
    public static ProgrammeStage? Next(this ProgrammeStage stage) => stage == ProgrammeStage.Evaluation ? null : stage + 1;

    /// <summary>
    /// A history is consistent when dates never go backwards and stages never go backwards,
    /// except that the yearly evaluation may repeat.
    /// </summary>
    public static bool IsConsistentHistory(IEnumerable<StageChange> history)
    {
        StageChange? previous = null;
        foreach (var change in history.OrderBy(h => h.Date).ThenBy(h => h.Stage))
        {
            if (previous is not null && change.Stage < previous.Stage)
            {
                return false;
            }

            previous = change;
        }

        return true;
    }
}
