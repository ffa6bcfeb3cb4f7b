using Bunit;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Dashboard;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Web.Components.Layout;
using ElearningRollout.Web.Components.Pages.Dashboard;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace ElearningRollout.Web.Tests.Components;

/// <summary>The sign-off dashboard's heatmap and its in-place sign-off actions.</summary>
public sealed class DashboardComponentTests
{
    private static readonly SignOffRow Ready = new(Guid.NewGuid(), Guid.NewGuid(), "ELR-0007", "Dealer academy", new DateOnly(2027, 1, 15));

    [Fact]
    public async Task The_heatmap_has_a_row_per_gate_kind_and_writes_every_count_with_the_colour_of_its_state()
    {
        await using var ctx = NewContext();
        var heatmap = ctx.Render<GateHeatmap>(p => p.Add(x => x.Cells,
        [
            new HeatmapCell(GateKind.SecurityReview, GateState.Submitted, 4),
            new HeatmapCell(GateKind.SecurityReview, GateState.Approved, 2),
            new HeatmapCell(GateKind.BudgetAgreement, GateState.Rejected, 1),
        ]));

        var rows = heatmap.FindAll("tbody tr");
        Assert.Equal(Enum.GetValues<GateKind>().Select(k => k.DisplayName()), rows.Select(r => r.QuerySelector("th")!.TextContent.Trim()));
        Assert.All(rows, r => Assert.Equal(Enum.GetValues<GateState>().Length, r.QuerySelectorAll("td").Length));
        var waiting = heatmap.Find("td[aria-label='Security review, Submitted: 4 rollouts']");
        Assert.Equal(("4", "heat-waiting"), (waiting.TextContent, waiting.ClassName));
        Assert.Equal("heat-cleared", heatmap.Find("td[aria-label='Security review, Approved: 2 rollouts']").ClassName);
        Assert.Equal("heat-rejected", heatmap.Find("td[aria-label='Budget agreement, Rejected: 1 rollouts']").ClassName);
        var empty = heatmap.Find("td[aria-label='Go-live sign-off, Draft: 0 rollouts']");
        Assert.Equal(("0", "heat-none"), (empty.TextContent, empty.ClassName));
    }

    [Fact]
    public async Task A_sign_off_the_rules_refuse_keeps_the_dialog_open_with_the_reason_and_the_note()
    {
        await using var ctx = NewContext();
        const string refusal = "Go-live sign-off needs every required gate cleared first; not yet cleared: Security review.";
        var changed = false;
        var dialogs = ctx.Render<DialogProvider>();
        var list = ctx.Render<SignOffList>(p => p
            .Add(x => x.Rows, [Ready])
            .Add(x => x.SignOff, (_, _) => throw new DomainException(refusal))
            .Add(x => x.Waive, (_, _) => Task.CompletedTask)
            .Add(x => x.Changed, () => changed = true));

        _ = Open(list, "Give sign-off");
        dialogs.WaitForElement(".mud-dialog textarea").Change("Looks ready to me.");
        await DialogButton(dialogs, "Give sign-off").ClickAsync(new());

        dialogs.WaitForAssertion(() => Assert.Contains(refusal, dialogs.Find("[data-testid=command-problem]").TextContent));
        Assert.Equal("Looks ready to me.", dialogs.Find(".mud-dialog textarea").GetAttribute("value") ?? dialogs.Find(".mud-dialog textarea").TextContent);
        Assert.False(changed);
    }

    [Fact]
    public async Task A_waiver_needs_a_rationale_and_a_refused_one_says_why()
    {
        await using var ctx = NewContext();
        const string refusal = "Only an executive can waive a gate.";
        var attempts = 0;
        var dialogs = ctx.Render<DialogProvider>();
        var list = ctx.Render<SignOffList>(p => p
            .Add(x => x.Rows, [Ready])
            .Add(x => x.SignOff, (_, _) => Task.CompletedTask)
            .Add(x => x.Waive, (_, _) =>
            {
                attempts++;
                throw new AccessRefusedException(refusal);
            }));

        _ = Open(list, "Waive");
        await DialogButton(dialogs, "Waive").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("Please give a reason.", dialogs.Markup));
        Assert.Equal(0, attempts);

        dialogs.Find(".mud-dialog textarea").Change("The vendor's audit covers it.");
        await DialogButton(dialogs, "Waive").ClickAsync(new());

        dialogs.WaitForAssertion(() => Assert.Contains(refusal, dialogs.Find("[data-testid=command-problem]").TextContent));
        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task A_sign_off_given_closes_the_dialog_and_tells_the_dashboard_to_reload()
    {
        await using var ctx = NewContext();
        (Guid Gate, string? Note)? given = null;
        var changed = false;
        var dialogs = ctx.Render<DialogProvider>();
        var list = ctx.Render<SignOffList>(p => p
            .Add(x => x.Rows, [Ready])
            .Add(x => x.SignOff, (row, note) =>
            {
                given = (row.GateId, note);
                return Task.CompletedTask;
            })
            .Add(x => x.Waive, (_, _) => Task.CompletedTask)
            .Add(x => x.Changed, () => changed = true));

        var opened = Open(list, "Give sign-off");
        await DialogButton(dialogs, "Give sign-off").ClickAsync(new());
        await opened;

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll(".mud-dialog")));
        Assert.Equal((Ready.GateId, (string?)null), given);
        Assert.True(changed);
    }

    // Not awaited by the tests that keep the dialog open: the click's handler waits for the dialog to close.
    private static Task Open(IRenderedComponent<SignOffList> list, string button) =>
        list.FindAll("button").First(b => b.TextContent.Trim() == button).ClickAsync(new());

    private static AngleSharp.Dom.IElement DialogButton(IRenderedComponent<DialogProvider> dialogs, string text)
    {
        dialogs.WaitForElement(".mud-dialog");
        return dialogs.FindAll(".mud-dialog .mud-dialog-actions button").Single(b => b.TextContent.Trim() == text);
    }

    private static BunitContext NewContext()
    {
        var ctx = new BunitContext();
        ctx.Services.AddMudServices();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        return ctx;
    }
}
