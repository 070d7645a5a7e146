using FluentValidation.Results;

namespace SmartCity.Web.Common;

/// <summary>One field where the user's values and the saved ones differ after someone else saved first.</summary>
public sealed record FieldDifference(string Field, string? Yours, string? Saved);

/// <summary>Someone saved the record since the user loaded it: who, when, and what differs.</summary>
public sealed record ConcurrencyConflict(IReadOnlyList<FieldDifference> Differences, string? ChangedBy, DateTimeOffset? ChangedAt, uint CurrentVersion);

/// <summary>The outcome of a write: saved (with the new id and row version), refused by validation (per field), or a conflict.</summary>
public sealed record SaveResult(int? Id, uint Version, IReadOnlyDictionary<string, string[]> Errors, ConcurrencyConflict? Conflict)
{
    public bool Succeeded => Errors.Count == 0 && Conflict is null;

    public static SaveResult Saved(int id, uint version) => new(id, version, new Dictionary<string, string[]>(), null);

    public static SaveResult Invalid(ValidationResult validation) =>
        new(null, 0, validation.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray()), null);

    public static SaveResult Invalid(string field, string message) => new(null, 0, new Dictionary<string, string[]> { [field] = [message] }, null);

    public static SaveResult Conflicted(ConcurrencyConflict conflict) => new(null, 0, new Dictionary<string, string[]>(), conflict);
}
