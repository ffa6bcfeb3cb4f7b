using Bunit;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Gates;
using ElearningRollout.Application.Rollouts;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Rollouts;
using ElearningRollout.Web.Components.Pages.Gates;
using ElearningRollout.Web.Components.Shared;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace ElearningRollout.Web.Tests.Components;

/// <summary>The submit panel names the reviewer the gate kind's approval policy gives it.</summary>
public sealed class SubmitPanelTests
{
    [Theory]
    [InlineData(GateKind.SecurityReview, "An IT lead reviews the checklist", "Defaults to Ivan IT, this rollout's IT liaison", "Leave empty to offer it to every IT lead")]
    [InlineData(GateKind.GoLiveSignOff, "An executive gives go-live sign-off", "Defaults to Ivan IT, this rollout's executive sponsor", "Leave empty to offer it to every executive")]
    public async Task The_reviewer_is_described_in_the_words_of_the_kinds_policy(GateKind kind, string guidance, string withDefault, string withoutDefault)
    {
        await using var ctx = new BunitContext();
        ctx.Services.AddMudServices();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;

        var withPerson = ctx.Render<SubmitPanel>(p => p.Add(x => x.Details, Details(kind, new PersonChoice("it-1", "Ivan IT"))).Add(x => x.Submit, Submit));
        var withNobody = ctx.Render<SubmitPanel>(p => p.Add(x => x.Details, Details(kind, null)).Add(x => x.Submit, Submit));

        Assert.Contains(guidance, withPerson.Markup);
        Assert.Contains(withDefault, withPerson.Markup);
        Assert.Contains(withoutDefault, withNobody.Markup);
    }

    [Fact]
    public async Task A_gate_that_cannot_be_submitted_now_keeps_its_submit_button_disabled_with_the_applications_reason()
    {
        await using var ctx = new BunitContext();
        ctx.Services.AddMudServices();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        const string whyNot = "The Security review gate is already submitted for review.";

        var panel = ctx.Render<SubmitPanel>(p => p.Add(x => x.Details, Details(GateKind.SecurityReview, null)).Add(x => x.Submit, Submit).Add(x => x.WhyNot, whyNot));
        var open = ctx.Render<SubmitPanel>(p => p.Add(x => x.Details, Details(GateKind.SecurityReview, null)).Add(x => x.Submit, Submit));

        var submit = panel.Find("[data-testid=submit-gate]");
        Assert.True(submit.HasAttribute("disabled"));
        Assert.Equal(whyNot, panel.Find($"#{submit.GetAttribute("aria-describedby")}").TextContent.Trim());
        Assert.False(open.Find("[data-testid=submit-gate]").HasAttribute("disabled"));
        Assert.Null(open.Find("[data-testid=submit-gate]").GetAttribute("aria-describedby"));
    }

    private static Task<CommandOutcome> Submit(string? reviewerId, DateOnly? dueDate) => Task.FromResult(CommandOutcome.Success);

    private static GateDetails Details(GateKind kind, PersonChoice? defaultReviewer) => new(
        Guid.NewGuid(), "ELR-0001", "Dealer academy", kind, PhaseKind.GoLive, true, GateState.Draft, null, null, false, Guid.NewGuid(),
        [], [], [], [], new GatePermissions(true, true, false, false, false, true), defaultReviewer,
        defaultReviewer is null ? [] : [defaultReviewer], [], new DateOnly(2026, 3, 16), [],
        GateRefusals.None, new GateWhoActs([], "", ""), null);
}
