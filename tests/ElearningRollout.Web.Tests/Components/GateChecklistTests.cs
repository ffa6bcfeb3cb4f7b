using Bunit;
using Bunit.TestDoubles;
using ElearningRollout.Application.Gates;
using ElearningRollout.Application.Glossary;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Web.Components.Layout;
using ElearningRollout.Web.Components.Pages.Gates;
using ElearningRollout.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace ElearningRollout.Web.Tests.Components;

/// <summary>The gate checklist as Training fills it in and IT reads it.</summary>
public sealed class GateChecklistTests
{
    private static readonly GlossaryEntry Sso = new(Guid.NewGuid(), "Single sign-on (SSO)", "One corporate login opens the LMS.", Guid.NewGuid());

    [Fact]
    public async Task An_item_that_uses_a_glossary_term_shows_the_term_and_its_plain_definition()
    {
        await using var ctx = NewContext();

        var checklist = ctx.Render<GateChecklist>(p => p.Add(x => x.Items, [Item("Learners sign in through SSO", required: true, terms: [Sso])]));

        Assert.Equal("Single sign-on (SSO)", checklist.Find("[data-testid=term-chip]").TextContent.Trim());
        // The definition is in the page's text (a disclosure), not only in a tooltip that a keyboard or screen reader may never open.
        Assert.Equal("One corporate login opens the LMS.", checklist.Find("[data-testid=term-definition]").TextContent.Trim());
        Assert.Contains("What this term means", checklist.Find("details summary").TextContent);
    }

    [Fact]
    public async Task An_item_without_glossary_terms_shows_no_terms_section()
    {
        await using var ctx = NewContext();

        var checklist = ctx.Render<GateChecklist>(p => p.Add(x => x.Items, [Item("Subprocessors disclosed", required: false, terms: [])]));

        Assert.Empty(checklist.FindAll("[data-testid=item-terms]"));
    }

    [Fact]
    public async Task The_summary_says_how_many_required_items_still_stand_in_the_way_of_approval()
    {
        await using var ctx = NewContext();

        var checklist = ctx.Render<GateChecklist>(p => p.Add(x => x.Items,
        [
            Item("Data map filed", required: true, state: ChecklistItemState.Met),
            Item("DPA signed", required: true, state: ChecklistItemState.Failed),
            Item("Residency confirmed", required: true),
            Item("Retention rules set", required: false),
        ]));

        Assert.StartsWith("2 of 3 required items are still open or failed", checklist.Find("[data-testid=checklist-summary]").TextContent);
        Assert.Equal(["Met", "Failed", "Open", "Open"], checklist.FindAll("[data-testid=item-state]").Select(s => s.TextContent.Trim()));
    }

    [Fact]
    public async Task Only_someone_who_may_edit_the_checklist_gets_state_and_evidence_fields()
    {
        await using var ctx = NewContext();
        IReadOnlyList<ChecklistItemView> items = [Item("Data map filed", required: true)];

        var readOnly = ctx.Render<GateChecklist>(p => p.Add(x => x.Items, items).Add(x => x.CanEdit, false));
        var editable = ctx.Render<GateChecklist>(p => p.Add(x => x.Items, items).Add(x => x.CanEdit, true));

        Assert.DoesNotContain("Evidence for item 1", readOnly.Markup);
        Assert.Contains("Evidence for item 1", editable.Markup);
    }

    [Fact]
    public async Task Changed_items_are_marked_unsaved_and_one_save_sends_them_all_against_the_settings_seen()
    {
        await using var ctx = NewContext();
        var seenAt = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
        IReadOnlyList<ChecklistItemView> items =
        [
            Item("Data map filed", required: true, order: 1),
            Item("DPA signed", required: true, order: 2) with { State = ChecklistItemState.Failed, SetBy = "Tara Training", SetAt = seenAt },
            Item("Residency confirmed", required: true, order: 3),
        ];
        var saves = new List<IReadOnlyList<ChecklistItemChange>>();
        var checklist = ctx.Render<GateChecklist>(p => p.Add(x => x.Items, items).Add(x => x.CanEdit, true).Add(x => x.Save, changes =>
        {
            saves.Add(changes);
            return Task.FromResult(ChecklistSaveResult.Of(CommandOutcome.Success));
        }));
        Assert.True(checklist.Find("[data-testid=save-checklist]").HasAttribute("disabled"));

        await EvidenceOf(checklist, 1).InputAsync(new ChangeEventArgs { Value = "In the rollout folder" });
        await EvidenceOf(checklist, 2).InputAsync(new ChangeEventArgs { Value = "Signed on 1 Nov" });

        Assert.Equal(2, checklist.FindAll("[data-testid=item-unsaved]").Count);
        Assert.Equal("2 items have unsaved changes.", checklist.Find("[data-testid=checklist-unsaved]").TextContent.Trim());
        var save = checklist.Find("[data-testid=save-checklist]");
        Assert.Equal("Save 2 changes", save.TextContent.Trim());
        await save.ClickAsync(new());

        var sent = Assert.Single(saves);
        Assert.Equal(
            [(items[0].Id, ChecklistItemState.Open, "In the rollout folder", (DateTimeOffset?)null), (items[1].Id, ChecklistItemState.Failed, "Signed on 1 Nov", seenAt)],
            sent.Select(c => (c.ItemId, c.State, c.Evidence, c.SeenSetAt)));
    }

