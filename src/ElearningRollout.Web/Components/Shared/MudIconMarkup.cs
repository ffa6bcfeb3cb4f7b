using MudBlazor;

namespace ElearningRollout.Web.Components.Shared;

/// <summary>
/// The icon markup MudBlazor's buttons write, for places that write a button's markup themselves instead of keeping a
/// component per button and icon in every circuit (the app bar, the bell, the grid's pager, the list's "New rollout", the
/// user menu: docs/performance.md, "Capacity"). Each string is built once per icon and shared by every circuit.
/// LayoutMarkupHttpTests and UserMenuTests compare the pages with MudBlazor's own rendering.
/// </summary>
public static class MudIconMarkup
{
    /// <summary>The class list of <c>&lt;MudIconButton Color="Color.Inherit"&gt;</c>.</summary>
    public const string InheritIconButton = "mud-button-root mud-icon-button mud-inherit-text hover:mud-inherit-hover mud-ripple mud-ripple-icon";

    /// <summary>The navigation toggle's icon, as MudIconButton writes it inside the button.</summary>
    public static readonly string MenuIcon = IconButtonLabel(Icons.Material.Filled.Menu);

    /// <summary>The theme switch's icon while the light theme is on.</summary>
    public static readonly string DarkModeIcon = IconButtonLabel(Icons.Material.Filled.DarkMode);

    /// <summary>The theme switch's icon while the dark theme is on.</summary>
    public static readonly string LightModeIcon = IconButtonLabel(Icons.Material.Filled.LightMode);

    /// <summary>The bell's icon.</summary>
    public static readonly string NotificationsIcon = IconButtonLabel(Icons.Material.Filled.Notifications);

    /// <summary>What <c>&lt;MudIconButton Icon="icon"&gt;</c> (medium) writes inside its button.</summary>
    public static string IconButtonLabel(string icon) => $"<span class=\"mud-icon-button-label\">{Svg(icon)}</span>";

    /// <summary>What <c>&lt;MudButton StartIcon="icon"&gt;</c> (medium) writes before its text.</summary>
    public static string ButtonStartIcon(string icon) => $"<span class=\"mud-button-icon-start mud-button-icon-size-medium\">{Svg(icon)}</span>";

    private static string Svg(string icon) =>
        $"<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-medium\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" role=\"img\">{icon}</svg>";
}
