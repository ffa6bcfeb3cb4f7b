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
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#8ab4f8",
            Secondary = "#4db6ac",
            AppbarBackground = "#0f2540",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"] },
        },
    };
}
