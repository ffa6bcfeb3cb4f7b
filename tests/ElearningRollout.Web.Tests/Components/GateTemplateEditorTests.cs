using Bunit;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Templates;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Rollouts;
using ElearningRollout.Web.Components.Layout;
using ElearningRollout.Web.Components.Pages.Admin.Templates;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace ElearningRollout.Web.Tests.Components;

/// <summary>The gate template editor of /admin/templates, before anything is published.</summary>
public sealed class GateTemplateEditorTests
{
    private static readonly GateTemplateView Budget = new(
        GateKind.BudgetAgreement,
        PhaseKind.Initiation,
        InvolvementProfiles.All,
        OnlyWhenVendorInvolved: false,
        TemplateVersion: 3,
        PublishedAt: DateTimeOffset.UnixEpoch,
        PublishedBy: "Alex Admin",
        Version: Guid.NewGuid(),
        Items:
        [
            new(Guid.NewGuid(), "Every cost line split", true, AgreementFact.EveryLineCategorisedAndSplit),
            new(Guid.NewGuid(), "CapEx or OpEx set", false, null),
            new(Guid.NewGuid(), "Exit costs priced", false, null),
        ],
        RolloutsOnOlderVersions: 0);

    private int _published;

    [Fact]
    public async Task Items_move_up_and_down_with_buttons_and_the_move_is_announced()
    {
        await using var ctx = NewContext();
        var editor = Render(ctx);

        editor.Find("button[aria-label='Move item 3 up']").Click();

        Assert.Equal(["Every cost line split", "Exit costs priced", "CapEx or OpEx set"], Texts(editor));
        Assert.Equal("Item 3 moved up to position 2.", editor.Find("[data-testid=editor-announcement]").TextContent);
        Assert.True(editor.Find("button[aria-label='Move item 1 up']").HasAttribute("disabled"));
        Assert.True(editor.Find("button[aria-label='Move item 3 down']").HasAttribute("disabled"));
    }

    [Fact]
    public async Task An_item_that_follows_the_agreement_cannot_be_removed_or_made_optional_but_others_can()
    {
        await using var ctx = NewContext();
        var editor = Render(ctx);

        Assert.True(editor.Find("button[aria-label='Remove item 1']").HasAttribute("disabled"));
        editor.Find("button[aria-label='Remove item 2']").Click();

        Assert.Equal(["Every cost line split", "Exit costs priced"], Texts(editor));
        Assert.Contains("Follows the cost-sharing agreement", editor.Markup);
    }

    [Fact]
    public async Task Publishing_an_empty_or_repeated_item_shows_the_message_beside_it_and_publishes_nothing()
    {
        await using var ctx = NewContext();
        var editor = Render(ctx);
        editor.FindAll("button").Single(b => b.TextContent.Trim() == "Add an item").Click();
        editor.FindAll("button").Single(b => b.TextContent.Trim() == "Add an item").Click();
        editor.FindAll("textarea")[4].Change("capex or opex set");

        editor.FindAll("button").Single(b => b.TextContent.Trim() == "Publish version 4").Click();

        // The editor clears its messages and renders before it checks again, so they arrive a render later.
        editor.WaitForAssertion(() => Assert.Equal(
            ["Enter the item's text, or remove the item.", "This repeats item 2; each item must be different."],
            editor.FindAll(".mud-input-helper-text.mud-input-error").Select(e => e.TextContent.Trim())));
        Assert.Contains("Some of what you entered needs a change.", editor.Find("[data-testid=command-problem]").TextContent);
        Assert.Equal(0, _published);
    }

    [Fact]
    public async Task Unticking_every_profile_is_refused_with_a_message_under_the_profiles()
    {
        await using var ctx = NewContext();
        var editor = Render(ctx);
        foreach (var box in editor.FindAll("input[type=checkbox]").Take(3).ToList())
        {
            box.Change(false);
        }

        editor.FindAll("button").Single(b => b.TextContent.Trim() == "Publish version 4").Click();

        editor.WaitForAssertion(() => Assert.StartsWith("Choose at least one IT involvement profile", editor.Find("[data-testid=field-error]").TextContent.Trim()));
        Assert.Equal(0, _published);
    }

    [Fact]
    public async Task Publishing_asks_for_confirmation_and_a_conflict_keeps_the_edit_and_says_who_published_first()
    {
        await using var ctx = NewContext();
        var dialogs = ctx.Render<DialogProvider>();
        Guid? sentVersion = null;
        var editor = ctx.Render<GateTemplateEditor>(p => p
            .Add(x => x.Template, Budget)
            .Add(x => x.Publish, (_, version) =>
            {
                sentVersion = version;
                throw new ConcurrencyConflictException("Alex Admin changed this gate template at 2026-11-02 09:00 UTC while you were working on it.");
            }));
        editor.FindAll("textarea")[2].Change("Exit and decommissioning costs priced");

        editor.FindAll("button").Single(b => b.TextContent.Trim() == "Publish version 4").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Publish version 4 of the Budget agreement template?", dialogs.Markup));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Publish").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("Someone else changed this first.", dialogs.Markup));
        Assert.Contains("Alex Admin changed this gate template", dialogs.Markup);
        Assert.Equal(Budget.Version, sentVersion);
        Assert.Equal("Exit and decommissioning costs priced", Texts(editor)[2]);
    }

    private IRenderedComponent<GateTemplateEditor> Render(BunitContext ctx) => ctx.Render<GateTemplateEditor>(p => p
        .Add(x => x.Template, Budget)
        .Add(x => x.Publish, (_, _) => Task.FromResult(++_published)));

    private static List<string> Texts(IRenderedComponent<GateTemplateEditor> editor)
        => [.. editor.FindAll("textarea").Select(t => t.GetAttribute("value") ?? t.TextContent)];

    private static BunitContext NewContext()
    {
        var ctx = new BunitContext();
        ctx.Services.AddMudServices();
        ctx.Services.AddSingleton<GateTemplateDraftValidator>();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        return ctx;
    }
}
