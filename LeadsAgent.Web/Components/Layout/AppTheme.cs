using MudBlazor;

namespace LeadsAgent.Web.Components.Layout;

/// <summary>The product's colours for MudBlazor, light and dark, chosen for WCAG AA contrast on text and controls.</summary>
public static class AppTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0b5cad",
            Secondary = "#5b4bb7",
            Tertiary = "#00796b",
            AppbarBackground = "#083b70",
            AppbarText = "#ffffff",
            Background = "#f6f8fb",
            Surface = "#ffffff",
            DrawerBackground = "#ffffff",
            DrawerText = "#1f2937",
            DrawerIcon = "#374151",
            TextPrimary = "#1f2937",
            TextSecondary = "#4b5563",
            Success = "#146c2e",
            Warning = "#8a5300",
            Error = "#b3261e",
            Info = "#0b5cad",
            ActionDefault = "#4b5563",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#7cb8f5",
            Secondary = "#b3a7f0",
            Tertiary = "#5fd1c0",
            AppbarBackground = "#111827",
            AppbarText = "#f3f4f6",
            Background = "#0b1220",
            Surface = "#172033",
            DrawerBackground = "#111827",
            DrawerText = "#e5e7eb",
            DrawerIcon = "#d1d5db",
            TextPrimary = "#f3f4f6",
            TextSecondary = "#c7ccd4",
            Success = "#6fd48f",
            Warning = "#f5c063",
            Error = "#ff8a80",
            Info = "#7cb8f5",
            ActionDefault = "#d1d5db",
            PrimaryContrastText = "#08213d",
            SuccessContrastText = "#0b2614",
            WarningContrastText = "#2b1a00",
            ErrorContrastText = "#3a0905",
            InfoContrastText = "#08213d",
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "240px" },
        // Buttons in sentence case: "Call (555) 201-4477" reads better than shouting, and wraps on phones.
        Typography = new Typography { Button = new ButtonTypography { TextTransform = "none", FontWeight = "500" } },
    };
}
