using Microsoft.EntityFrameworkCore;

namespace SmartCity.Web.Data;

/// <summary>
/// The names a conflict table shows for the references of a record (dimension, element, OPD) on both sides — the saved row's
/// and the user's — read in one command each.
/// </summary>
public sealed class ConflictNames
{
    private readonly Dictionary<int, string> _dimensions;
    private readonly Dictionary<int, string> _elements;
    private readonly Dictionary<int, string> _units;

    private ConflictNames(Dictionary<int, string> dimensions, Dictionary<int, string> elements, Dictionary<int, string> units) =>
        (_dimensions, _elements, _units) = (dimensions, elements, units);

    public static async Task<ConflictNames> LoadAsync(
        SmartCityDbContext db, int?[] dimensionIds, int?[] elementIds, int?[] unitIds, bool english, CancellationToken ct) =>
        new(
            await db.Dimensions.AsNoTracking().Where(d => dimensionIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Code, ct),
            await db.Elements.AsNoTracking().Where(e => elementIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => english ? e.NameEn : e.NameId, ct),
            await db.GovernmentUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Acronym ?? u.Name, ct));

    public string? Dimension(int? id) => Of(_dimensions, id);

    public string? Element(int? id) => Of(_elements, id);

    public string? Unit(int? id) => Of(_units, id);

    /// <summary>The name of <paramref name="key"/> in <paramref name="names"/>, or null.</summary>
    public static string? Of(Dictionary<int, string> names, int? key) => key is { } k && names.TryGetValue(k, out var name) ? name : null;
}
