namespace SmartCity.Domain.Assessments;

/// <summary>
/// When a round is in which state (DOMAIN.md: draft → self-assessment → scoring → reconciliation → finalised). The admin prepares a
/// round in <see cref="RoundState.Draft"/> and opens it (stored state no longer Draft); from then on its dates, set and judged in WIB,
/// decide the state: self-assessment from <see cref="AssessmentRound.SelfAssessmentOpensOn"/>, scoring from
/// <see cref="AssessmentRound.ScoringOpensOn"/>, reconciliation from <see cref="AssessmentRound.ReconciliationOpensOn"/> until the admin
/// finalises (stored <see cref="RoundState.Finalised"/>). An opened round before its first date is still <see cref="RoundState.Draft"/> to everyone.
/// </summary>
public static class RoundCalendar
{
    /// <summary>The state of <paramref name="round"/> on <paramref name="todayWib"/> (today's date in WIB).</summary>
    public static RoundState StateOn(AssessmentRound round, DateOnly todayWib)
    {
        ArgumentNullException.ThrowIfNull(round);
        return StateOn(round.State, round.SelfAssessmentOpensOn, round.ScoringOpensOn, round.ReconciliationOpensOn, todayWib);
    }

    /// <summary>The same rule on the stored state and the dates (for projections that do not load the entity).</summary>
    public static RoundState StateOn(RoundState stored, DateOnly? selfAssessmentOpensOn, DateOnly? scoringOpensOn, DateOnly? reconciliationOpensOn, DateOnly todayWib) =>
        stored switch
        {
            RoundState.Draft => RoundState.Draft,
            RoundState.Finalised => RoundState.Finalised,
            _ when reconciliationOpensOn is { } r && todayWib >= r => RoundState.Reconciliation,
            _ when scoringOpensOn is { } s && todayWib >= s => RoundState.Scoring,
            _ when selfAssessmentOpensOn is { } a && todayWib >= a => RoundState.SelfAssessment,
            _ => RoundState.Draft,
        };

    /// <summary>The dates are complete and in order: self-assessment ≤ scoring ≤ reconciliation ≤ finalisation.</summary>
    public static bool DatesInOrder(DateOnly? selfAssessmentOpensOn, DateOnly? scoringOpensOn, DateOnly? reconciliationOpensOn, DateOnly? finalisesOn) =>
        selfAssessmentOpensOn is { } a && scoringOpensOn is { } s && reconciliationOpensOn is { } r && finalisesOn is { } f
        && a <= s && s <= r && r <= f;
}
