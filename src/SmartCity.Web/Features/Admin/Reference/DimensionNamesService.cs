using Microsoft.EntityFrameworkCore;
using SmartCity.Web.Common;
using SmartCity.Web.Data;
using SmartCity.Web.Features.Accounts;

namespace SmartCity.Web.Features.Admin.Reference;

public sealed record ElementName(int Id, string Code, string NameId, string NameEn, uint Version);

public sealed record DimensionName(int Id, string Code, string NameId, string NameEn, uint Version, IReadOnlyList<ElementName> Elements);

/// <summary>The six dimensions and their elements: everyone signed in reads them, admins rename them (both languages).</summary>
public sealed class DimensionNamesService(IDbContextFactory<SmartCityDbContext> dbFactory, RegencyAccess access, NameInputValidator validator)
{
    public async Task<IReadOnlyList<DimensionName>> ListAsync(CancellationToken ct = default)
    {
        access.EnsureSignedIn("the dimensions");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Dimensions.AsNoTracking().OrderBy(d => d.SortOrder)
            .Select(d => new DimensionName(d.Id, d.Code, d.NameId, d.NameEn, d.Version,
                d.Elements.OrderBy(e => e.SortOrder).Select(e => new ElementName(e.Id, e.Code, e.NameId, e.NameEn, e.Version)).ToList()))
            .ToListAsync(ct);
    }

    public async Task<SaveResult> RenameDimensionAsync(int id, NameInput input, CancellationToken ct = default)
    {
        if (await RefusalAsync(input, "dimension", ct) is { } refused)
        {
            return refused;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dimension = await db.Dimensions.SingleOrDefaultAsync(d => d.Id == id, ct) ?? throw new KeyNotFoundException($"Dimension {id}");
        if (dimension.Version != input.Version)
        {
            return Conflict(input, dimension.NameId, dimension.NameEn, dimension.Version);
        }

        (dimension.NameId, dimension.NameEn) = (input.NameId.Trim(), input.NameEn.Trim());
        await db.SaveChangesAsync(ct);
        return SaveResult.Saved(id, dimension.Version);
    }

    public async Task<SaveResult> RenameElementAsync(int id, NameInput input, CancellationToken ct = default)
    {
        if (await RefusalAsync(input, "element", ct) is { } refused)
        {
            return refused;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var element = await db.Elements.SingleOrDefaultAsync(e => e.Id == id, ct) ?? throw new KeyNotFoundException($"Element {id}");
        if (element.Version != input.Version)
        {
            return Conflict(input, element.NameId, element.NameEn, element.Version);
        }

        (element.NameId, element.NameEn) = (input.NameId.Trim(), input.NameEn.Trim());
        await db.SaveChangesAsync(ct);
        return SaveResult.Saved(id, element.Version);
    }

    /// <summary>The gate (admins only) and the authoritative validation; null when the rename may go ahead.</summary>
    private async Task<SaveResult?> RefusalAsync(NameInput input, string what, CancellationToken ct)
    {
        access.EnsureAdmin($"the {what} names");
        var validation = await validator.ValidateAsync(input, ct);
        return validation.IsValid ? null : SaveResult.Invalid(validation);
    }

    private static SaveResult Conflict(NameInput yours, string nameId, string nameEn, uint version) =>
        SaveResult.Conflicted(new ConcurrencyConflict([new FieldDifference("ID", yours.NameId, nameId), new FieldDifference("EN", yours.NameEn, nameEn)], null, null, version));
}
