using MudBlazor;

namespace ElearningRollout.Web.Components.Shared;

/// <summary>
/// The icon markup MudBlazor's components write, for places that write their markup themselves instead of keeping a
/// component per button and icon in every circuit (the app bar, the bell, the navigation links, the grid's sort headers
/// and pager, the list's "New rollout" and search box, the chips, the user menu: docs/performance.md, "Capacity"). Each
/// string is built once per icon and shared by every circuit. LayoutMarkupHttpTests, NavMenuTests, PlainMarkupTests,
/// RolloutListTests and UserMenuTests compare the pages with MudBlazor's own rendering.
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

    /// <summary>The class list of a plain medium icon (<c>&lt;MudIcon&gt;</c> inside MudBlazor's buttons).</summary>
    public const string MediumIcon = "mud-icon-root mud-svg-icon mud-icon-size-medium";

    /// <summary>What <c>&lt;MudIconButton Icon="icon"&gt;</c> writes inside its button (medium, or small for <c>Size.Small</c>).</summary>
    public static string IconButtonLabel(string icon, bool small = false) =>
        $"<span class=\"mud-icon-button-label\">{Svg(icon, small ? "mud-icon-root mud-svg-icon mud-icon-size-small" : MediumIcon)}</span>";

    /// <summary>What <c>&lt;MudButton StartIcon="icon"&gt;</c> (medium) writes before its text.</summary>
    public static string ButtonStartIcon(string icon) => $"<span class=\"mud-button-icon-start mud-button-icon-size-medium\">{Svg(icon, MediumIcon)}</span>";

    /// <summary>
    /// MudIcon's element for one of MudBlazor's icon constants (its paths) with the class list of the place it stands in;
    /// <paramref name="outOfTabOrder"/> adds the <c>tabindex="-1"</c> MudBlazor gives an input's adornment icon.
    /// </summary>
    public static string Svg(string icon, string classes, bool outOfTabOrder = false) =>
        $"<svg class=\"{classes}\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" role=\"img\"{(outOfTabOrder ? " tabindex=\"-1\"" : "")}>{icon}</svg>";
}
