using MudBlazor;

namespace ElearningRollout.Web.Components.Layout;

/// <summary>
/// MudIconButton's markup pieces for the app bar's buttons (colour Inherit, medium), so the layout and the bell can write
/// them without a component per button and icon on every screen (docs/performance.md, "Capacity"). Each icon is one
/// string shared by every circuit. LayoutMarkupHttpTests compare the page with MudBlazor's own rendering.
/// </summary>
public static class AppBarMarkup
{
    /// <summary>The class list of <c>&lt;MudIconButton Color="Color.Inherit"&gt;</c>.</summary>
    public const string IconButton = "mud-button-root mud-icon-button mud-inherit-text hover:mud-inherit-hover mud-ripple mud-ripple-icon";

    /// <summary>The navigation toggle's icon, as MudIconButton writes it inside the button.</summary>
    public static readonly string MenuIcon = Label(Icons.Material.Filled.Menu);

    /// <summary>The theme switch's icon while the light theme is on.</summary>
    public static readonly string DarkModeIcon = Label(Icons.Material.Filled.DarkMode);

    /// <summary>The theme switch's icon while the dark theme is on.</summary>
    public static readonly string LightModeIcon = Label(Icons.Material.Filled.LightMode);

    /// <summary>The bell's icon.</summary>
    public static readonly string NotificationsIcon = Label(Icons.Material.Filled.Notifications);

    private static string Label(string icon) =>
        $"<span class=\"mud-icon-button-label\"><svg class=\"mud-icon-root mud-svg-icon mud-icon-size-medium\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" role=\"img\">{icon}</svg></span>";
}
