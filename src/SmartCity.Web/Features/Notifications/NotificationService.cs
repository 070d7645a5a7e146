using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmartCity.Domain.Common;
using SmartCity.Domain.Notifications;
using SmartCity.Web.Common;
using SmartCity.Web.Data;
using SmartCity.Web.Features.Accounts;
using SmartCity.Web.Resources;

namespace SmartCity.Web.Features.Notifications;

/// <summary>One notification as the bell and the notifications page show it.</summary>
public sealed record NotificationRow(long Id, NotificationKind Kind, string Subject, string? Detail, string Url, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt)
{
    public bool IsRead => ReadAt is not null;
}

/// <summary>The bell's content: the newest notifications, the unread count and the user's time zone.</summary>
public sealed record NotificationInbox(IReadOnlyList<NotificationRow> Items, int Unread, IndonesianTimeZone Zone);

/// <summary>
/// The signed-in user's in-app notifications (the bell): list newest first, count the unread, mark one or all read.
/// Every query is filtered by the user's own id, so nobody ever reads or marks another user's notification.
/// Other services create notifications through <see cref="Notifier"/>.
/// </summary>
public sealed class NotificationService(IDbContextFactory<SmartCityDbContext> dbFactory, RegencyAccess access, ProgrammeClock clock)
{
    public const int MaxPageSize = 100;

    /// <summary>How many notifications the bell lists.</summary>
    public const int BellSize = 8;

    /// <summary>The unread count of the signed-in user (0 for anonymous visitors): one SQL command.</summary>
    public async Task<int> UnreadCountAsync(CancellationToken ct = default)
    {
        if (access.UserId is not { } me)
        {
            return 0;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Notifications.CountAsync(n => n.UserId == me && n.ReadAt == null, ct);
    }

    /// <summary>The newest <paramref name="count"/> notifications with the unread count and the user's zone: one SQL command.</summary>
    public async Task<NotificationInbox> RecentAsync(int count = BellSize, CancellationToken ct = default)
    {
        var me = Me("the notifications");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var head = await db.Users.AsNoTracking().Where(u => u.Id == me)
            .Select(u => new
            {
                Zone = db.Regencies.Where(r => r.Id == u.RegencyId).Select(r => (IndonesianTimeZone?)r.TimeZone).FirstOrDefault(),
                Unread = db.Notifications.Count(n => n.UserId == me && n.ReadAt == null),
                Items = db.Notifications.Where(n => n.UserId == me).OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
                    .Take(Math.Clamp(count, 1, MaxPageSize))
                    .Select(n => new NotificationRow(n.Id, n.Kind, n.Subject, n.Detail, n.Url, n.CreatedAt, n.ReadAt))
                    .ToList(),
            })
            .SingleOrDefaultAsync(ct);
        return head is null ? new NotificationInbox([], 0, IndonesianTimeZone.Wib) : new NotificationInbox(head.Items, head.Unread, head.Zone ?? IndonesianTimeZone.Wib);
    }

    /// <summary>One page of the user's notifications, newest first (optionally the unread only): one SQL command for a non-empty page.</summary>
    public async Task<PagedResult<NotificationRow>> ListAsync(int page = 1, int pageSize = 25, bool unreadOnly = false, CancellationToken ct = default)
    {
        var me = Me("the notifications");
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == me && (!unreadOnly || n.ReadAt == null));
        var rows = await mine.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(n => new { Row = new NotificationRow(n.Id, n.Kind, n.Subject, n.Detail, n.Url, n.CreatedAt, n.ReadAt), Total = mine.Count() })
            .ToListAsync(ct);
        var total = rows.Count > 0 ? rows[0].Total : page == 1 ? 0 : await mine.CountAsync(ct);
        return new PagedResult<NotificationRow>(rows.Select(r => r.Row).ToList(), total, page, pageSize);
    }

    /// <summary>The user's time zone: their regency's, WIB for national users.</summary>
    public async Task<IndonesianTimeZone> TimeZoneAsync(CancellationToken ct = default)
    {
        if (access.OwnRegencyId is not { } regencyId)
        {
            return IndonesianTimeZone.Wib;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Regencies.AsNoTracking().Where(r => r.Id == regencyId).Select(r => r.TimeZone).SingleOrDefaultAsync(ct);
    }

    /// <summary>
    /// Marks one of the user's notifications read (true when it was unread). Another user's notification is refused (logged)
    /// and left as it is; an unknown id is false.
    /// </summary>
    public async Task<bool> MarkReadAsync(long id, CancellationToken ct = default)
    {
        var me = Me($"notification {id}");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var marked = await db.Notifications.Where(n => n.Id == id && n.UserId == me && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        if (marked == 0)
        {
            var owner = await db.Notifications.AsNoTracking().Where(n => n.Id == id).Select(n => n.UserId).SingleOrDefaultAsync(ct);
            access.EnsureAllowed(owner is null || owner == me, "mark read", $"notification {id.ToString(CultureInfo.InvariantCulture)} of another user");
        }

        return marked > 0;
    }

    /// <summary>Marks all the user's unread notifications read; returns how many. One SQL command.</summary>
    public async Task<int> MarkAllReadAsync(CancellationToken ct = default)
    {
        var me = Me("the notifications");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        return await db.Notifications.Where(n => n.UserId == me && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }

    /// <summary>The text of a notification in the current culture: <c>Notification.{Kind}</c> with {0} the subject and {1} the detail.</summary>
    public static string Text(IStringLocalizer<SharedResource> l, NotificationRow row)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(row);
        var detail = row.Detail;
        var stateType = row.Kind switch
        {
            NotificationKind.MasterplanState => "MasterplanState",
            NotificationKind.RoundState => "RoundState",
            _ => null,
        };
        if (stateType is not null && detail is not null && l[$"Enum.{stateType}.{detail}"] is { ResourceNotFound: false } label)
        {
            detail = label.Value;
        }

        return string.Format(CultureInfo.CurrentCulture, l[$"Notification.{row.Kind}"], row.Subject, detail ?? "");
    }

    private string Me(string target)
    {
        access.EnsureSignedIn(target);
        return access.UserId!;
    }
}
