using Microsoft.EntityFrameworkCore;
using SmartCity.Web.Common;
using SmartCity.Web.Features.Notifications;

namespace SmartCity.Web.Data;

/// <summary>The one way an edit made against a loaded row version is saved.</summary>
public static class ConcurrentSave
{
    /// <summary>
    /// Saves; when someone saved the row since it was loaded (xmin changed), nothing is written and the conflict is built
    /// from a fresh read in a new context (the failed one holds stale entries). <paramref name="notify"/>, when given, runs in the
    /// save's transaction (<see cref="Notifier.SaveChangesAndNotifyAsync"/>).
    /// </summary>
    public static async Task<SaveResult?> SaveOrConflictAsync(
        this SmartCityDbContext db, IDbContextFactory<SmartCityDbContext> factory, Func<SmartCityDbContext, Task<ConcurrencyConflict>> conflict, CancellationToken ct,
        Func<CancellationToken, Task>? notify = null)
    {
        try
        {
            if (notify is null)
            {
                await db.SaveChangesAsync(ct);
            }
            else
            {
                await db.SaveChangesAndNotifyAsync(notify, ct);
            }

            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await factory.CreateDbContextAsync(ct);
            return SaveResult.Conflicted(await conflict(fresh));
        }
    }
}
