using MudBlazor;

namespace SmartCity.Web.Components.Shared;

/// <summary>Each dimension keeps one colour and one icon everywhere, always shown with its label.</summary>
public static class DimensionStyle
{
    public static string Colour(string code) => code switch
    {
        "GOV" => "#0B5394",
        "BRA" => "#9C4F00",
        "ECO" => "#2E6B1A",
        "LIV" => "#A03A6E",
        "SOC" => "#5B3A9A",
        "ENV" => "#00695C",
        _ => "#4A525C",
    };

    public static string Icon(string code) => code switch
    {
        "GOV" => Icons.Material.Filled.AccountBalance,
        "BRA" => Icons.Material.Filled.Campaign,
        "ECO" => Icons.Material.Filled.Storefront,
        "LIV" => Icons.Material.Filled.HealthAndSafety,
        "SOC" => Icons.Material.Filled.Groups,
        "ENV" => Icons.Material.Filled.Park,
        _ => Icons.Material.Filled.Category,
    };
}
