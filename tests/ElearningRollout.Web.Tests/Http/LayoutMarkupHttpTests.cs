using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Bunit;
using ElearningRollout.Tests.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using MudBlazor.Services;

namespace ElearningRollout.Web.Tests.Http;

/// <summary>
/// The app bar, the bell, the page's frame and the rollout list's heading are written as MudBlazor's markup instead of a component per piece
/// (every circuit kept them: docs/performance.md, "Capacity"). The real page, as the server sends it, must be what the
/// MudBlazor components render with the same settings, so a MudBlazor update that changes them fails here.
/// </summary>
public sealed class LayoutMarkupHttpTests(ProductAppFactory app) : IClassFixture<ProductAppFactory>
{
    [Fact]
    public async Task The_app_bar_bell_page_frame_and_list_heading_are_MudBlazors_own_markup()
    {
        var client = await SignedInClient.SignInAsync(app, DemoLogins.Training);
        var page = new HtmlParser().ParseDocument(await client.GetStringAsync("/rollouts"));
        // Prerendering writes Blazor's event flags (stopPropagation) as __internal_ attributes; bUnit's are ignored.
        foreach (var element in page.All)
        {
            foreach (var flag in element.Attributes.Where(a => a.Name.StartsWith("__internal_", StringComparison.Ordinal)).ToList())
            {
                element.RemoveAttribute(flag.Name);
            }
        }

        await using var ctx = new BunitContext();
        ctx.Services.AddMudServices();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;

        var appBar = ctx.Render(builder =>
        {
            builder.OpenComponent<MudAppBar>(0);
            builder.AddAttribute(1, nameof(MudAppBar.Elevation), 1);
            builder.AddAttribute(2, nameof(MudAppBar.Dense), false);
            builder.AddAttribute(3, nameof(MudAppBar.ChildContent), (RenderFragment)(bar =>
            {
                IconButton(bar, Icons.Material.Filled.Menu, "Open or close the navigation", edge: Edge.Start);
                bar.OpenComponent<MudText>(10);
                bar.AddAttribute(11, nameof(MudText.Typo), Typo.h6);
                bar.AddAttribute(12, nameof(MudText.Class), "ml-2");
                bar.AddAttribute(13, nameof(MudText.ChildContent), (RenderFragment)(text => text.AddContent(0, "ElearningRollout")));
                bar.CloseComponent();
                bar.OpenComponent<MudSpacer>(14);
                bar.CloseComponent();
                IconButton(bar, Icons.Material.Filled.DarkMode, "Switch to dark theme", title: "Switch to dark theme");
            }));
            builder.CloseComponent();
        });
        var header = page.QuerySelector("header.mud-appbar")!;
        var toolbar = header.Children.Single();
        var theirs = appBar.Find("header");
        Assert.Equal(theirs.GetAttribute("class"), header.GetAttribute("class"));
        Assert.Equal((theirs.Children.Single().GetAttribute("role"), theirs.Children.Single().GetAttribute("class")),
            (toolbar.GetAttribute("role"), toolbar.GetAttribute("class")));
        // The two buttons, the title and the spacer; the bell and the user menu follow.
        var expected = theirs.Children.Single().Children;
        Assert.Equal(4, expected.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            toolbar.Children[i].MarkupMatches(expected[i].OuterHtml);
        }

        var bell = toolbar.QuerySelector("span.mud-badge-root")!;
        var unread = bell.QuerySelector(".mud-badge")?.TextContent;
        var label = unread is null ? "Notifications, none unread" : $"Notifications, {unread} unread";
        var badge = ctx.Render<MudBadge>(p => p.Add(x => x.Content, unread is null ? 0 : int.Parse(unread))
            .Add(x => x.Visible, unread is not null).Add(x => x.Max, 99).Add(x => x.Color, Color.Error).Add(x => x.Overlap, true)
            .Add(x => x.Bordered, true).Add(x => x.BadgeAriaLabel, label).Add(x => x.Class, "mx-1")
            .Add(x => x.ChildContent, (RenderFragment)(content => IconButton(content, Icons.Material.Filled.Notifications, label, href: "/notifications",
                testId: "notification-bell"))));
        bell.MarkupMatches(badge.Markup);

        var heading = ctx.Render(builder =>
        {
            builder.OpenComponent<MudStack>(0);
            builder.AddAttribute(1, nameof(MudStack.Row), true);
            builder.AddAttribute(2, nameof(MudStack.AlignItems), AlignItems.Center);
            builder.AddAttribute(3, nameof(MudStack.Justify), Justify.SpaceBetween);
            builder.AddAttribute(4, nameof(MudStack.Wrap), Wrap.Wrap);
            builder.AddAttribute(5, nameof(MudStack.Class), "mb-4");
            builder.AddAttribute(6, nameof(MudStack.ChildContent), (RenderFragment)(stack =>
            {
                stack.OpenComponent<MudText>(0);
                stack.AddAttribute(1, nameof(MudText.Typo), Typo.h4);
                stack.AddAttribute(2, nameof(MudText.HtmlTag), "h1");
                stack.AddAttribute(3, nameof(MudText.ChildContent), (RenderFragment)(text => text.AddContent(0, "Rollouts")));
                stack.CloseComponent();
                stack.OpenComponent<MudButton>(4);
                stack.AddAttribute(5, nameof(MudButton.Href), "/rollouts/new");
                stack.AddAttribute(6, nameof(MudButton.Variant), Variant.Filled);
                stack.AddAttribute(7, nameof(MudButton.Color), Color.Primary);
                stack.AddAttribute(8, nameof(MudButton.StartIcon), Icons.Material.Filled.Add);
                stack.AddAttribute(9, nameof(MudButton.ChildContent), (RenderFragment)(text => text.AddContent(0, "New rollout")));
                stack.CloseComponent();
            }));
            builder.CloseComponent();
        });
        page.QuerySelector("h1")!.ParentElement!.MarkupMatches(heading.Markup);

        // The page's frame: MudMainContent around MudContainer.
        var frame = ctx.Render(builder =>
        {
            builder.OpenComponent<MudMainContent>(0);
            builder.AddAttribute(1, nameof(MudMainContent.Class), "pt-16");
            builder.AddAttribute(2, nameof(MudMainContent.ChildContent), (RenderFragment)(main =>
            {
                main.OpenComponent<MudContainer>(0);
                main.AddAttribute(1, nameof(MudContainer.MaxWidth), MaxWidth.ExtraLarge);
                main.AddAttribute(2, nameof(MudContainer.Class), "py-4");
                main.CloseComponent();
            }));
            builder.CloseComponent();
        });
        var main = frame.Find("div");
        var ours = page.QuerySelector("div.mud-main-content")!;
        Assert.Equal((main.GetAttribute("class"), main.Children.Single().TagName, main.Children.Single().GetAttribute("class")),
            (ours.GetAttribute("class"), ours.Children.Single().TagName, ours.Children.Single().GetAttribute("class")));
    }

    private static void IconButton(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder, string icon, string label,
        Edge edge = Edge.False, string? title = null, string? href = null, string? testId = null)
    {
        builder.OpenComponent<MudIconButton>(0);
        builder.AddAttribute(1, nameof(MudIconButton.Icon), icon);
        builder.AddAttribute(2, nameof(MudIconButton.Color), Color.Inherit);
        builder.AddAttribute(3, nameof(MudIconButton.Edge), edge);
        builder.AddAttribute(4, "aria-label", label);
        if (title is not null)
        {
            builder.AddAttribute(5, "title", title);
        }

        if (href is not null)
        {
            builder.AddAttribute(6, nameof(MudIconButton.Href), href);
        }

        if (testId is not null)
        {
            builder.AddAttribute(7, "data-testid", testId);
        }

        builder.CloseComponent();
    }
}
