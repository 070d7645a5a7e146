using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SmartCity.Domain.Common;
using SmartCity.Web.Common;
using SmartCity.Web.Data;
using SmartCity.Web.Features.Accounts;

namespace SmartCity.Web.Features.Admin.Settings;

/// <summary>Portal settings: read by any feature that needs them (letters, roadmap, overdue), edited by admins only.</summary>
public sealed class SettingsService(IDbContextFactory<SmartCityDbContext> dbFactory, RegencyAccess access, SettingsInputValidator validator, ProgrammeClock clock)
{
    private static readonly string[] Keys =
    [
        SettingKeys.MinistryName, SettingKeys.MinistryShortName, SettingKeys.LetterheadText, SettingKeys.SignatoryName, SettingKeys.SignatoryNip,
        SettingKeys.SignatoryPosition, SettingKeys.LetterNumberFormat, SettingKeys.HorizonShortYears, SettingKeys.HorizonMediumYears,
        SettingKeys.OverdueGraceDays, SettingKeys.EvidenceMaxBytes,
    ];

    public async Task<SettingsInput> GetAsync(CancellationToken ct = default)
    {
        access.EnsureAdmin("the settings");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var values = await db.Settings.AsNoTracking().Where(s => Keys.Contains(s.Key)).ToDictionaryAsync(s => s.Key, ct);
        return ToInput(values);
    }

    public async Task<SaveResult> SaveAsync(SettingsInput input, bool overwrite = false, CancellationToken ct = default)
    {
        access.EnsureAdmin("the settings");
        var validation = await validator.ValidateAsync(input, ct);
        if (!validation.IsValid)
        {
            return SaveResult.Invalid(validation);
        }

        await using var outer = await dbFactory.CreateDbContextAsync(ct);
        return await outer.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var rows = await db.Settings.Where(s => Keys.Contains(s.Key)).ToDictionaryAsync(s => s.Key, ct);
            var current = ToInput(rows);
            if (!overwrite && current.Version != input.Version)
            {
                return SaveResult.Conflicted(await ConflictAsync(db, input, current, ct));
            }

            var now = clock.GetUtcNow();
            foreach (var (key, value) in ToValues(input))
            {
                if (!rows.TryGetValue(key, out var row))
                {
                    db.Settings.Add(new PortalSetting { Key = key, Value = value, UpdatedAt = now });
                }
                else if (row.Value != value)
                {
                    row.Value = value;
                    row.UpdatedAt = now;
                }
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            // PostgreSQL has no max(xid): the few row versions are compared here.
            var saved = (await db.Settings.AsNoTracking().Where(s => Keys.Contains(s.Key)).Select(s => s.Version).ToListAsync(ct)).DefaultIfEmpty().Max();
            return SaveResult.Saved(0, saved);
        });
    }

    private static SettingsInput ToInput(Dictionary<string, PortalSetting> values)
    {
        string Text(string key) => values.TryGetValue(key, out var s) ? s.Value : "";
        int Number(string key) => int.TryParse(Text(key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;
        return new SettingsInput
        {
            MinistryName = Text(SettingKeys.MinistryName),
            MinistryShortName = Text(SettingKeys.MinistryShortName),
            LetterheadText = Text(SettingKeys.LetterheadText),
            SignatoryName = Text(SettingKeys.SignatoryName),
            SignatoryNip = Text(SettingKeys.SignatoryNip),
            SignatoryPosition = Text(SettingKeys.SignatoryPosition),
            LetterNumberFormat = Text(SettingKeys.LetterNumberFormat),
            HorizonShortYears = Number(SettingKeys.HorizonShortYears),
            HorizonMediumYears = Number(SettingKeys.HorizonMediumYears),
            OverdueGraceDays = Number(SettingKeys.OverdueGraceDays),
            EvidenceMaxMegabytes = Math.Round(Number(SettingKeys.EvidenceMaxBytes) / 1048576m, 2),
            Version = values.Values.Select(v => v.Version).DefaultIfEmpty().Max(),
        };
    }

    private static IEnumerable<(string Key, string Value)> ToValues(SettingsInput input) =>
    [
        (SettingKeys.MinistryName, input.MinistryName.Trim()),
        (SettingKeys.MinistryShortName, input.MinistryShortName.Trim()),
        (SettingKeys.LetterheadText, input.LetterheadText.Trim()),
        (SettingKeys.SignatoryName, input.SignatoryName.Trim()),
        (SettingKeys.SignatoryNip, input.SignatoryNip.Trim()),
        (SettingKeys.SignatoryPosition, input.SignatoryPosition.Trim()),
        (SettingKeys.LetterNumberFormat, input.LetterNumberFormat.Trim()),
        (SettingKeys.HorizonShortYears, input.HorizonShortYears.ToString(CultureInfo.InvariantCulture)),
        (SettingKeys.HorizonMediumYears, input.HorizonMediumYears.ToString(CultureInfo.InvariantCulture)),
        (SettingKeys.OverdueGraceDays, input.OverdueGraceDays.ToString(CultureInfo.InvariantCulture)),
        (SettingKeys.EvidenceMaxBytes, ((long)(input.EvidenceMaxMegabytes * 1048576m)).ToString(CultureInfo.InvariantCulture)),
    ];

    private static async Task<ConcurrencyConflict> ConflictAsync(SmartCityDbContext db, SettingsInput yours, SettingsInput saved, CancellationToken ct)
    {
        var (changedBy, changedAt) = await db.LastChangeAsync(nameof(PortalSetting), null, ct);
        var differences = ToValues(yours).Zip(ToValues(saved))
            .Where(p => p.First.Value != p.Second.Value)
            .Select(p => new FieldDifference(p.First.Key, p.First.Value, p.Second.Value))
            .ToList();
        return new ConcurrencyConflict(differences, changedBy, changedAt, saved.Version);
    }
}
