using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmartCity.Domain.Assessments;
using SmartCity.Domain.Common;
using SmartCity.Domain.Notifications;
using SmartCity.Web.Common;
using SmartCity.Web.Data;
using SmartCity.Web.Features.Accounts;
using SmartCity.Web.Features.Admin.Users;
using SmartCity.Web.Features.Notifications;
using SmartCity.Web.Resources;

namespace SmartCity.Web.Features.Assessments;

/// <summary>
/// Assessor assignments (the admin; refused with a declared conflict of interest) and conflicts of interest (an assessor for themself;
/// a declaration that touches an existing assignment in a round not yet finalised is refused: the admin must unassign first).
/// </summary>
public sealed class AssignmentService(
    IDbContextFactory<SmartCityDbContext> dbFactory, RegencyAccess access, IValidator<ConflictInput> conflictValidator,
    IStringLocalizer<SharedResource> l, ProgrammeClock clock)
{
    private DateOnly TodayWib => clock.GetUtcNow().DateIn(IndonesianTimeZone.Wib);

    /// <summary>Active users holding the assessor role, for the assign dialog.</summary>
    public async Task<IReadOnlyList<AssessorOption>> ListAssessorsAsync(CancellationToken ct = default)
    {
        access.EnsureAdmin("assessors");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await AssessorsQuery(db).OrderBy(u => u.FullName).ThenBy(u => u.UserName)
            .Select(u => new AssessorOption(u.Id, u.UserName ?? u.Id, u.FullName))
            .ToListAsync(ct);
    }

    /// <summary>Assigns an assessor to a participating regency while the round has not reached reconciliation.</summary>
    public async Task<SaveResult> AssignAsync(int roundId, int regencyId, string assessorId, CancellationToken ct = default)
    {
        access.EnsureAdmin($"assessor assignments of assessment round {roundId}");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await db.AssessmentRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId, ct) ?? throw new KeyNotFoundException($"Round {roundId}");
        var state = RoundCalendar.StateOn(round, TodayWib);
        if (state is RoundState.Reconciliation or RoundState.Finalised)
        {
            return SaveResult.Invalid("Assessor", l["Assignment.RoundClosed"]);
        }

        if (!await db.RoundParticipants.AnyAsync(p => p.RoundId == roundId && p.RegencyId == regencyId, ct))
        {
            return SaveResult.Invalid("Assessor", l["Round.NotParticipant"]);
        }

        var assessor = await AssessorsQuery(db).Where(u => u.Id == assessorId).Select(u => new { u.Id, u.FullName }).SingleOrDefaultAsync(ct);
        if (assessor is null)
        {
            return SaveResult.Invalid("Assessor", l["Assignment.NotAssessor"]);
        }

        if (await db.ConflictsOfInterest.AnyAsync(c => c.AssessorId == assessorId && c.RegencyId == regencyId, ct))
        {
            var regency = await db.Regencies.Where(r => r.Id == regencyId).Select(r => r.Name).SingleAsync(ct);
            return SaveResult.Invalid("Assessor", string.Format(CultureInfo.CurrentCulture, l["Assignment.Conflict"], assessor.FullName, regency));
        }

        if (await db.AssessorAssignments.AnyAsync(a => a.RoundId == roundId && a.RegencyId == regencyId && a.AssessorId == assessorId, ct))
        {
            return SaveResult.Invalid("Assessor", l["Assignment.Duplicate"]);
        }

        var assignment = new AssessorAssignment { RoundId = roundId, RegencyId = regencyId, AssessorId = assessorId, AssignedAt = clock.GetUtcNow() };
        db.AssessorAssignments.Add(assignment);
        await db.SaveChangesAndNotifyAsync(
            async c => await Notifier.NotifyAsync(
                db, [assessorId], NotificationKind.AssignmentReceived, round.Name, await db.Regencies.Where(r => r.Id == regencyId).Select(r => r.Name).SingleAsync(c),
                "/assessments/my", regencyId, $"assignment:{assignment.Id.ToString(CultureInfo.InvariantCulture)}", assignment.AssignedAt, c),
            ct);
        return SaveResult.Saved(assignment.Id, 0);
    }

    /// <summary>Removes an assignment while the round is a draft, or before scoring starts and before the assessor scored anything.</summary>
    public async Task<SaveResult> UnassignAsync(int assignmentId, CancellationToken ct = default)
    {
        access.EnsureAdmin($"assessor assignment {assignmentId}");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var assignment = await db.AssessorAssignments.SingleOrDefaultAsync(a => a.Id == assignmentId, ct) ?? throw new KeyNotFoundException($"Assignment {assignmentId}");
        var round = await db.AssessmentRounds.AsNoTracking().SingleAsync(r => r.Id == assignment.RoundId, ct);
        var state = RoundCalendar.StateOn(round, TodayWib);
        var scored = assignment.SubmittedAt is not null || await db.AssessorScores.AnyAsync(
            s => s.RoundId == assignment.RoundId && s.RegencyId == assignment.RegencyId && s.AssessorId == assignment.AssessorId, ct);
        if (state is not (RoundState.Draft or RoundState.SelfAssessment) || scored)
        {
            return SaveResult.Invalid("Assessor", l["Assignment.ScoringStarted"]);
        }

        db.AssessorAssignments.Remove(assignment);
        await db.SaveChangesAsync(ct);
        return SaveResult.Saved(assignmentId, 0);
    }

    /// <summary>An assessor declares a conflict of interest with a regency for themself.</summary>
    public async Task<SaveResult> DeclareConflictAsync(ConflictInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        access.EnsureAllowed(access.IsAssessor && access.UserId is not null, "declare a conflict of interest", "assessment");
        var validation = await conflictValidator.ValidateAsync(input, ct);
        if (!validation.IsValid)
        {
            return SaveResult.Invalid(validation);
        }

        var me = access.UserId!;
        var regencyId = input.RegencyId!.Value;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Regencies.AnyAsync(r => r.Id == regencyId, ct))
        {
            return SaveResult.Invalid(nameof(ConflictInput.RegencyId), l["Validation.Choose"]);
        }

        if (await db.ConflictsOfInterest.AnyAsync(c => c.AssessorId == me && c.RegencyId == regencyId, ct))
        {
            return SaveResult.Invalid(nameof(ConflictInput.RegencyId), l["Assignment.ConflictExists"]);
        }

        var open = await db.AssessorAssignments.AsNoTracking()
            .Where(a => a.AssessorId == me && a.RegencyId == regencyId)
            .Join(db.AssessmentRounds.Where(r => r.State != RoundState.Finalised), a => a.RoundId, r => r.Id, (a, r) => r.Name)
            .ToListAsync(ct);
        if (open.Count > 0)
        {
            return SaveResult.Invalid(
                nameof(ConflictInput.RegencyId), string.Format(CultureInfo.CurrentCulture, l["Assignment.ConflictAssigned"], string.Join(", ", open)));
        }

        var conflict = new ConflictOfInterest { AssessorId = me, RegencyId = regencyId, Reason = input.Reason.Trim(), DeclaredAt = clock.GetUtcNow() };
        db.ConflictsOfInterest.Add(conflict);
        await db.SaveChangesAsync(ct);
        return SaveResult.Saved(conflict.Id, 0);
    }

    /// <summary>Declared conflicts: an admin sees all, an assessor their own.</summary>
    public async Task<IReadOnlyList<ConflictRow>> ListConflictsAsync(CancellationToken ct = default)
    {
        access.EnsureNational("conflicts of interest");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var conflicts = db.ConflictsOfInterest.AsNoTracking();
        if (!access.IsAdmin)
        {
            var me = access.UserId ?? "";
            conflicts = conflicts.Where(c => c.AssessorId == me);
        }

        return await conflicts
            .Join(db.Users, c => c.AssessorId, u => u.Id, (c, u) => new { c, u.FullName })
            .Join(db.Regencies, x => x.c.RegencyId, r => r.Id, (x, r) => new { x.c, x.FullName, r.Code, r.Name })
            .OrderBy(x => x.FullName).ThenBy(x => x.Code)
            .Select(x => new ConflictRow(x.c.Id, x.c.AssessorId, x.FullName, x.c.RegencyId, x.Code, x.Name, x.c.Reason, x.c.DeclaredAt))
            .ToListAsync(ct);
    }

    /// <summary>Active regencies matching a name or code, for the conflict declaration (national roles).</summary>
    public async Task<IReadOnlyList<RegencyOption>> SearchRegenciesAsync(string? search, CancellationToken ct = default)
    {
        access.EnsureNational("regencies");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var regencies = db.Regencies.AsNoTracking().Where(r => r.IsActive);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = "%" + search.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            regencies = regencies.Where(r => EF.Functions.ILike(r.Name, pattern) || EF.Functions.ILike(r.Code, pattern));
        }

        return await regencies.OrderBy(r => r.Name).Take(20).Select(r => new RegencyOption(r.Id, r.Code, r.Name)).ToListAsync(ct);
    }

    private static IQueryable<ApplicationUser> AssessorsQuery(SmartCityDbContext db) =>
        db.Users.Where(u => !u.IsDisabled && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.KominfoAssessor)));
}
