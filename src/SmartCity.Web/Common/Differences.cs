namespace SmartCity.Web.Common;

/// <summary>Collects the fields where the user's values and the saved ones differ, for a conflict dialog.</summary>
public sealed class Differences
{
    private readonly List<FieldDifference> _items = [];

    public IReadOnlyList<FieldDifference> Items => _items;

    /// <summary>Adds the field when the two texts differ (ordinal; null and empty count as the same).</summary>
    public Differences Add(string field, string? yours, string? saved)
    {
        if (!string.Equals(NullIfEmpty(yours), NullIfEmpty(saved), StringComparison.Ordinal))
        {
            _items.Add(new FieldDifference(field, NullIfEmpty(yours), NullIfEmpty(saved)));
        }

        return this;
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
