using ElearningRollout.Domain.Rollouts;
using Microsoft.AspNetCore.Components;
using System.Text.Encodings.Web;
using ElearningRollout.Web.Components.Shared;
using MudBlazor;

namespace ElearningRollout.Web.Components.Pages.Rollouts;

/// <summary>
/// Display-only pieces of the rollout list and the dashboard's portfolio, written as the markup their MudBlazor components
/// render (<see cref="StatusChip"/>, <see cref="HealthChip"/>, MudLink) but without a component per piece. A page of 25 rows
/// held 125 such components (chip, icon and link per cell), each with its own state and two render-tree builders: most
/// of what an idle circuit on the list held (docs/performance.md, "Capacity"). PlainMarkupTests check the markup is the
/// components' own for every value. Only for pieces without behaviour of their own: the chips are not clickable, and a
/// link is an anchor Blazor's router follows, as MudLink's is.
/// Each piece is one markup string (<see cref="StatusChipMarkup"/>, <see cref="HealthChipMarkup"/>, <see cref="LinkMarkup"/>),
/// so a row's cells can be a few markup frames (<see cref="RolloutTableRows"/>): a chip written element by element was fifteen
/// render-tree frames, kept twice by its component (current and previous tree) and copied into the circuit's render
/// batch buffers, which keep their size. The chips' strings are built once per value and shared by every circuit.
/// Every text and attribute value from data is HTML-encoded here.
/// </summary>
public static class PlainMarkup
{
    // MudBlazor's class names for a colour are its name in lower case ("primary", "success").
    private static readonly Dictionary<Color, string> ChipClasses = Enum.GetValues<Color>().ToDictionary(
        color => color, color => $"mud-chip mud-chip-outlined mud-chip-size-small mud-chip-color-{color.ToString().ToLowerInvariant()}");

    private const string ChipIconClass = "mud-icon-root mud-svg-icon mud-icon-size-small mud-chip-icon";

    private const string LinkUnderlinedOnHover = "mud-typography mud-link mud-primary-text mud-link-underline-hover";
    private const string LinkAlwaysUnderlined = "mud-typography mud-link mud-primary-text mud-link-underline-always";

    // Built once per value (after ChipClasses, which they use): every row of every circuit refers to the same strings.
    private static readonly Dictionary<LifecycleStatus, string> StatusChips = Enum.GetValues<LifecycleStatus>().ToDictionary(
        status => status, status => ChipMarkup(RolloutText.ColorOf(status), Icons.Material.Filled.Flag, status.Name()));

    private static readonly Dictionary<RolloutHealth, string> HealthChips = Enum.GetValues<RolloutHealth>().ToDictionary(
        health => health, health => ChipMarkup(RolloutText.ColorOf(health), Rollouts.HealthChip.IconOf(health), health.Name()));

    /// <summary>Exactly what <c>&lt;StatusChip Status="status" /&gt;</c> shows.</summary>
    public static RenderFragment StatusChip(LifecycleStatus status) => builder => builder.AddMarkupContent(0, StatusChipMarkup(status));

    /// <summary>Exactly what <c>&lt;HealthChip Health="health" /&gt;</c> shows.</summary>
    public static RenderFragment HealthChip(RolloutHealth health) => builder => builder.AddMarkupContent(0, HealthChipMarkup(health));

    /// <summary>What <c>&lt;MudLink Href="href" Underline="underline"&gt;text&lt;/MudLink&gt;</c> shows.</summary>
    public static RenderFragment Link(string href, string text, Underline underline = Underline.Hover)
        => builder => builder.AddMarkupContent(0, LinkMarkup(href, text, underline));

    /// <summary>The markup of <see cref="StatusChip"/>.</summary>
    public static string StatusChipMarkup(LifecycleStatus status) => StatusChips[status];

    /// <summary>The markup of <see cref="HealthChip"/>.</summary>
    public static string HealthChipMarkup(RolloutHealth health) => HealthChips[health];

    /// <summary>The markup of <see cref="Link"/>, its address and text encoded.</summary>
    public static string LinkMarkup(string href, string text, Underline underline = Underline.Hover)
        => $"<a href=\"{Encode(href)}\" class=\"{(underline == Underline.Always ? LinkAlwaysUnderlined : LinkUnderlinedOnHover)}\">{Encode(text)}</a>";

    /// <summary>A cell of MudTable's row markup: its column's name as <c>data-label</c>, for the stacked small-screen layout.</summary>
    public static string TableCell(string label, string html) => $"<td data-label=\"{label}\" class=\"mud-table-cell\">{html}</td>";

    /// <summary>Text or an attribute value from data, HTML-encoded (quotes included) for markup written by hand.</summary>
    public static string Encode(string text) => HtmlEncoder.Default.Encode(text);

    // MudChip's markup for a small, outlined, not clickable chip with an icon (the container's generated id left out:
    // nothing refers to it outside a chip set). The icon is MudBlazor's own SVG path constant.
    private static string ChipMarkup(Color color, string icon, string text)
        => $"<div class=\"mud-chip-container\"><div tabindex=\"-1\" class=\"{ChipClasses[color]}\">"
            + MudIconMarkup.Svg(icon, ChipIconClass)
            + $"<span class=\"mud-chip-content\">{Encode(text)}</span></div></div>";
}
