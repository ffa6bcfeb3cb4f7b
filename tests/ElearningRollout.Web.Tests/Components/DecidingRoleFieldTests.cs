using Bunit;
using ElearningRollout.Domain.Common;
using ElearningRollout.Web.Components.Pages.Admin.Templates;
using MudBlazor;
using MudBlazor.Services;

namespace ElearningRollout.Web.Tests.Components;

/// <summary>The approval policy editor's "Who decides" field on /admin/templates.</summary>
public sealed class DecidingRoleFieldTests
{
    [Fact]
    public async Task It_offers_IT_leads_and_executives_and_hands_back_the_role_picked()
    {
        await using var ctx = NewContext();
        var popovers = ctx.Render<MudPopoverProvider>();
        string? picked = null;
        var field = ctx.Render<DecidingRoleField>(p => p
            .Add(x => x.Value, Roles.Executive)
            .Add(x => x.ValueChanged, role => picked = role));

        Assert.Contains("Who decides", field.Markup);

        // MudSelect opens on mouse down, as in a browser.
        field.Find("div.mud-input-control").MouseDown();
        popovers.WaitForAssertion(() => Assert.Equal(
            ["IT leads", "Executives"], popovers.FindAll(".mud-list-item").Select(i => i.TextContent.Trim()).ToList()));
        Press(popovers.FindAll(".mud-list-item").Single(i => i.TextContent.Trim() == "IT leads"));

        field.WaitForAssertion(() => Assert.Equal(Roles.ItLead, picked));
    }

    [Fact]
    public async Task The_servers_refusal_shows_beside_the_field()
    {
        await using var ctx = NewContext();
        var field = ctx.Render<DecidingRoleField>(p => p
            .Add(x => x.Value, Roles.ItLead)
            .Add(x => x.Error, "Go-live sign-off signs off the whole rollout, so executives decide it."));

        Assert.Equal(
            "Go-live sign-off signs off the whole rollout, so executives decide it.",
            field.Find(".mud-input-helper-text.mud-input-error").TextContent.Trim());
    }

    /// <summary>Picks a list item the way its handler listens (a click, or a mouse down in some MudBlazor versions).</summary>
    private static void Press(AngleSharp.Dom.IElement item)
    {
        try
        {
            item.Click();
        }
        catch (MissingEventHandlerException)
        {
            item.MouseDown();
        }
    }

    private static BunitContext NewContext()
    {
        var ctx = new BunitContext();
        ctx.Services.AddMudServices();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        return ctx;
    }
}
