using System.Text.RegularExpressions;
using Bunit;
using ElearningRollout.Domain.Rollouts;
using ElearningRollout.Web.Components.Pages.Rollouts;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using MudBlazor.Services;

namespace ElearningRollout.Web.Tests.Components;

/// <summary>
/// The rollout list and the dashboard write chips and links as markup instead of components (docs/performance.md,
/// "Capacity"): what they write must be what the components render, for every value.
/// </summary>
public sealed partial class PlainMarkupTests
{
    public static TheoryData<LifecycleStatus> Statuses => new(Enum.GetValues<LifecycleStatus>());

    public static TheoryData<RolloutHealth> Healths => new(Enum.GetValues<RolloutHealth>());

    [Theory]
    [MemberData(nameof(Statuses))]
    public async Task The_status_chip_markup_is_the_StatusChip_components_own(LifecycleStatus status)
    {
        await using var ctx = NewContext();

        var component = ctx.Render<StatusChip>(p => p.Add(x => x.Status, status));
        var plain = ctx.Render(PlainMarkup.StatusChip(status));

        Assert.Contains(status.Name(), plain.Markup, StringComparison.Ordinal);
        plain.MarkupMatches(WithoutChipContainerId(component.Markup));
    }

    [Theory]
    [MemberData(nameof(Healths))]
    public async Task The_health_chip_markup_is_the_HealthChip_components_own(RolloutHealth health)
    {
        await using var ctx = NewContext();

        var component = ctx.Render<HealthChip>(p => p.Add(x => x.Health, health));
        var plain = ctx.Render(PlainMarkup.HealthChip(health));

        Assert.Contains(health.Name(), plain.Markup, StringComparison.Ordinal);
        plain.MarkupMatches(WithoutChipContainerId(component.Markup));
    }

    [Theory]
    [InlineData(Underline.Hover)]
    [InlineData(Underline.Always)]
    public async Task The_link_markup_is_MudLinks_own(Underline underline)
    {
        await using var ctx = NewContext();

        var component = ctx.Render<MudLink>(p => p.Add(x => x.Href, "/rollouts/R-0001").Add(x => x.Underline, underline)
            .AddChildContent("R-0001"));
        var plain = ctx.Render(PlainMarkup.Link("/rollouts/R-0001", "R-0001", underline));

        plain.MarkupMatches(component.Markup);
    }

    // MudChip gives its container a new Guid id per instance, used only by a chip set's keyboard handling.
    private static string WithoutChipContainerId(string markup) => ChipContainerId().Replace(markup, "");

    [GeneratedRegex(" id=\"chip-container-[0-9a-f-]+\"")]
    private static partial Regex ChipContainerId();

    private static BunitContext NewContext()
    {
        var ctx = new BunitContext();
        ctx.Services.AddMudServices();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        return ctx;
    }
}
