using ElearningRollout.Domain.Rollouts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;

namespace ElearningRollout.Web.Components.Pages.Rollouts;

/// <summary>
/// Display-only pieces of the rollout list and the dashboard's portfolio, written as the markup their MudBlazor components
/// render (<see cref="StatusChip"/>, <see cref="HealthChip"/>, MudLink) but without a component per piece. A page of 25 rows
/// held 125 such components (chip, icon and link per cell), each with its own state and two render-tree builders: most
/// of what an idle circuit on the list held (docs/performance.md, "Capacity"). PlainMarkupTests check the markup is the
/// components' own for every value. Only for pieces without behaviour of their own: the chips are not clickable, and a
/// link is an anchor Blazor's router follows, as MudLink's is.
/// </summary>
public static class PlainMarkup
{
    // Built once per value: every row of every circuit refers to the same strings. MudBlazor's class names for a colour
    // are its name in lower case ("primary", "success").
    private static readonly Dictionary<Color, string> ChipClasses = Enum.GetValues<Color>().ToDictionary(
        color => color, color => $"mud-chip mud-chip-outlined mud-chip-size-small mud-chip-color-{color.ToString().ToLowerInvariant()}");

    private const string ChipIconClass = "mud-icon-root mud-svg-icon mud-icon-size-small mud-chip-icon";

    /// <summary>Exactly what <c>&lt;StatusChip Status="status" /&gt;</c> shows.</summary>
    public static RenderFragment StatusChip(LifecycleStatus status) =>
        builder => Chip(builder, RolloutText.ColorOf(status), Icons.Material.Filled.Flag, status.Name());

    /// <summary>Exactly what <c>&lt;HealthChip Health="health" /&gt;</c> shows.</summary>
    public static RenderFragment HealthChip(RolloutHealth health) =>
        builder => Chip(builder, RolloutText.ColorOf(health), Rollouts.HealthChip.IconOf(health), health.Name());

    /// <summary>What <c>&lt;MudLink Href="href" Underline="underline"&gt;text&lt;/MudLink&gt;</c> shows.</summary>
    public static RenderFragment Link(string href, string text, Underline underline = Underline.Hover) => builder =>
    {
        builder.OpenElement(0, "a");
        builder.AddAttribute(1, "href", href);
        builder.AddAttribute(2, "class", underline == Underline.Always ? LinkAlwaysUnderlined : LinkUnderlinedOnHover);
        builder.AddContent(3, text);
        builder.CloseElement();
    };

    private const string LinkUnderlinedOnHover = "mud-typography mud-link mud-primary-text mud-link-underline-hover";
    private const string LinkAlwaysUnderlined = "mud-typography mud-link mud-primary-text mud-link-underline-always";

    // MudChip's markup for a small, outlined, not clickable chip with an icon (the container's generated id left out:
    // nothing refers to it outside a chip set).
    private static void Chip(RenderTreeBuilder builder, Color color, string icon, string text)
    {
        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "class", "mud-chip-container");
        builder.OpenElement(2, "div");
        builder.AddAttribute(3, "tabindex", "-1");
        builder.AddAttribute(4, "class", ChipClasses[color]);
        builder.OpenElement(5, "svg");
        builder.AddAttribute(6, "class", ChipIconClass);
        builder.AddAttribute(7, "focusable", "false");
        builder.AddAttribute(8, "viewBox", "0 0 24 24");
        builder.AddAttribute(9, "aria-hidden", "true");
        builder.AddAttribute(10, "role", "img");
        builder.AddMarkupContent(11, icon);
        builder.CloseElement();
        builder.OpenElement(12, "span");
        builder.AddAttribute(13, "class", "mud-chip-content");
        builder.AddContent(14, text);
        builder.CloseElement();
        builder.CloseElement();
        builder.CloseElement();
    }
}
