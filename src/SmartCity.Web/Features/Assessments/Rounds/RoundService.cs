using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmartCity.Domain.Assessments;
using SmartCity.Domain.Common;
using SmartCity.Web.Common;
using SmartCity.Web.Components.Shared;
using SmartCity.Web.Data;
using SmartCity.Web.Features.Accounts;
using SmartCity.Web.Features.Notifications;
using SmartCity.Web.Resources;

namespace SmartCity.Web.Features.Assessments;

/// <summary>
/// The admin prepares a round (frame, its own instrument copy, participants) and opens it. National roles read every round,
/// regency users the rounds their regency takes part in. The state shown is always <see cref="RoundCalendar.StateOn(AssessmentRound, DateOnly)"/>.
/// </summary>
public sealed class RoundService(
    IDbContextFactory<SmartCityDbContext> dbFactory, RegencyAccess access, IValidator<RoundInput> validator,
    IStringLocalizer<SharedResource> l, ProgrammeClock clock)
{
    /// <summary>The least number of assessors per participating regency before a round may open.</summary>
    public const int MinAssessors = 2;

    private DateOnly TodayWib => clock.GetUtcNow().DateIn(IndonesianTimeZone.Wib);

    public async Task<IReadOnlyList<RoundRow>> ListAsync(CancellationToken ct = default)
    {
        access.EnsureSignedIn("assessment rounds");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rounds = db.AssessmentRounds.AsNoTracking();
        if (!access.IsNational)
        {
            var own = access.OwnRegencyId ?? -1;
            rounds = rounds.Where(r => r.Participants.Any(p => p.RegencyId == own));
        }

        var rows = await rounds
            .OrderByDescending(r => r.Year).ThenBy(r => r.Name)
            .Select(r => new
            {
                r.Id,
                r.Name,
                r.Kind,
                r.Year,
                r.State,
                r.SelfAssessmentOpensOn,
                r.ScoringOpensOn,
                r.ReconciliationOpensOn,
                r.IsDemo,
                Participants = r.Participants.Count,
            })
            .ToListAsync(ct);
        var today = TodayWib;
        return rows.Select(r => new RoundRow(
                r.Id, r.Name, r.Kind, r.Year, RoundCalendar.StateOn(r.State, r.SelfAssessmentOpensOn, r.ScoringOpensOn, r.ReconciliationOpensOn, today),
                r.Participants, r.IsDemo))
            .ToList();
    }

    /// <summary>The round with its instrument, participants and assignments; null when it does not exist.</summary>
    public async Task<RoundDetail?> GetAsync(int id, CancellationToken ct = default)
    {
        access.EnsureSignedIn($"assessment round {id}");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await db.AssessmentRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (round is null)
        {
            return null;
        }

        if (!access.IsNational)
        {
            var own = access.OwnRegencyId ?? -1;
            access.EnsureAllowed(await db.RoundParticipants.AnyAsync(p => p.RoundId == id && p.RegencyId == own, ct), "read", $"assessment round {id}");
        }

        var instrument = await InstrumentService.LoadAsync(db, round.InstrumentId, ct);
        var participants = await db.RoundParticipants.AsNoTracking()
            .Where(p => p.RoundId == id)
            .Join(db.Regencies, p => p.RegencyId, r => r.Id, (p, r) => new { r.Id, r.Code, r.Name, Province = r.Province!.Name })
            .OrderBy(p => p.Code)
            .ToListAsync(ct);
        var assignments = await db.AssessorAssignments.AsNoTracking()
            .Where(a => a.RoundId == id)
            .Join(db.Users, a => a.AssessorId, u => u.Id, (a, u) => new
            {
                a.Id,
                a.RegencyId,
                a.AssessorId,
                u.FullName,
                u.UserName,
                HasStarted = a.SubmittedAt != null || db.AssessorScores.Any(s => s.RoundId == id && s.RegencyId == a.RegencyId && s.AssessorId == a.AssessorId),
                HasConflict = db.ConflictsOfInterest.Any(c => c.AssessorId == a.AssessorId && c.RegencyId == a.RegencyId),
            })
            .ToListAsync(ct);
        var byRegency = assignments.ToLookup(a => a.RegencyId);
        var rows = participants.Select(p => new ParticipantRow(
                p.Id, p.Code, p.Name, p.Province,
                byRegency[p.Id].OrderBy(a => a.FullName)
                    .Select(a => new AssignedAssessor(a.Id, a.AssessorId, string.IsNullOrEmpty(a.FullName) ? a.UserName ?? a.AssessorId : a.FullName, a.HasStarted, a.HasConflict))
                    .ToList()))
            .ToList();
        var draft = round.State == RoundState.Draft;
        return new RoundDetail(
            round.Id, round.Name, round.Kind, round.Year, round.State, RoundCalendar.StateOn(round, TodayWib),
            round.SelfAssessmentOpensOn, round.ScoringOpensOn, round.ReconciliationOpensOn, round.FinalisesOn, round.IsDemo, round.Version,
            instrument, rows, CanEdit: access.IsAdmin && draft, CanOpen: access.IsAdmin && draft);
    }

    /// <summary>Creates a draft round with its own copy of <see cref="RoundInput.TemplateId"/> (criteria and bands copied).</summary>
    public async Task<SaveResult> CreateAsync(RoundInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        access.EnsureAdmin("assessment rounds");
        var validation = await validator.ValidateAsync(input, ct);
        if (!validation.IsValid)
        {
            return SaveResult.Invalid(validation);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (input.TemplateId is not { } templateId)
        {
            return SaveResult.Invalid(nameof(RoundInput.TemplateId), l["Validation.Choose"]);
        }

        var template = await db.Instruments.AsNoTracking().Include(i => i.Criteria).Include(i => i.Bands).AsSplitQuery()
            .SingleOrDefaultAsync(i => i.Id == templateId && i.IsTemplate, ct);
        if (template is null)
        {
            return SaveResult.Invalid(nameof(RoundInput.TemplateId), l["Round.TemplateMissing"]);
        }

        var round = new AssessmentRound
        {
            Name = input.Name.Trim(),
            Kind = input.Kind,
            Year = input.Year,
            State = RoundState.Draft,
            Instrument = InstrumentService.CopyOf(template),
        };
        Apply(round, input);
        db.AssessmentRounds.Add(round);
        await db.SaveChangesAsync(ct);
        return SaveResult.Saved(round.Id, round.Version);
    }

    /// <summary>Edits the frame of a draft round; a concurrent save yields a conflict with the differing fields.</summary>
    public async Task<SaveResult> UpdateAsync(int id, RoundInput input, bool overwrite = false, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        access.EnsureAdmin($"assessment round {id}");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await db.AssessmentRounds.SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new KeyNotFoundException($"Round {id}");
        if (round.State != RoundState.Draft)
        {
            return SaveResult.Invalid(nameof(RoundInput.Name), l["Round.NotDraft"]);
        }

        var validation = await validator.ValidateAsync(input, ct);
        if (!validation.IsValid)
        {
            return SaveResult.Invalid(validation);
        }

        if (!overwrite && round.Version != input.Version)
        {
            return SaveResult.Conflicted(await ConflictAsync(db, round, input, ct));
        }

        db.Entry(round).Property(r => r.Version).OriginalValue = overwrite ? round.Version : input.Version;
        round.Name = input.Name.Trim();
        round.Kind = input.Kind;
        round.Year = input.Year;
        Apply(round, input);
        return await db.SaveOrConflictAsync(
                dbFactory, async fresh => await ConflictAsync(fresh, await fresh.AssessmentRounds.AsNoTracking().SingleAsync(r => r.Id == id, ct), input, ct), ct)
            ?? SaveResult.Saved(round.Id, round.Version);
    }

    /// <summary>Adds the active regencies picked by cohort year, province code or a list of codes (draft rounds only).</summary>
    public async Task<ParticipantsAdded> AddParticipantsAsync(int roundId, ParticipantSelection selection, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(selection);
        access.EnsureAdmin($"participants of assessment round {roundId}");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await EnsureDraftAsync(db, roundId, ct);
        var regencies = db.Regencies.AsNoTracking().Where(r => r.IsActive);
        var codes = (selection.RegencyCodes ?? []).Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (selection.CohortYear is { } cohort)
        {
            regencies = regencies.Where(r => r.CohortYear == cohort);
        }
        else if (!string.IsNullOrWhiteSpace(selection.ProvinceCode))
        {
            var province = selection.ProvinceCode.Trim();
            regencies = regencies.Where(r => r.Province!.Code == province);
        }
        else
        {
            regencies = regencies.Where(r => codes.Contains(r.Code));
        }

        var found = await regencies.Select(r => new { r.Id, r.Code }).ToListAsync(ct);
        var present = await db.RoundParticipants.Where(p => p.RoundId == roundId).Select(p => p.RegencyId).ToListAsync(ct);
        var fresh = found.Where(r => !present.Contains(r.Id)).ToList();
        db.RoundParticipants.AddRange(fresh.Select(r => new RoundParticipant { RoundId = roundId, RegencyId = r.Id }));
        await db.SaveChangesAsync(ct);
        var unknown = selection.CohortYear is null && string.IsNullOrWhiteSpace(selection.ProvinceCode)
            ? codes.Except(found.Select(f => f.Code), StringComparer.Ordinal).ToList()
            : [];
        return new ParticipantsAdded(fresh.Count, found.Count - fresh.Count, unknown);
    }

    /// <summary>Removes a participant (and its assignments) from a draft round.</summary>
    public async Task<SaveResult> RemoveParticipantAsync(int roundId, int regencyId, CancellationToken ct = default)
    {
        access.EnsureAdmin($"participants of assessment round {roundId}");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.AssessmentRounds.AsNoTracking().Where(r => r.Id == roundId).Select(r => (RoundState?)r.State).SingleOrDefaultAsync(ct) is not { } state)
        {
            throw new KeyNotFoundException($"Round {roundId}");
        }

        if (state != RoundState.Draft)
        {
            return SaveResult.Invalid("Participants", l["Round.NotDraft"]);
        }

        var participant = await db.RoundParticipants.SingleOrDefaultAsync(p => p.RoundId == roundId && p.RegencyId == regencyId, ct);
        if (participant is null)
        {
            return SaveResult.Invalid("Participants", l["Round.NotParticipant"]);
        }

        db.AssessorAssignments.RemoveRange(await db.AssessorAssignments.Where(a => a.RoundId == roundId && a.RegencyId == regencyId).ToListAsync(ct));
        db.RoundParticipants.Remove(participant);
        await db.SaveChangesAsync(ct);
        return SaveResult.Saved(participant.Id, 0);
    }

    /// <summary>What keeps a draft round from opening (empty when it may open).</summary>
    public async Task<IReadOnlyList<string>> MissingForOpenAsync(int roundId, CancellationToken ct = default)
    {
        access.EnsureAdmin($"assessment round {roundId}");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await db.AssessmentRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId, ct) ?? throw new KeyNotFoundException($"Round {roundId}");
        return await MissingAsync(db, round, ct);
    }

    /// <summary>Opens a draft round (stored state SelfAssessment; its dates decide from then on) or says what is missing.</summary>
    public async Task<SaveResult> OpenAsync(int roundId, CancellationToken ct = default)
    {
        access.EnsureAdmin($"assessment round {roundId}");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await db.AssessmentRounds.SingleOrDefaultAsync(r => r.Id == roundId, ct) ?? throw new KeyNotFoundException($"Round {roundId}");
        if (round.State != RoundState.Draft)
        {
            return SaveResult.Invalid("Open", l["Round.NotDraft"]);
        }

        var missing = await MissingAsync(db, round, ct);
        if (missing.Count > 0)
        {
            return new SaveResult(null, 0, new Dictionary<string, string[]> { ["Open"] = [.. missing] }, null);
        }

        round.State = RoundState.SelfAssessment;
        // Told as opened for self-assessment (or the later state its dates already give); the notification job tells later states.
        var told = RoundCalendar.StateOn(round, TodayWib) is var byDates && byDates != RoundState.Draft ? byDates : RoundState.SelfAssessment;
        await db.SaveChangesAndNotifyAsync(c => NotificationJobService.NotifyRoundStateAsync(db, round.Id, round.Name, told, clock.GetUtcNow(), c), ct);
        return SaveResult.Saved(round.Id, round.Version);
    }

    private async Task<List<string>> MissingAsync(SmartCityDbContext db, AssessmentRound round, CancellationToken ct)
    {
        var missing = new List<string>();
        if (!RoundCalendar.DatesInOrder(round.SelfAssessmentOpensOn, round.ScoringOpensOn, round.ReconciliationOpensOn, round.FinalisesOn))
        {
            missing.Add(l["Round.DatesOutOfOrder"]);
        }

        var instrument = await InstrumentService.LoadAsync(db, round.InstrumentId, ct);
        missing.AddRange(InstrumentService.Problems(instrument, l));
        var participants = await db.RoundParticipants.AsNoTracking().Where(p => p.RoundId == round.Id)
            .Join(db.Regencies, p => p.RegencyId, r => r.Id, (p, r) => new
            {
                r.Code,
                r.Name,
                Assessors = db.AssessorAssignments.Count(a => a.RoundId == round.Id && a.RegencyId == p.RegencyId),
            })
            .OrderBy(p => p.Code)
            .ToListAsync(ct);
        if (participants.Count == 0)
        {
            missing.Add(l["Round.NoParticipants"]);
        }

        var understaffed = participants.Where(p => p.Assessors < MinAssessors).ToList();
        if (understaffed.Count > 0)
        {
            var names = string.Join(", ", understaffed.Take(10).Select(p => $"{p.Name} ({p.Assessors})")) + (understaffed.Count > 10 ? ", …" : "");
            missing.Add(string.Format(CultureInfo.CurrentCulture, l["Round.TooFewAssessors"], MinAssessors, understaffed.Count, names));
        }

        return missing;
    }

    private static void Apply(AssessmentRound round, RoundInput input)
    {
        round.SelfAssessmentOpensOn = RoundInput.Day(input.SelfAssessmentOpensOn);
        round.ScoringOpensOn = RoundInput.Day(input.ScoringOpensOn);
        round.ReconciliationOpensOn = RoundInput.Day(input.ReconciliationOpensOn);
        round.FinalisesOn = RoundInput.Day(input.FinalisesOn);
    }

    private async Task EnsureDraftAsync(SmartCityDbContext db, int roundId, CancellationToken ct)
    {
        var state = await db.AssessmentRounds.AsNoTracking().Where(r => r.Id == roundId).Select(r => (RoundState?)r.State).SingleOrDefaultAsync(ct)
            ?? throw new KeyNotFoundException($"Round {roundId}");
        access.EnsureAllowed(state == RoundState.Draft, "change the participants of", $"non-draft assessment round {roundId}");
    }

    private async Task<ConcurrencyConflict> ConflictAsync(SmartCityDbContext db, AssessmentRound saved, RoundInput yours, CancellationToken ct)
    {
        var (changedBy, changedAt) = await db.LastChangeAsync(nameof(AssessmentRound), saved.Id.ToString(CultureInfo.InvariantCulture), ct);
        var differences = new Differences()
            .Add(l["Round.Name"], yours.Name, saved.Name)
            .Add(l["Round.Kind"], l.Enum(yours.Kind), l.Enum(saved.Kind))
            .Add(l["Round.Year"], yours.Year.ToString(CultureInfo.InvariantCulture), saved.Year.ToString(CultureInfo.InvariantCulture))
            .Add(l["Round.SelfAssessmentOpensOn"], Format.Date(RoundInput.Day(yours.SelfAssessmentOpensOn)), Format.Date(saved.SelfAssessmentOpensOn))
            .Add(l["Round.ScoringOpensOn"], Format.Date(RoundInput.Day(yours.ScoringOpensOn)), Format.Date(saved.ScoringOpensOn))
            .Add(l["Round.ReconciliationOpensOn"], Format.Date(RoundInput.Day(yours.ReconciliationOpensOn)), Format.Date(saved.ReconciliationOpensOn))
            .Add(l["Round.FinalisesOn"], Format.Date(RoundInput.Day(yours.FinalisesOn)), Format.Date(saved.FinalisesOn));
        return new ConcurrencyConflict(differences.Items, changedBy, changedAt, saved.Version);
    }
}
