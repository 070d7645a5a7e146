using MudBlazor;

namespace SmartCity.Web.Components.Shared;

/// <summary>One sober theme: deep blue primary, neutral surfaces, one accent; system fonts (no external URLs).</summary>
public static class AppTheme
{
    private static readonly string[] SystemFonts = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Noto Sans", "Helvetica Neue", "Arial", "sans-serif"];

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0B3D91",
            Secondary = "#00695C",
            Tertiary = "#8A4B00",
            AppbarBackground = "#0B3D91",
            Background = "#F5F6F8",
            Surface = "#FFFFFF",
            DrawerBackground = "#FFFFFF",
            TextPrimary = "#1B1F24",
            TextSecondary = "#4A525C",
            Success = "#1E7B34",
            Warning = "#8A5A00",
            Error = "#B3261E",
            Info = "#0B5394",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = SystemFonts },
            H1 = new H1Typography { FontFamily = SystemFonts, FontSize = "1.75rem", FontWeight = "600" },
            H2 = new H2Typography { FontFamily = SystemFonts, FontSize = "1.35rem", FontWeight = "600" },
            H3 = new H3Typography { FontFamily = SystemFonts, FontSize = "1.15rem", FontWeight = "600" },
        },
    };
}
