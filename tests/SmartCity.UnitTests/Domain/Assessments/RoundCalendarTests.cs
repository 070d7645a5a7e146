using SmartCity.Domain.Assessments;

namespace SmartCity.UnitTests.Domain.Assessments;

public sealed class RoundCalendarTests
{
    private static AssessmentRound Round(RoundState stored) => new()
    {
        Name = "Evaluasi 2026",
        State = stored,
        SelfAssessmentOpensOn = new DateOnly(2026, 3, 1),
        ScoringOpensOn = new DateOnly(2026, 4, 1),
        ReconciliationOpensOn = new DateOnly(2026, 5, 1),
        FinalisesOn = new DateOnly(2026, 5, 31),
    };

    [Theory]
    [InlineData("2026-02-28", RoundState.Draft)]
    [InlineData("2026-03-01", RoundState.SelfAssessment)]
    [InlineData("2026-03-31", RoundState.SelfAssessment)]
    [InlineData("2026-04-01", RoundState.Scoring)]
    [InlineData("2026-04-30", RoundState.Scoring)]
    [InlineData("2026-05-01", RoundState.Reconciliation)]
    [InlineData("2026-12-31", RoundState.Reconciliation)]
    public void An_opened_round_follows_its_dates(string today, RoundState expected) =>
        Assert.Equal(expected, RoundCalendar.StateOn(Round(RoundState.SelfAssessment), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_draft_stays_draft_and_a_finalised_round_stays_finalised_whatever_the_date()
    {
        Assert.Equal(RoundState.Draft, RoundCalendar.StateOn(Round(RoundState.Draft), new DateOnly(2026, 4, 15)));
        Assert.Equal(RoundState.Finalised, RoundCalendar.StateOn(Round(RoundState.Finalised), new DateOnly(2026, 4, 15)));
    }

    [Fact]
    public void Dates_must_be_complete_and_in_order()
    {
        var d = new DateOnly(2026, 3, 1);
        Assert.True(RoundCalendar.DatesInOrder(d, d, d, d));
        Assert.True(RoundCalendar.DatesInOrder(d, d.AddDays(1), d.AddDays(2), d.AddDays(3)));
        Assert.False(RoundCalendar.DatesInOrder(d, d.AddDays(-1), d.AddDays(2), d.AddDays(3)));
        Assert.False(RoundCalendar.DatesInOrder(d, d, d.AddDays(2), d.AddDays(1)));
        Assert.False(RoundCalendar.DatesInOrder(d, null, d, d));
    }
}
