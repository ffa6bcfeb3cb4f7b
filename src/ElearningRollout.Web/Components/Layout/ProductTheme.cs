using MudBlazor;

namespace ElearningRollout.Web.Components.Layout;

/// <summary>The product's colours. Contrast ratios are chosen to pass WCAG AA (axe checks them end-to-end).</summary>
public static class ProductTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f5fa8",
            Secondary = "#00796b",
            AppbarBackground = "#163f6e",
            AppbarText = "#ffffff",
            Background = "#f5f7fa",
            DrawerBackground = "#ffffff",
            TextSecondary = "#4a5563",
            // Darker than MudBlazor's defaults so chips and text in these colours reach 4.5:1 (WCAG AA).
            Success = "#1b6e20",
            Warning = "#8a4b00",
            Error = "#b3261e",
            Info = "#0b5cad",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#8ab4f8",
            Secondary = "#4db6ac",
            AppbarBackground = "#0f2540",
            Success = "#81c784",
            Warning = "#ffb74d",
            Error = "#ef9a9a",
            Info = "#90caf9",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"] },
        },
    };
}
