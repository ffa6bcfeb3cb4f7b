using Bunit;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Gates;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Web.Components.Pages.Gates;
using ElearningRollout.Web.Components.Shared;
using ElearningRollout.Web.Hosting.Cluster;
using ElearningRollout.Web.Tests.Components.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace ElearningRollout.Web.Tests.Components;

/// <summary>The reviewer's decision panel on the gate page.</summary>
public sealed class DecisionPanelTests
{
    [Fact]
    public async Task A_decision_the_gate_refuses_shows_the_reason_the_application_gave()
    {
        await using var ctx = NewContext();
        const string refusal = "The gate cannot be approved while a required checklist item is open or failed.";
        var panel = ctx.Render<DecisionPanel>(p => p
            .Add(x => x.Kind, GateKind.SecurityReview)
            .Add(x => x.Decide, _ => CommandRunner.RunAsync(() => throw new DomainException(refusal))));

        await panel.Find("[data-testid=record-decision]").ClickAsync(new());

        panel.WaitForAssertion(() => Assert.Contains(refusal, panel.Find("[data-testid=command-problem]").TextContent));
    }

    [Fact]
    public async Task When_someone_else_decided_first_it_is_said_once_the_rationale_stays_and_the_decision_is_disabled_with_the_reason()
    {
        await using var ctx = NewContext();
        const string overtaken = "Iris Infra decided this gate first (Approved, 2 Nov 2026, 09:07 UTC), so your decision was not saved.";
        const string whyNot = "This gate is already cleared; it can no longer change.";
        var panel = ctx.Render<DecisionPanel>(p => p
            .Add(x => x.Kind, GateKind.SecurityReview)
            .Add(x => x.Decide, _ => CommandRunner.RunAsync(() =>
                throw new ConcurrencyConflictException("Iris Infra changed this clearance gate at 2026-11-02 09:07 UTC while you were working on it."))));

        await panel.Find("textarea").ChangeAsync(new() { Value = "Pen test findings are all low." });
        await panel.Find("[data-testid=record-decision]").ClickAsync(new());
        // The page refreshes the gate in place and hands the panel what happened and why it no longer applies.
        panel.Render(p => p.Add(x => x.CanDecide, false).Add(x => x.WhyNot, whyNot).Add(x => x.Overtaken, overtaken));

        Assert.Equal(overtaken, panel.Find("[data-testid=decision-conflict]").TextContent.Trim());
        Assert.Empty(panel.FindAll("[data-testid=command-problem]"));
        Assert.Single(panel.FindAll(".mud-alert"));
        Assert.DoesNotContain(panel.FindAll("button"), b => b.TextContent.Contains("Reload"));
        var decide = panel.Find("[data-testid=record-decision]");
        Assert.True(decide.HasAttribute("disabled"));
        Assert.Equal(whyNot, panel.Find($"#{decide.GetAttribute("aria-describedby")}").TextContent.Trim());
        Assert.Equal("Pen test findings are all low.", panel.Find("textarea").GetAttribute("value") ?? panel.Find("textarea").TextContent);
    }

    [Fact]
    public async Task A_decision_that_is_not_the_persons_to_make_is_disabled_with_the_applications_reason()
    {
        await using var ctx = NewContext();
        const string whyNot = "You submitted this gate for review, so someone else must decide it.";

        var panel = ctx.Render<DecisionPanel>(p => p
            .Add(x => x.Kind, GateKind.SecurityReview).Add(x => x.CanDecide, false).Add(x => x.WhyNot, whyNot)
            .Add(x => x.Decide, _ => Task.FromResult(CommandOutcome.Success)));

        var decide = panel.Find("[data-testid=record-decision]");
        Assert.True(decide.HasAttribute("disabled"));
        Assert.Equal(whyNot, panel.Find($"#{decide.GetAttribute("aria-describedby")}").TextContent.Trim());
        Assert.Empty(panel.FindAll("[data-testid=decision-conflict]"));
    }

