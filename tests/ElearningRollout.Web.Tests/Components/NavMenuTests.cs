using Bunit;
using ElearningRollout.Domain.Common;
using ElearningRollout.Web.Components.Layout;
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
