namespace SmartCity.Web.Common;

/// <summary>Text search with ILIKE: the user's text is matched literally, never as a pattern.</summary>
public static class Like
{
    public static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
