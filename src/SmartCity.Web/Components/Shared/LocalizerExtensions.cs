using Microsoft.Extensions.Localization;

namespace SmartCity.Web.Components.Shared;

public static class LocalizerExtensions
{
    /// <summary>The label of an enum value: resource key <c>Enum.{Type}.{Value}</c>.</summary>
    public static string Enum<T>(this IStringLocalizer localizer, T value)
        where T : struct, Enum => localizer[$"Enum.{typeof(T).Name}.{value}"];
}
