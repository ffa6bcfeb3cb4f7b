using AngleSharp.Dom;
using Bunit;
using ElearningRollout.Application.Common;
using ElearningRollout.Domain.Common;
using ElearningRollout.Web.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using MudBlazor.Services;

namespace ElearningRollout.Web.Tests.Components;

/// <summary>
/// The user menu is a menu button written as MudBlazor's markup (docs/performance.md, "Capacity"): closed it is one button
/// that looks like MudMenu's; open it names the person and their roles, and works from the keyboard as a menu does.
/// </summary>
public sealed class UserMenuTests
{
    [Fact]
    public async Task Closed_it_is_MudMenus_button_and_open_it_names_the_person_and_their_roles()
    {
        await using var ctx = NewContext();
        var menu = ctx.Render<UserMenu>();
        var mudMenu = ctx.Render<MudMenu>(p => p.Add(x => x.AnchorOrigin, Origin.BottomRight).Add(x => x.TransformOrigin, Origin.TopRight)
            .Add(x => x.Label, "Tara Training").Add(x => x.StartIcon, Icons.Material.Filled.AccountCircle).Add(x => x.Color, Color.Inherit)
            .Add(x => x.Variant, Variant.Text).AddChildContent("<p>x</p>"));

        var button = menu.Find("[data-testid=user-menu] > button");
        var theirs = mudMenu.Find(".mud-menu > button");
        Assert.Equal(theirs.GetAttribute("class"), button.GetAttribute("class"));
        Assert.Equal(theirs.InnerHtml, button.InnerHtml);
        Assert.Equal(("menu", "false"), (button.GetAttribute("aria-haspopup"), button.GetAttribute("aria-expanded")));
        Assert.Empty(menu.FindAll("[role=menu]"));

        await menu.InvokeAsync(() => button.Click());

        Assert.Equal("true", menu.Find("[data-testid=user-menu] > button").GetAttribute("aria-expanded"));
        Assert.Equal("Training manager, IT lead", menu.Find("[data-testid=user-roles]").TextContent);
        Assert.Equal(["Your account", "Sign out"], menu.FindAll("[role=menuitem]").Select(i => i.TextContent.Trim()));
        Assert.Equal("post", menu.Find("form.sign-out-form").GetAttribute("method"));
        Assert.Equal(menu.Find("[role=menuitem]").GetAttribute("blazor:elementReference"), LastFocused(ctx));
    }

    [Fact]
    public async Task The_arrow_keys_move_between_items_escape_closes_and_returns_to_the_button_and_a_click_outside_closes()
    {
        await using var ctx = NewContext();
        var menu = ctx.Render<UserMenu>();
        // bUnit writes an element's reference on the render that creates it (later renders leave it blank).
        var button = menu.Find("[data-testid=user-menu] > button").GetAttribute("blazor:elementReference");
        await menu.InvokeAsync(() => menu.Find("[data-testid=user-menu] > button").Click());
        var items = menu.FindAll("[role=menuitem]").Select(i => i.GetAttribute("blazor:elementReference")).ToList();
        string? Item(int index) => items[index];

        await menu.InvokeAsync(() => menu.Find("[data-testid=user-menu]").KeyDown(new KeyboardEventArgs { Key = "ArrowDown" }));
        Assert.Equal(Item(1), LastFocused(ctx));
        await menu.InvokeAsync(() => menu.Find("[data-testid=user-menu]").KeyDown(new KeyboardEventArgs { Key = "ArrowDown" }));
        Assert.Equal(Item(0), LastFocused(ctx));
        await menu.InvokeAsync(() => menu.Find("[data-testid=user-menu]").KeyDown(new KeyboardEventArgs { Key = "End" }));
        Assert.Equal(Item(1), LastFocused(ctx));

        await menu.InvokeAsync(() => menu.Find("[data-testid=user-menu]").KeyDown(new KeyboardEventArgs { Key = "Escape" }));
        Assert.Empty(menu.FindAll("[role=menu]"));
        Assert.Equal(button, LastFocused(ctx));

        await menu.InvokeAsync(() => menu.Find("[data-testid=user-menu] > button").Click());
        await menu.InvokeAsync(() => menu.Find(".user-menu-away").Click());
        Assert.Empty(menu.FindAll("[role=menu]"));
        Assert.Equal("false", menu.Find("[data-testid=user-menu] > button").GetAttribute("aria-expanded"));
    }

    [Fact]
    public async Task Nobody_signed_in_has_no_menu()
    {
        await using var ctx = NewContext(signedIn: false);

        Assert.Empty(ctx.Render<UserMenu>().FindAll("[data-testid=user-menu]"));
    }

    private static string? LastFocused(BunitContext ctx) =>
        ctx.JSInterop.Invocations.Where(i => i.Identifier == "Blazor._internal.domWrapper.focus")
            .Select(i => ((ElementReference)i.Arguments[0]!).Id).LastOrDefault();

    private static BunitContext NewContext(bool signedIn = true)
    {
        var ctx = new BunitContext();
        ctx.Services.AddMudServices();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        var auth = ctx.AddAuthorization();
        if (signedIn)
        {
            auth.SetAuthorized("Tara Training");
            auth.SetRoles(Roles.TrainingManager, Roles.ItLead);
        }
        else
        {
            auth.SetNotAuthorized();
        }

        return ctx;
    }
}
