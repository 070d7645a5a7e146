using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SmartCity.Domain.Assessments;
using SmartCity.Domain.Common;
using SmartCity.Domain.Notifications;
using SmartCity.Web.Common;
using SmartCity.Web.Data;

namespace SmartCity.Web.Features.Notifications;

/// <summary>What one run of the due job did for one kind of period in one time zone.</summary>
public sealed record DueRun(string Job, string Period, bool Claimed, int Created);

/// <summary>
/// The scheduled notifications (run by <see cref="NotificationJobHost"/>, or directly by tests).
/// <para>
/// Report due: when a reporting period has ended in a regency's time zone, the Diskominfo users of each regency of that kind of
/// period and zone are told, per active quick win, that its report for the period is due (none submitted or verified yet;
/// it becomes overdue once the grace days have passed). Each (kind, zone, period) is claimed once by inserting a <see cref="JobRun"/>:
/// its primary key lets one app instance win; the others insert nothing and skip. Claim and notifications share a transaction, so
/// a failed run leaves the period unclaimed for the next one.
/// </para>
/// <para>
/// Round states: a round's state follows its dates (<see cref="RoundCalendar"/>); when a date moves an open round into a new state,
/// the participants' regency users and the assigned assessors are told once (the notification's key is the round and state).
/// </para>
/// </summary>
public sealed class NotificationJobService(IDbContextFactory<SmartCityDbContext> dbFactory, ProgrammeClock clock, ILogger<NotificationJobService> logger)
{
    public const string ReportDueJob = "report-due";

    /// <summary>Runs both parts; returns the due runs (for logs and tests).</summary>
    public async Task<IReadOnlyList<DueRun>> RunAsync(CancellationToken ct = default)
    {
        var runs = await RunDueAsync(ct);
        await RunRoundStatesAsync(ct);
        return runs;
    }

    /// <summary>The report-due notifications of the periods that have ended, once per (kind of period, time zone, period).</summary>
    public async Task<IReadOnlyList<DueRun>> RunDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var combos = await db.Regencies.AsNoTracking().Where(r => r.IsActive)
            .Select(r => new { r.ReportingPeriod, r.TimeZone }).Distinct()
            .ToListAsync(ct);
        var runs = new List<DueRun>();
        foreach (var combo in combos.OrderBy(c => c.ReportingPeriod).ThenBy(c => c.TimeZone))
        {
            // The period that ended last in this zone: its report is due now (overdue once the grace days have passed).
            var period = ReportingPeriod.Containing(now.DateIn(combo.TimeZone), combo.ReportingPeriod).Previous;
            runs.Add(await RunDuePeriodAsync(db, combo.ReportingPeriod, combo.TimeZone, period, now, ct));
        }

        return runs;
    }

    /// <summary>Tells the users of running rounds that a date moved the round into a new state (once per round and state).</summary>
    public async Task<int> RunRoundStatesAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var today = now.DateIn(IndonesianTimeZone.Wib);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rounds = await db.AssessmentRounds.AsNoTracking()
            .Where(r => r.State != RoundState.Draft && r.State != RoundState.Finalised)
            .Select(r => new { r.Id, r.Name, r.State, r.SelfAssessmentOpensOn, r.ScoringOpensOn, r.ReconciliationOpensOn })
            .ToListAsync(ct);
        var created = 0;
        foreach (var round in rounds)
        {
            var state = RoundCalendar.StateOn(round.State, round.SelfAssessmentOpensOn, round.ScoringOpensOn, round.ReconciliationOpensOn, today);
            created += await NotifyRoundStateAsync(db, round.Id, round.Name, state, now, ct);
        }

        return created;
    }

    /// <summary>Notifies the participants' regency users and the assigned assessors of a round's state (idempotent per round and state).</summary>
    public static Task<int> NotifyRoundStateAsync(SmartCityDbContext db, int roundId, string roundName, RoundState state, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var participants = db.RoundParticipants.Where(p => p.RoundId == roundId).Select(p => p.RegencyId);
        var recipients = Notifier.RegencyUsers(db, participants)
            .Concat(db.AssessorAssignments.Where(a => a.RoundId == roundId).Select(a => a.AssessorId));
        return Notifier.NotifyAsync(
            db, recipients, NotificationKind.RoundState, roundName, state.ToString(), $"/assessments/{roundId.ToString(CultureInfo.InvariantCulture)}", null,
            $"round:{roundId.ToString(CultureInfo.InvariantCulture)}:{state}", now, ct);
    }

    private async Task<DueRun> RunDuePeriodAsync(
        SmartCityDbContext db, ReportingPeriodKind kind, IndonesianTimeZone zone, ReportingPeriod period, DateTimeOffset now, CancellationToken ct)
    {
        var job = $"{ReportDueJob}-{zone}-{kind}".ToLowerInvariant();
        var name = period.ToString();
        var instance = $"{Environment.MachineName}:{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}";
        var run = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // The claim: a second instance waits here for the first one's transaction, then inserts nothing.
            var claimed = await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO "JobRuns" ("Job", "Period", "StartedAt", "Instance", "Created") VALUES ({job}, {name}, {now}, {instance}, 0)
                ON CONFLICT ("Job", "Period") DO NOTHING
                """,
                ct);
            if (claimed == 0)
            {
                await transaction.RollbackAsync(ct);
                return new DueRun(job, name, false, 0);
            }

            var periodEnd = period.LastDay;
            var created = await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO "Notifications" ("UserId", "Kind", "Subject", "Detail", "Url", "RegencyId", "DedupKey", "CreatedAt")
                SELECT u."Id", {NotificationKind.ReportDue.ToString()}, left(q."Name", 300), {name},
                       '/quick-wins/' || q."Id", q."RegencyId", 'report-due:' || q."Id" || ':' || {name}, {now}
                FROM "Regencies" r
                JOIN "QuickWins" q ON q."RegencyId" = r."Id"
                JOIN "AspNetUsers" u ON u."RegencyId" = r."Id" AND NOT u."IsDisabled"
                WHERE r."IsActive" AND r."ReportingPeriod" = {kind.ToString()} AND r."TimeZone" = {zone.ToString()}
                  AND NOT q."IsArchived" AND q."Status" IN ('Planned', 'Running') AND q."StartDate" <= {periodEnd}
                  AND EXISTS (SELECT 1 FROM "AspNetUserRoles" ur JOIN "AspNetRoles" ro ON ro."Id" = ur."RoleId"
                              WHERE ur."UserId" = u."Id" AND ro."Name" = {Roles.DiskominfoStaff})
                  AND NOT EXISTS (SELECT 1 FROM "ProgressReports" rep
                                  WHERE rep."QuickWinId" = q."Id" AND rep."Period" = {name} AND rep."State" IN ('Submitted', 'Verified'))
                ON CONFLICT ("UserId", "DedupKey") DO NOTHING
                """,
                ct);
            await db.Database.ExecuteSqlAsync(
                $"""UPDATE "JobRuns" SET "FinishedAt" = {clock.GetUtcNow()}, "Created" = {created} WHERE "Job" = {job} AND "Period" = {name}""", ct);
            await transaction.CommitAsync(ct);
            return new DueRun(job, name, true, created);
        });
        if (run.Claimed)
        {
            logger.LogInformation("Report-due notifications for {Period} ({Job}): {Created} created", run.Period, run.Job, run.Created);
        }

        return run;
    }
}
