using Bunit;
using ElearningRollout.Application.Gates;
using ElearningRollout.Application.Glossary;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Web.Components.Pages.Gates;
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

    private static ChecklistItemView Item(
        string text, bool required, ChecklistItemState state = ChecklistItemState.Open, IReadOnlyList<GlossaryEntry>? terms = null)
        => new(Guid.NewGuid(), 1, text, required, state, null, null, null, terms ?? []);

    private static BunitContext NewContext()
    {
        var ctx = new BunitContext();
        ctx.Services.AddMudServices();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        return ctx;
    }
}
