using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ElearningRollout.EndToEnd.Infrastructure;

/// <summary>The layout's navigation drawer (MudDrawer's markup), its button in the app bar and its two states.</summary>
public static partial class NavigationDrawer
{
    public static ILocator Of(IPage page) => page.Locator(".mud-drawer");

    /// <summary>The app bar's button that opens and closes the drawer.</summary>
    public static ILocator Toggle(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Open or close the navigation" });

    [GeneratedRegex(@"\bmud-drawer--open\b")]
    public static partial Regex Open();

    [GeneratedRegex(@"\bmud-drawer--closed\b")]
    public static partial Regex Closed();
}