    [Fact]
    public async Task Go_live_sign_off_offers_only_giving_sign_off_or_rejecting()
    {
        await using var ctx = NewContext();

        var panel = ctx.Render<DecisionPanel>(p => p
            .Add(x => x.Kind, GateKind.GoLiveSignOff)
            .Add(x => x.Decide, _ => Task.FromResult(CommandOutcome.Success)));

        var choices = panel.FindAll(".mud-radio").Select(r => r.TextContent.Trim()).ToList();
        Assert.Equal(["Give go-live sign-off", "Reject"], choices);
        Assert.Equal("Give go-live sign-off", panel.Find("[data-testid=record-decision]").TextContent.Trim());
    }

    [Fact]
    public async Task A_rejection_without_a_rationale_is_not_sent()
    {
        await using var ctx = NewContext();
        var sent = false;
        var panel = ctx.Render<DecisionPanel>(p => p
            .Add(x => x.Kind, GateKind.SecurityReview)
            .Add(x => x.Decide, _ =>
            {
                sent = true;
                return Task.FromResult(CommandOutcome.Success);
            }));

        await panel.FindAll("input[type=radio]")[2].ClickAsync(new());
        await panel.Find("[data-testid=record-decision]").ClickAsync(new());

        panel.WaitForAssertion(() => Assert.Contains("Write why: a rejection or conditions need a rationale.", panel.Markup));
        Assert.False(sent);
    }

    [Fact]
    public async Task What_the_reviewer_writes_is_kept_in_the_tab_and_comes_back_on_a_new_circuit_until_the_decision_is_recorded()
    {
        var gateId = Guid.NewGuid();
        await using var ctx = NewContext(out var tab);
        var panel = ctx.Render<DecisionPanel>(p => p
            .Add(x => x.Kind, GateKind.SecurityReview).Add(x => x.GateId, gateId)
            .Add(x => x.Decide, _ => Task.FromResult(CommandOutcome.Success)));
        await panel.FindAll("input[type=radio]")[1].ClickAsync(new());
        await panel.Find("textarea").ChangeAsync(new() { Value = "Pen test findings are all low." });
        panel.WaitForAssertion(() => Assert.Contains(DraftNames.GateDecision(gateId), tab.Keys));

        // The instance died: the tab reloads on another one and a new panel reads the draft back.
        var again = ctx.Render<DecisionPanel>(p => p
            .Add(x => x.Kind, GateKind.SecurityReview).Add(x => x.GateId, gateId)
            .Add(x => x.Decide, _ => Task.FromResult(CommandOutcome.Success)));
        again.WaitForElement("[data-testid=decision-draft-restored]");
        Assert.Equal("Pen test findings are all low.", again.Find("textarea").GetAttribute("value") ?? again.Find("textarea").TextContent);
        Assert.Contains("Approve with conditions", again.Find("[data-testid=record-decision]").TextContent);

        // Another gate's panel starts empty; recording the decision forgets the draft.
        var other = ctx.Render<DecisionPanel>(p => p
            .Add(x => x.Kind, GateKind.SecurityReview).Add(x => x.GateId, Guid.NewGuid())
            .Add(x => x.Decide, _ => Task.FromResult(CommandOutcome.Success)));
        Assert.Empty(other.FindAll("[data-testid=decision-draft-restored]"));
        await again.FindAll("input[type=radio]")[0].ClickAsync(new());
        await again.Find("[data-testid=record-decision]").ClickAsync(new());
        again.WaitForAssertion(() => Assert.DoesNotContain(DraftNames.GateDecision(gateId), tab.Keys));
    }

    private static BunitContext NewContext() => NewContext(out _);

    private static BunitContext NewContext(out BrowserTabStorage tab)
    {
        var ctx = new BunitContext();
        tab = BrowserTabStorage.AddTo(ctx);
        ctx.Services.AddMudServices();
        ctx.Services.AddSingleton(new GateDecisionDraftValidator(TimeProvider.System));
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        return ctx;
    }
}
