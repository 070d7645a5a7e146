using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmartCity.Domain.Assessments;
using SmartCity.Domain.Common;
using SmartCity.Domain.Notifications;
using SmartCity.Web.Common;
using SmartCity.Web.Data;
using SmartCity.Web.Features.Accounts;
using SmartCity.Web.Features.Notifications;
using SmartCity.Web.Resources;

namespace SmartCity.Web.Features.Assessments;

/// <summary>
/// The admin finalises a round in reconciliation: every participant's index, band, ranks, change and letter number are stored,
/// then the round's stored state becomes Finalised. From then on the database refuses any change to its scores and results.
/// </summary>
public sealed class FinaliseService(
    IDbContextFactory<SmartCityDbContext> dbFactory, RegencyAccess access, ProgrammeClock clock, IStringLocalizer<SharedResource> l)
{
    /// <summary>The placeholder the letter-number format must contain.</summary>
    public const string SequencePlaceholder = "{seq}";

    public async Task<SaveResult> FinaliseAsync(int roundId, CancellationToken ct = default)
    {
        access.EnsureAdmin($"finalise assessment round {roundId}");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var round = await db.AssessmentRounds.AsNoTracking().Where(r => r.Id == roundId)
            .Select(r => new { r.State, r.SelfAssessmentOpensOn, r.ScoringOpensOn, r.ReconciliationOpensOn }).SingleOrDefaultAsync(ct);
        if (round is null)
        {
            return SaveResult.Invalid("Round", l["Results.UnknownRound"]);
        }

        if (round.State == RoundState.Finalised)
        {
            return SaveResult.Invalid("Round", l["Results.Finalised"]);
        }

        var state = RoundCalendar.StateOn(round.State, round.SelfAssessmentOpensOn, round.ScoringOpensOn, round.ReconciliationOpensOn, now.DateIn(IndonesianTimeZone.Wib));
        if (state != RoundState.Reconciliation)
        {
            return SaveResult.Invalid("Round", string.Format(CultureInfo.CurrentCulture, l["Results.FinaliseNeedsReconciliation"], l[$"Enum.RoundState.{state}"]));
        }

        try
        {
            var error = await FinaliseCoreAsync(db, roundId, now, ct);
            return error is null ? SaveResult.Saved(roundId, 0) : SaveResult.Invalid("Round", error.Value.Argument is { } a
                ? string.Format(CultureInfo.CurrentCulture, l[error.Value.Key], a)
                : l[error.Value.Key]);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Invalid("Round", l["Results.FinaliseConflict"]);
        }
    }

    /// <summary>
    /// Computes and stores the results and marks the round finalised, in one transaction (participants first: the database
    /// refuses result changes once the round is finalised). Returns a resource key (with an argument) when refused.
    /// </summary>
    internal static async Task<(string Key, object? Argument)?> FinaliseCoreAsync(SmartCityDbContext db, int roundId, DateTimeOffset now, CancellationToken ct)
    {
        var today = now.DateIn(IndonesianTimeZone.Wib);
        var loaded = await ResultsComputation.LoadAsync(db, roundId, today, ct);
        if (loaded is null)
        {
            return ("Results.UnknownRound", null);
        }

        if (loaded.StoredState == RoundState.Finalised)
        {
            return ("Results.Finalised", null);
        }

        if (loaded.Participants.Count == 0)
        {
            return ("Results.NoParticipants", null);
        }

        var incomplete = loaded.Participants.Count(p => p.Index is null);
        if (incomplete > 0)
        {
            return ("Results.Incomplete", incomplete);
        }

        var format = await db.Settings.Where(s => s.Key == SettingKeys.LetterNumberFormat).Select(s => s.Value).SingleOrDefaultAsync(ct);
        if (format is null || !format.Contains(SequencePlaceholder, StringComparison.Ordinal))
        {
            return ("Results.LetterFormatInvalid", SequencePlaceholder);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var round = await db.AssessmentRounds.SingleAsync(r => r.Id == roundId, ct);
            var participants = await db.RoundParticipants.Where(p => p.RoundId == roundId).ToDictionaryAsync(p => p.RegencyId, ct);
            var sequence = await db.RoundParticipants.CountAsync(p => p.LetterDate != null && p.LetterDate.Value.Year == today.Year, ct);
            foreach (var result in loaded.Participants.OrderBy(p => p.NationalRank).ThenBy(p => p.RegencyCode, StringComparer.Ordinal))
            {
                var participant = participants[result.RegencyId];
                participant.Index = result.Index;
                participant.Band = result.Band;
                participant.NationalRank = result.NationalRank;
                participant.ProvincialRank = result.ProvincialRank;
                participant.Change = result.Change;
                participant.LetterNumber = LetterNumber(format, ++sequence, today.Year, result.RegencyCode);
                participant.LetterDate = today;
            }

            await db.SaveChangesAsync(ct);
            round.State = RoundState.Finalised;
            round.FinalisedAt = now;
            await db.SaveChangesAsync(ct);
            await Notifier.NotifyAsync(
                db, Notifier.RegencyUsers(db, db.RoundParticipants.Where(p => p.RoundId == roundId).Select(p => p.RegencyId)),
                NotificationKind.ResultsPublished, round.Name, null, $"/assessments/{roundId.ToString(CultureInfo.InvariantCulture)}/results", null,
                $"results:{roundId.ToString(CultureInfo.InvariantCulture)}", now, ct);
            await transaction.CommitAsync(ct);
        });
        return null;
    }

    /// <summary>The letter number from the configured format: <c>{seq}</c> zero-padded to three digits, <c>{year}</c>, <c>{code}</c> (regency).</summary>
    public static string LetterNumber(string format, int sequence, int year, string regencyCode)
    {
        ArgumentNullException.ThrowIfNull(format);
        return format
            .Replace(SequencePlaceholder, sequence.ToString("000", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{year}", year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{code}", regencyCode, StringComparison.Ordinal);
    }
}
