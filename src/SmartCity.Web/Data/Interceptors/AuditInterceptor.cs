using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SmartCity.Domain.Common;
using SmartCity.Domain.Masterplans;
using SmartCity.Domain.Notifications;
using SmartCity.Domain.QuickWins;
using SmartCity.Domain.Regencies;
using SmartCity.Web.Common;
using SmartCity.Web.Features.Accounts;

namespace SmartCity.Web.Data.Interceptors;

/// <summary>
/// Writes one <see cref="AuditEntry"/> per changed entity (user, UTC time, entity, key, regency, field old → new,
/// correlation id) into the same SaveChanges, hence the same transaction. Keys are known before saving (HiLo).
/// </summary>
public sealed class AuditInterceptor(CurrentUser currentUser, ProgrammeClock clock) : SaveChangesInterceptor
{
    private static readonly HashSet<string> MaskedFields = ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "Data", "Hash"];
    private static readonly HashSet<Type> NotAudited = [typeof(AuditEntry), typeof(DataProtectionKey), typeof(SignInEvent), typeof(MasterplanDraft), typeof(Notification)];
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
    private readonly ConditionalWeakTable<DbContext, List<AuditEntry>> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AddAuditRows(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        AddAuditRows(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    private void AddAuditRows(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        context.ChangeTracker.DetectChanges();

        // A SaveChanges retried by the caller after a failure must not audit twice: drop the rows this interceptor
        // added last time (rows a service added explicitly, such as batch rows, stay).
        if (_pending.TryGetValue(context, out var previous))
        {
            foreach (var stale in previous.Where(row => context.Entry(row).State == EntityState.Added))
            {
                context.Entry(stale).State = EntityState.Detached;
            }
        }

        var now = clock.GetUtcNow();
        var rows = new List<AuditEntry>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || NotAudited.Contains(entry.Metadata.ClrType) || entry.Metadata.IsOwned())
            {
                continue;
            }

            var changes = Changes(entry);
            if (entry.State == EntityState.Modified && changes.Count == 0)
            {
                continue;
            }

            rows.Add(new AuditEntry
            {
                OccurredAt = now,
                UserId = currentUser.UserId,
                UserName = currentUser.UserName,
                Entity = entry.Metadata.ClrType.Name,
                EntityKey = KeyOf(entry),
                RegencyId = RegencyOf(entry.Entity),
                Action = entry.State switch
                {
                    EntityState.Added => AuditAction.Insert,
                    EntityState.Deleted => AuditAction.Delete,
                    _ => AuditAction.Update,
                },
                Changes = JsonSerializer.Serialize(changes, JsonOptions),
                CorrelationId = currentUser.CorrelationId,
            });
        }

        context.AddRange(rows);
        _pending.AddOrUpdate(context, rows);
    }

    private static int? RegencyOf(object entity) => entity switch
    {
        IRegencyOwnedEntity owned => owned.RegencyId,
        Regency regency => regency.Id,
        ApplicationUser user => user.RegencyId,
        EvidenceFileContent => null,
        _ => null,
    };

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        return key is null
            ? "?"
            : string.Join("|", key.Properties.Select(p => Format(entry.Property(p.Name).CurrentValue)));
    }

    private static List<FieldChange> Changes(EntityEntry entry)
    {
        var changes = new List<FieldChange>();
        foreach (var property in entry.Properties)
        {
            if (property.Metadata.IsShadowProperty() && !property.Metadata.IsForeignKey())
            {
                continue;
            }

            var name = property.Metadata.Name;
            var masked = MaskedFields.Contains(name);
            switch (entry.State)
            {
                case EntityState.Added when property.CurrentValue is not null:
                    changes.Add(new(name, null, masked ? "***" : Format(property.CurrentValue)));
                    break;
                case EntityState.Deleted when property.OriginalValue is not null:
                    changes.Add(new(name, masked ? "***" : Format(property.OriginalValue), null));
                    break;
                case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue) && !property.Metadata.IsConcurrencyToken:
                    changes.Add(new(name, masked ? "***" : Format(property.OriginalValue), masked ? "***" : Format(property.CurrentValue)));
                    break;
            }
        }

        return changes;
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        byte[] bytes => $"{bytes.Length} bytes",
        DateTimeOffset instant => instant.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        DateTime instant => instant.ToString("O", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private sealed record FieldChange(string Field, string? Old, string? New);
}
