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

/// <summary>The class lists the dashboard writes in place of MudText, MudPaper, MudStack and MudButton (MudClasses).</summary>
public sealed class MudClassesTests
{
    [Fact]
    public async Task Each_class_list_is_what_its_component_writes_with_those_settings()
    {
        await using var ctx = new BunitContext();
        ctx.Services.AddMudServices();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;

        var cases = new (string Plain, string Tag, Func<IRenderedComponent<IComponent>> Render)[]
        {
            (MudClasses.Body1, "P", () => (IRenderedComponent<IComponent>)(object)ctx.Render<MudText>(p => p.AddChildContent("x"))),
            (MudClasses.Body2, "P", () => (IRenderedComponent<IComponent>)(object)ctx.Render<MudText>(p => p.Add(x => x.Typo, Typo.body2).AddChildContent("x"))),
            (MudClasses.H4, "P", () => (IRenderedComponent<IComponent>)(object)ctx.Render<MudText>(p => p.Add(x => x.Typo, Typo.h4).Add(x => x.HtmlTag, "p").AddChildContent("x"))),
            (MudClasses.H6, "H6", () => (IRenderedComponent<IComponent>)(object)ctx.Render<MudText>(p => p.Add(x => x.Typo, Typo.h6).AddChildContent("x"))),
            (MudClasses.GridSpacing2, "DIV", () => (IRenderedComponent<IComponent>)(object)ctx.Render<MudGrid>(p => p.Add(x => x.Spacing, 2).AddChildContent("x"))),
            (MudClasses.ItemXs12Sm4, "DIV", () => (IRenderedComponent<IComponent>)(object)ctx.Render<MudItem>(p => p.Add(x => x.xs, 12).Add(x => x.sm, 4).AddChildContent("x"))),
            (MudClasses.ItemXs12Md4, "DIV", () => (IRenderedComponent<IComponent>)(object)ctx.Render<MudItem>(p => p.Add(x => x.xs, 12).Add(x => x.md, 4).AddChildContent("x"))),
            (MudClasses.ItemXs12Sm6Md4, "DIV", () => (IRenderedComponent<IComponent>)(object)ctx.Render<MudItem>(p => p.Add(x => x.xs, 12).Add(x => x.sm, 6).Add(x => x.md, 4).AddChildContent("x"))),
            (MudClasses.GridSpacing3Mb2, "DIV", () => (IRenderedComponent<IComponent>)(object)ctx.Render<MudGrid>(p => p.Add(x => x.Spacing, 3).Add(x => x.Class, "mb-2").AddChildContent("x"))),
            (MudClasses.GridSpacing3Mb4, "DIV", () => (IRenderedComponent<IComponent>)(object)ctx.Render<MudGrid>(p => p.Add(x => x.Spacing, 3).Add(x => x.Class, "mb-4").AddChildContent("x"))),
            (MudClasses.ItemXs6Md3, "DIV", () => (IRenderedComponent<IComponent>)(object)ctx.Render<MudItem>(p => p.Add(x => x.xs, 6).Add(x => x.md, 3).AddChildContent("x"))),
            (MudClasses.ItemXs6Md2, "DIV", () => (IRenderedComponent<IComponent>)(object)ctx.Render<MudItem>(p => p.Add(x => x.xs, 6).Add(x => x.md, 2).AddChildContent("x"))),
            (MudClasses.ItemXs12Md6, "DIV", () => (IRenderedComponent<IComponent>)(object)ctx.Render<MudItem>(p => p.Add(x => x.xs, 12).Add(x => x.md, 6).AddChildContent("x"))),
            (MudClasses.OutlinedPaperPa4, "DIV", () => (IRenderedComponent<IComponent>)(object)ctx.Render<MudPaper>(p => p.Add(x => x.Class, "pa-4").Add(x => x.Outlined, true).AddChildContent("x"))),
            (MudClasses.OutlinedPaperPa4Mb4, "DIV", () => (IRenderedComponent<IComponent>)(object)ctx.Render<MudPaper>(p => p.Add(x => x.Class, "pa-4 mb-4").Add(x => x.Outlined, true).AddChildContent("x"))),
            (MudClasses.OutlinedPaperPa3, "DIV", () => (IRenderedComponent<IComponent>)(object)ctx.Render<MudPaper>(p => p.Add(x => x.Class, "pa-3").Add(x => x.Outlined, true).AddChildContent("x"))),
            (MudClasses.RowSpaceBetweenWrap, "DIV", () => (IRenderedComponent<IComponent>)(object)ctx.Render<MudStack>(p => p.Add(x => x.Row, true)
                .Add(x => x.AlignItems, AlignItems.Center).Add(x => x.Justify, Justify.SpaceBetween).Add(x => x.Wrap, Wrap.Wrap).AddChildContent("x"))),
            (MudClasses.RowSpacing1, "DIV", () => (IRenderedComponent<IComponent>)(object)ctx.Render<MudStack>(p => p.Add(x => x.Row, true).Add(x => x.Spacing, 1).AddChildContent("x"))),
            (MudClasses.SmallFilledPrimaryButton, "BUTTON", () => (IRenderedComponent<IComponent>)(object)ctx.Render<MudButton>(p => p.Add(x => x.Size, Size.Small)
                .Add(x => x.Variant, Variant.Filled).Add(x => x.Color, Color.Primary).AddChildContent("x"))),
            (MudClasses.SmallOutlinedButton, "BUTTON", () => (IRenderedComponent<IComponent>)(object)ctx.Render<MudButton>(p => p.Add(x => x.Size, Size.Small)
                .Add(x => x.Variant, Variant.Outlined).AddChildContent("x"))),
        };

        foreach (var (plain, tag, render) in cases)
        {
            var root = render().Nodes.OfType<AngleSharp.Dom.IElement>().Single();
            Assert.Equal((tag, plain), (root.TagName, root.GetAttribute("class")));
        }
    }

    [Fact]
    public async Task A_button_written_with_its_classes_is_MudButtons_markup()
    {
        await using var ctx = new BunitContext();
        ctx.Services.AddMudServices();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;

        var component = ctx.Render<MudButton>(p => p.Add(x => x.Size, Size.Small).Add(x => x.Variant, Variant.Filled)
            .Add(x => x.Color, Color.Primary).AddChildContent("Give sign-off"));

        component.MarkupMatches($"""<button type="button" class="{MudClasses.SmallFilledPrimaryButton}"><span class="mud-button-label">Give sign-off</span></button>""");
    }
}