    [Fact]
    public async Task An_item_someone_else_set_meanwhile_is_marked_with_who_and_when_and_what_the_person_typed_stays()
    {
        await using var ctx = NewContext();
        var item = Item("DPA signed", required: true, order: 3);
        var theirs = new ChecklistItemConflict(item.Id, 3, "Alex Admin", new DateTimeOffset(2026, 11, 2, 9, 7, 0, TimeSpan.Zero), ChecklistItemState.Failed, "Not returned");
        var attempts = new List<IReadOnlyList<ChecklistItemChange>>();
        var checklist = ctx.Render<GateChecklist>(p => p.Add(x => x.Items, [item]).Add(x => x.CanEdit, true).Add(x => x.Save, changes =>
        {
            attempts.Add(changes);
            return Task.FromResult(attempts.Count == 1
                ? new ChecklistSaveResult(new CommandOutcome(CommandOutcomeKind.Conflict, "Alex Admin set item 3 at 2026-11-02 09:07 UTC."), [theirs])
                : ChecklistSaveResult.Of(CommandOutcome.Success));
        }));

        await EvidenceOf(checklist, 3).InputAsync(new ChangeEventArgs { Value = "Returned yesterday" });
        await checklist.Find("[data-testid=save-checklist]").ClickAsync(new());
        // The page refreshes the gate in place: the item now shows the other person's setting.
        checklist.Render(p => p.Add(x => x.Items, [item with { State = ChecklistItemState.Failed, Evidence = "Not returned", SetBy = "Alex Admin", SetAt = theirs.SetAt }]));

        var marked = checklist.Find("[data-testid=item-conflict]").TextContent;
        Assert.Contains("Alex Admin set this item at 2 Nov 2026, 09:07 UTC", marked);
        Assert.Contains("now Failed, evidence “Not returned”", marked);
        Assert.Single(checklist.FindAll("[data-testid=checklist-conflict]"));
        Assert.Equal("Returned yesterday", EvidenceOf(checklist, 3).GetAttribute("value"));
        Assert.Single(checklist.FindAll("[data-testid=item-unsaved]"));

        // Saving again goes over the setting the person has now been shown.
        await checklist.Find("[data-testid=save-checklist]").ClickAsync(new());
        Assert.Equal(theirs.SetAt, attempts[1].Single().SeenSetAt);
    }

    [Fact]
    public async Task Leaving_with_unsaved_changes_asks_first_and_staying_keeps_the_page()
    {
        await using var ctx = NewContext();
        var dialogs = ctx.Render<DialogProvider>();
        var navigation = ctx.Services.GetRequiredService<BunitNavigationManager>();
        var checklist = ctx.Render<GateChecklist>(p => p.Add(x => x.Items, [Item("Data map filed", required: true)]).Add(x => x.CanEdit, true)
            .Add(x => x.Save, _ => Task.FromResult(ChecklistSaveResult.Of(CommandOutcome.Success))));
        Assert.DoesNotContain(ctx.JSInterop.Invocations, i => i.Identifier == "Blazor._internal.NavigationLock.enableNavigationPrompt");
        await EvidenceOf(checklist, 1).InputAsync(new ChangeEventArgs { Value = "In the rollout folder" });

        navigation.NavigateTo("/rollouts");

        dialogs.WaitForAssertion(() => Assert.Contains("Leave without saving?", dialogs.Markup));
        Assert.Contains("1 item has unsaved changes.", dialogs.Markup);
        await dialogs.FindAll("button").Single(b => b.TextContent.Contains("Stay on this page")).ClickAsync(new());
        // The lock answers the navigation after the dialog closed, with no further render to wait on: wait for the answer.
        for (var waited = 0; navigation.History.Count == 0 && waited < 10_000; waited += 20)
        {
            await Task.Delay(20);
        }

        Assert.Equal(NavigationState.Prevented, navigation.History.First().State);
        Assert.Equal("In the rollout folder", EvidenceOf(checklist, 1).GetAttribute("value"));
        // Closing or reloading the tab asks too: the browser's own prompt, switched on through Blazor's navigation lock.
        Assert.Single(ctx.JSInterop.Invocations, i => i.Identifier == "Blazor._internal.NavigationLock.enableNavigationPrompt");
    }

    [Fact]
    public async Task The_disabled_save_says_why_and_a_read_only_checklist_says_why_not()
    {
        await using var ctx = NewContext();
        const string whyNot = "Only the rollout's training owner or an administrator can fill in and submit this gate.";

        var editable = ctx.Render<GateChecklist>(p => p.Add(x => x.Items, [Item("Data map filed", required: true)]).Add(x => x.CanEdit, true));
        var readOnly = ctx.Render<GateChecklist>(p => p.Add(x => x.Items, [Item("Data map filed", required: true)]).Add(x => x.WhyNotEdit, whyNot));

        var save = editable.Find("[data-testid=save-checklist]");
        Assert.True(save.HasAttribute("disabled"));
        var described = editable.Find($"#{save.GetAttribute("aria-describedby")}");
        Assert.Equal("Nothing to save yet: change an item's state or evidence first.", described.TextContent.Trim());
        Assert.Equal(whyNot, readOnly.Find("[data-testid=checklist-locked]").TextContent.Trim());
        Assert.Empty(readOnly.FindAll("[data-testid=save-checklist]"));
    }

    private static AngleSharp.Dom.IElement EvidenceOf(IRenderedComponent<GateChecklist> checklist, int order)
    {
        var label = checklist.FindAll("label").Single(l => l.TextContent.Trim() == $"Evidence for item {order}");
        return checklist.Find($"input#{label.GetAttribute("for")}");
    }

    private static ChecklistItemView Item(
        string text, bool required, ChecklistItemState state = ChecklistItemState.Open, IReadOnlyList<GlossaryEntry>? terms = null, int order = 1)
        => new(Guid.NewGuid(), order, text, required, state, null, null, null, terms ?? []);

    private static BunitContext NewContext()
    {
        var ctx = new BunitContext();
        ctx.Services.AddMudServices();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        return ctx;
    }
}
