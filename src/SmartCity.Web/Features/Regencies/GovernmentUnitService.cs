using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmartCity.Domain.Masterplans;
using SmartCity.Domain.QuickWins;
using SmartCity.Domain.Regencies;
using SmartCity.Web.Common;
using SmartCity.Web.Components.Shared;
using SmartCity.Web.Data;
using SmartCity.Web.Features.Accounts;
using SmartCity.Web.Resources;

namespace SmartCity.Web.Features.Regencies;

public sealed record UnitDetail(int Id, int RegencyId, string Name, string? Acronym, GovernmentUnitKind Kind, bool IsActive, uint Version);

/// <summary>A regency's OPD list: its Diskominfo and Bappeda users (and admins) manage it; everyone who may read the regency sees it.</summary>
public sealed class GovernmentUnitService(
    IDbContextFactory<SmartCityDbContext> dbFactory, RegencyAccess access, UnitInputValidator validator, IStringLocalizer<SharedResource> l)
{
    public async Task<IReadOnlyList<UnitDetail>> ListAsync(int regencyId, CancellationToken ct = default)
    {
        access.EnsureCanRead(regencyId, "the OPD list");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.GovernmentUnits.AsNoTracking().Where(u => u.RegencyId == regencyId).OrderBy(u => u.Name)
            .Select(u => new UnitDetail(u.Id, u.RegencyId, u.Name, u.Acronym, u.Kind, u.IsActive, u.Version)).ToListAsync(ct);
    }

    public bool CanManage(int regencyId) => access.CanWrite(regencyId, RegencyWrite.Units) || access.IsAdmin;

    public async Task<SaveResult> CreateAsync(int regencyId, UnitInput input, CancellationToken ct = default)
    {
        access.EnsureCanWrite(regencyId, RegencyWrite.Units, "the OPD list");
        var validation = await validator.ValidateAsync(input, ct);
        if (!validation.IsValid)
        {
            return SaveResult.Invalid(validation);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var name = input.Name.Trim();
        if (await db.GovernmentUnits.AnyAsync(u => u.RegencyId == regencyId && u.Name == name, ct))
        {
            return SaveResult.Invalid(nameof(UnitInput.Name), l["Unit.Duplicate"]);
        }

        var unit = new GovernmentUnit { RegencyId = regencyId, Name = name, Acronym = Clean(input.Acronym), Kind = input.Kind, IsActive = input.IsActive };
        db.GovernmentUnits.Add(unit);
        await db.SaveChangesAsync(ct);
        return SaveResult.Saved(unit.Id, unit.Version);
    }

    /// <summary>
    /// Saves an edit against the version the user loaded; when someone saved in between, nothing is written and the
    /// conflict lists each differing field with who changed it. <paramref name="overwrite"/> saves over the newer version deliberately.
    /// </summary>
    public async Task<SaveResult> UpdateAsync(int unitId, UnitInput input, bool overwrite = false, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unit = await db.GovernmentUnits.SingleOrDefaultAsync(u => u.Id == unitId, ct) ?? throw new KeyNotFoundException($"OPD {unitId}");
        access.EnsureCanWrite(unit.RegencyId, RegencyWrite.Units, $"OPD {unitId}");
        var validation = await validator.ValidateAsync(input, ct);
        if (!validation.IsValid)
        {
            return SaveResult.Invalid(validation);
        }

        var name = input.Name.Trim();
        if (await db.GovernmentUnits.AnyAsync(u => u.RegencyId == unit.RegencyId && u.Name == name && u.Id != unitId, ct))
        {
            return SaveResult.Invalid(nameof(UnitInput.Name), l["Unit.Duplicate"]);
        }

        if (!overwrite && unit.Version != input.Version)
        {
            return SaveResult.Conflicted(await ConflictAsync(db, unit, input, ct));
        }

        db.Entry(unit).Property(u => u.Version).OriginalValue = overwrite ? unit.Version : input.Version;
        unit.Name = name;
        unit.Acronym = Clean(input.Acronym);
        unit.Kind = input.Kind;
        unit.IsActive = input.IsActive;
        return await db.SaveOrConflictAsync(
                dbFactory, async fresh => await ConflictAsync(fresh, await fresh.GovernmentUnits.AsNoTracking().SingleAsync(u => u.Id == unitId, ct), input, ct), ct)
            ?? SaveResult.Saved(unit.Id, unit.Version);
    }

    /// <summary>Deletes an OPD that nothing refers to; one that owns quick wins or programmes can only be deactivated.</summary>
    public async Task<SaveResult> DeleteAsync(int unitId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unit = await db.GovernmentUnits.SingleOrDefaultAsync(u => u.Id == unitId, ct) ?? throw new KeyNotFoundException($"OPD {unitId}");
        access.EnsureCanWrite(unit.RegencyId, RegencyWrite.Units, $"OPD {unitId}");
        var used = await db.Set<QuickWin>().AnyAsync(q => q.OwnerUnitId == unitId, ct) || await db.Set<Programme>().AnyAsync(p => p.OwnerUnitId == unitId, ct);
        if (used)
        {
            return SaveResult.Invalid(nameof(UnitInput.Name), l["Unit.InUse"]);
        }

        db.GovernmentUnits.Remove(unit);
        await db.SaveChangesAsync(ct);
        return SaveResult.Saved(unitId, 0);
    }

    private async Task<ConcurrencyConflict> ConflictAsync(SmartCityDbContext db, GovernmentUnit saved, UnitInput yours, CancellationToken ct)
    {
        var (changedBy, changedAt) = await db.LastChangeAsync(nameof(GovernmentUnit), saved.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
        var differences = new Differences()
            .Add(l["Regency.UnitName"], yours.Name.Trim(), saved.Name)
            .Add(l["Regency.UnitAcronym"], Clean(yours.Acronym), saved.Acronym)
            .Add(l["Regency.UnitKind"], l.Enum(yours.Kind), l.Enum(saved.Kind))
            .Add(l["Unit.Active"], yours.IsActive ? l["Common.Yes"] : l["Common.No"], saved.IsActive ? l["Common.Yes"] : l["Common.No"]);
        return new ConcurrencyConflict(differences.Items, changedBy, changedAt, saved.Version);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
