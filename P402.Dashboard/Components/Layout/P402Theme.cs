using MudBlazor;

namespace P402.Dashboard.Components.Layout;

/// <summary>
/// P402's look: a quiet, dense product UI in the manner of payment dashboards (white surfaces on a cool
/// grey page, one indigo accent, system fonts, no shouting capitals).
/// </summary>
internal static class P402Theme
{
    private static readonly string[] FontStack =
        ["-apple-system", "BlinkMacSystemFont", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#5046e5",
            Secondary = "#0f766e",
            Tertiary = "#0ea5e9",
            Success = "#15803d",
            Warning = "#b45309",
            Error = "#c0262d",
            Info = "#2563eb",
            Background = "#f6f8fa",
            BackgroundGray = "#eef1f5",
            Surface = "#ffffff",
            AppbarBackground = "#ffffff",
            AppbarText = "#1a1f36",
            DrawerBackground = "#ffffff",
            DrawerText = "#3c4257",
            DrawerIcon = "#697386",
            TextPrimary = "#1a1f36",
            TextSecondary = "#5b6478",
            LinesDefault = "#e3e8ee",
            TableLines = "#e3e8ee",
            Divider = "#e3e8ee",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#8b85ff",
            Secondary = "#2dd4bf",
            Tertiary = "#38bdf8",
            Success = "#4ade80",
            Warning = "#fbbf24",
            Error = "#f87171",
            Info = "#60a5fa",
            Background = "#0b1020",
            BackgroundGray = "#111729",
            Surface = "#141b2d",
            AppbarBackground = "#141b2d",
            AppbarText = "#e6e9f2",
            DrawerBackground = "#0f1526",
            DrawerText = "#c4c9d6",
            DrawerIcon = "#8a93a8",
            TextPrimary = "#e6e9f2",
            TextSecondary = "#9aa3b8",
            LinesDefault = "#26304a",
            TableLines = "#26304a",
            Divider = "#26304a",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = FontStack, FontSize = ".875rem" },
            H4 = new H4Typography { FontFamily = FontStack, FontWeight = "700", FontSize = "1.75rem", LetterSpacing = "-.01em" },
            H5 = new H5Typography { FontFamily = FontStack, FontWeight = "700", FontSize = "1.375rem" },
            H6 = new H6Typography { FontFamily = FontStack, FontWeight = "600", FontSize = "1.0625rem" },
            Subtitle2 = new Subtitle2Typography { FontFamily = FontStack, FontWeight = "600" },
            Button = new ButtonTypography { FontFamily = FontStack, FontWeight = "600", TextTransform = "none" },
            Overline = new OverlineTypography { FontFamily = FontStack, FontWeight = "600", LetterSpacing = ".06em" },
        },
        LayoutProperties = new LayoutProperties
        {
            DefaultBorderRadius = "8px",
            DrawerWidthLeft = "232px",
            AppbarHeight = "60px",
        },
    };
}
