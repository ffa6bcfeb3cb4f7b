using Bunit;
using ElearningRollout.Web.Components.Shared;
using ElearningRollout.Application.Vendors.Selection;
using ElearningRollout.Web.Components.Pages.Rollouts.VendorSelection;
using MudBlazor.Services;

namespace ElearningRollout.Web.Tests.Components;

/// <summary>Issue 19 "Daily use", item 7 on the vendor selection: a disabled action says why, in the rule's words.</summary>
public sealed class VendorSelectionComponentTests
{
    [Fact]
    public async Task The_last_criterion_cannot_be_removed_and_its_button_says_why()
    {
        await using var ctx = NewContext();
        var draft = new CriteriaDraft { Criteria = [new CriterionDraft { Name = "Price", Weight = 100 }] };

        var editor = ctx.Render<CriteriaEditor>(p => p
            .Add(x => x.Draft, draft)
            .Add(x => x.Save, _ => Task.FromResult(CommandOutcome.Success)));

        var remove = editor.Find("button[aria-label='Remove criterion 1']");
        Assert.True(remove.HasAttribute("disabled"));
        var why = editor.Find($"#{remove.GetAttribute("aria-describedby")}");
        Assert.Equal("Keep at least one criterion.", why.TextContent.Trim());
    }

    [Fact]
    public async Task With_two_criteria_either_may_be_removed_and_no_reason_is_given()
    {
        await using var ctx = NewContext();
        var draft = new CriteriaDraft
        {
            Criteria = [new CriterionDraft { Name = "Price", Weight = 60 }, new CriterionDraft { Name = "Quality", Weight = 40 }],
        };

        var editor = ctx.Render<CriteriaEditor>(p => p
            .Add(x => x.Draft, draft)
            .Add(x => x.Save, _ => Task.FromResult(CommandOutcome.Success)));

        var remove = editor.Find("button[aria-label='Remove criterion 1']");
        Assert.False(remove.HasAttribute("disabled"));
        Assert.Empty(editor.FindAll("[data-testid=disabled-reason]"));
    }

    private static BunitContext NewContext()
    {
        var ctx = new BunitContext();
        ctx.Services.AddMudServices();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        return ctx;
    }
}
