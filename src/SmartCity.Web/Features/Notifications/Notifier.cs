using Microsoft.EntityFrameworkCore;
using SmartCity.Domain.Common;
using SmartCity.Domain.Notifications;
using SmartCity.Web.Data;

namespace SmartCity.Web.Features.Notifications;

/// <summary>
/// How other services notify users: rows are inserted in the caller's DbContext and transaction (so a notification is committed
/// with its event, or not at all) and are idempotent by (user, <see cref="Notification.DedupKey"/>): the unique index turns a
/// repeated event into <c>ON CONFLICT DO NOTHING</c>, never a second row.
/// </summary>
public static class Notifier
{
    /// <summary>
    /// Notifies <paramref name="userIds"/> of one event in one SQL command. Call it inside the transaction of the event
    /// (<see cref="SaveChangesAndNotifyAsync"/>); returns the number of rows inserted (0 for users already notified of it).
    /// </summary>
    public static async Task<int> NotifyAsync(
        SmartCityDbContext db, IEnumerable<string> userIds, NotificationKind kind, string subject, string? detail, string url,
        int? regencyId, string dedupKey, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(userIds);
        var users = userIds.Where(u => !string.IsNullOrEmpty(u)).Distinct(StringComparer.Ordinal).ToArray();
        if (users.Length == 0)
        {
            return 0;
        }

        return await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "Notifications" ("UserId", "Kind", "Subject", "Detail", "Url", "RegencyId", "DedupKey", "CreatedAt")
            SELECT u, {kind.ToString()}, {Clip(subject, TextLimits.Reference)}, {ClipOrNull(detail, TextLimits.Name)}::text, {Clip(url, TextLimits.Reference)},
                   {regencyId}::integer, {Clip(dedupKey, TextLimits.Name)}, {now}
            FROM unnest({users}) AS u
            ON CONFLICT ("UserId", "DedupKey") DO NOTHING
            """,
            ct);
    }

    /// <summary>Notifies the users <paramref name="recipients"/> selects: one SQL command to read them, one to insert.</summary>
    public static async Task<int> NotifyAsync(
        SmartCityDbContext db, IQueryable<string> recipients, NotificationKind kind, string subject, string? detail, string url,
        int? regencyId, string dedupKey, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        var users = await recipients.Distinct().ToListAsync(ct);
        return await NotifyAsync(db, users, kind, subject, detail, url, regencyId, dedupKey, now, ct);
    }

    /// <summary>
    /// Saves the context's changes and runs <paramref name="notify"/> in one transaction (under the retrying execution strategy):
    /// the event and its notifications are committed together. Generated keys and row versions are known inside <paramref name="notify"/>.
    /// A concurrency conflict of the save is thrown as from <c>SaveChangesAsync</c>, with nothing written.
    /// </summary>
    public static async Task SaveChangesAndNotifyAsync(this SmartCityDbContext db, Func<CancellationToken, Task> notify, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(notify);
        if (db.Database.CurrentTransaction is not null)
        {
            await db.SaveChangesAsync(ct);
            await notify(ct);
            return;
        }

        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, ct);
            await notify(ct);
            await transaction.CommitAsync(ct);
        });
        db.ChangeTracker.AcceptAllChanges();
    }

    /// <summary>Active users holding one of <paramref name="roles"/> (filter further by regency, then select the id).</summary>
    public static IQueryable<ApplicationUser> UsersInRoles(SmartCityDbContext db, params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Users.Where(u => !u.IsDisabled
            && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!))));
    }

    /// <summary>The regency-bound users (of <paramref name="roles"/>) of the regencies <paramref name="regencyIds"/>.</summary>
    public static IQueryable<string> RegencyUsers(SmartCityDbContext db, IQueryable<int> regencyIds, params string[] roles) =>
        UsersInRoles(db, roles.Length == 0 ? [.. Roles.RegencyBound] : roles)
            .Where(u => u.RegencyId != null && regencyIds.Contains(u.RegencyId.Value))
            .Select(u => u.Id);

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max];

    private static string? ClipOrNull(string? text, int max) => text is null ? null : Clip(text, max);
}
