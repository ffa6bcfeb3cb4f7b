using Bunit;
using ElearningRollout.Domain.Common;
using ElearningRollout.Web.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace ElearningRollout.Web.Tests.Components;

/// <summary>The drawer shows each person the places their roles open, and nothing else.</summary>
public sealed class NavMenuTests
{
    [Fact]
    public async Task A_training_manager_sees_rollouts_glossary_and_notifications_but_not_users_or_the_review_queue()
    {
        await using var ctx = NewContext();
        var auth = ctx.AddAuthorization();
        auth.SetAuthorized("Tara Training");
        auth.SetRoles(Roles.TrainingManager);

        var links = NavLinks(ctx.Render<NavMenu>());

        Assert.Equal([("Home", "/"), ("Rollouts", "/rollouts"), ("Sign-off dashboard", "/dashboard"), ("Vendors", "/vendors"), ("IT workload", "/workload"), ("Glossary", "/glossary"), ("Notifications", "/notifications")], links);
    }

    [Fact]
    public async Task An_administrator_also_sees_the_review_queue_and_users()
    {
        await using var ctx = NewContext();
        var auth = ctx.AddAuthorization();
        auth.SetAuthorized("Alex Admin");
        auth.SetRoles(Roles.Administrator);

        var links = NavLinks(ctx.Render<NavMenu>());

        Assert.Equal(
            [("Home", "/"), ("Rollouts", "/rollouts"), ("Sign-off dashboard", "/dashboard"), ("Vendors", "/vendors"), ("Review queue", "/reviews"), ("IT workload", "/workload"), ("Glossary", "/glossary"),
                ("Notifications", "/notifications"), ("Users", "/admin/users"), ("Departments", "/admin/departments"), ("Templates", "/admin/templates"), ("SCIM provisioning", "/admin/scim"), ("Holidays", "/admin/holidays"), ("Webhooks", "/admin/webhooks"), ("Audit log", "/admin/audit")],
            links);
    }

    [Theory]
    [InlineData(Roles.ItLead)]
    [InlineData(Roles.Executive)]
    public async Task Other_roles_do_not_see_the_administration_pages(string role)
    {
        await using var ctx = NewContext();
        var auth = ctx.AddAuthorization();
        auth.SetAuthorized("Someone");
        auth.SetRoles(role);

        var links = NavLinks(ctx.Render<NavMenu>());

        Assert.DoesNotContain(links, link => link.Href == "/admin/users");
        Assert.Contains(("Rollouts", "/rollouts"), links);
    }

    [Fact]
    public async Task Nobody_signed_in_sees_no_places_at_all()
    {
        await using var ctx = NewContext();
        var auth = ctx.AddAuthorization();
        auth.SetNotAuthorized();

        var links = NavLinks(ctx.Render<NavMenu>());

        Assert.Empty(links);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/rollouts")]
    [InlineData("/rollouts/ELR-0001")]
    [InlineData("/dashboard?health=AtRisk")]
    [InlineData("/glossary#vpn")]
    public async Task The_menu_is_MudNavLinks_own_markup_with_the_place_one_is_on_marked_active(string address)
    {
        await using var ctx = NewContext();
        var auth = ctx.AddAuthorization();
        auth.SetAuthorized("Tara Training");
        auth.SetRoles(Roles.TrainingManager);
        var menu = ctx.Render<NavMenu>();

        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo(address);

        // What the menu rendered as one MudNavLink per place (NavLink deciding which is active), before it was trimmed.
        var entries = NavigationCatalog.Entries.Where(e => e.IsAllowedFor(role => role == Roles.TrainingManager)).ToList();
        var mudNavLinks = ctx.Render(builder =>
        {
            builder.OpenComponent<MudNavMenu>(0);
            builder.AddAttribute(1, "aria-label", "Main navigation");
            builder.AddAttribute(2, nameof(MudNavMenu.ChildContent), (RenderFragment)(links =>
            {
                foreach (var entry in entries)
                {
                    links.OpenComponent<MudNavLink>(3);
                    links.AddAttribute(4, nameof(MudNavLink.Href), entry.Href);
                    links.AddAttribute(5, nameof(MudNavLink.Icon), entry.Icon);
                    links.AddAttribute(6, nameof(MudNavLink.Match), entry.Href == "/" ? NavLinkMatch.All : NavLinkMatch.Prefix);
                    links.AddAttribute(7, nameof(MudNavLink.ChildContent), (RenderFragment)(text => text.AddContent(0, entry.Title)));
                    links.CloseComponent();
                }
            }));
            builder.CloseComponent();
        });

        menu.WaitForAssertion(() => menu.MarkupMatches(mudNavLinks.Markup));
        Assert.Single(menu.FindAll("a.active"));
    }

    private static BunitContext NewContext()
    {
        var ctx = new BunitContext();
        ctx.Services.AddMudServices();
        // MudBlazor calls into its own JS for ripples and focus; none of it matters for what is listed.
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        return ctx;
    }

    private static List<(string Title, string Href)> NavLinks(IRenderedComponent<NavMenu> menu)
        => [.. menu.FindAll("a.mud-nav-link").Select(a => (a.TextContent.Trim(), a.GetAttribute("href") ?? ""))];
}
