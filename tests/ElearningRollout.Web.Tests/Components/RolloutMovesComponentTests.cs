using System.Runtime.CompilerServices;
using Bunit;
using ElearningRollout.Application.Rollouts;
using ElearningRollout.Domain.Rollouts;
using ElearningRollout.Web.Components.Pages.Rollouts;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace ElearningRollout.Web.Tests.Components;

/// <summary>
/// The lifecycle buttons and the phase moves render what the rollout answers (carried in <see cref="RolloutDetails.Moves"/>),
/// so the screen offers exactly the moves the domain accepts.
/// </summary>
public sealed class RolloutMovesComponentTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_live_rollout_offers_close_and_cancel()
    {
        await using var ctx = NewContext();
        var rollout = ActiveAt(PhaseKind.GoLive);
        rollout.GoLive([], Today);

        var actions = ctx.Render<LifecycleActions>(p => p.Add(x => x.Details, Details(rollout)).Add(x => x.Reload, () => Task.CompletedTask));

        Assert.Equal(["Close", "Cancel rollout"], Buttons(actions));
    }

    [Theory]
    [InlineData(LifecycleStatus.Draft, new[] { "Activate", "Cancel rollout" })]
    [InlineData(LifecycleStatus.Active, new[] { "Put on hold", "Go live", "Cancel rollout" })]
    [InlineData(LifecycleStatus.OnHold, new[] { "Resume", "Cancel rollout" })]
    public async Task Each_status_offers_the_moves_the_rollout_allows(LifecycleStatus status, string[] expected)
    {
        await using var ctx = NewContext();
        var rollout = NewRollout();
        if (status != LifecycleStatus.Draft)
        {
            rollout.Activate(Today);
        }

        if (status == LifecycleStatus.OnHold)
        {
            rollout.PutOnHold("Budget freeze");
        }

        var actions = ctx.Render<LifecycleActions>(p => p.Add(x => x.Details, Details(rollout)).Add(x => x.Reload, () => Task.CompletedTask));

        Assert.Equal(expected, Buttons(actions));
    }

    [Fact]
    public async Task On_hold_nothing_can_be_skipped_or_sent_back()
    {
        await using var ctx = NewContext();
        var rollout = ActiveAt(PhaseKind.Pilot);
        rollout.PutOnHold("Budget freeze");

        var tab = ctx.Render<PhasesTab>(p => p.Add(x => x.Details, Details(rollout)).Add(x => x.Reload, () => Task.CompletedTask));

        Assert.True(Button(tab, "Skip a phase").HasAttribute("disabled"));
        Assert.True(Button(tab, "Send back to an earlier phase").HasAttribute("disabled"));
    }

    [Fact]
    public async Task An_active_rollout_past_its_first_phase_can_be_sent_back_and_at_its_first_cannot()
    {
        await using var ctx = NewContext();

        var later = ctx.Render<PhasesTab>(p => p.Add(x => x.Details, Details(ActiveAt(PhaseKind.Pilot))).Add(x => x.Reload, () => Task.CompletedTask));
        var first = ctx.Render<PhasesTab>(p => p.Add(x => x.Details, Details(ActiveAt(PhaseKind.Initiation))).Add(x => x.Reload, () => Task.CompletedTask));

        Assert.False(Button(later, "Send back to an earlier phase").HasAttribute("disabled"));
        Assert.False(Button(later, "Skip a phase").HasAttribute("disabled"));
        Assert.True(Button(first, "Send back to an earlier phase").HasAttribute("disabled"));
    }

    [Fact]
    public async Task A_disabled_phase_move_says_why_in_the_rollouts_words_as_tooltip_and_accessible_description()
    {
        await using var ctx = NewContext();
        var rollout = ActiveAt(PhaseKind.Pilot);
        rollout.PutOnHold("Budget freeze");

        var tab = ctx.Render<PhasesTab>(p => p.Add(x => x.Details, Details(rollout)).Add(x => x.Reload, () => Task.CompletedTask));

        var skip = Button(tab, "Skip a phase");
        var why = tab.Find($"#{skip.GetAttribute("aria-describedby")}");
        Assert.Equal(rollout.WhyNoPhaseMayBeSkipped(), why.TextContent.Trim());
        Assert.Equal("The rollout is on hold; resume it before changing its phases.", why.TextContent.Trim());
        var sendBack = Button(tab, "Send back to an earlier phase");
        Assert.Equal(rollout.WhyNoSendBack(), tab.Find($"#{sendBack.GetAttribute("aria-describedby")}").TextContent.Trim());
        Assert.Equal(2, tab.FindAll(".mud-tooltip-root").Count);
    }

    [Fact]
    public async Task An_available_phase_move_has_no_reason_attached()
    {
        await using var ctx = NewContext();

        var tab = ctx.Render<PhasesTab>(p => p.Add(x => x.Details, Details(ActiveAt(PhaseKind.Pilot))).Add(x => x.Reload, () => Task.CompletedTask));

        Assert.False(Button(tab, "Skip a phase").HasAttribute("aria-describedby"));
        Assert.Empty(tab.FindAll("[data-testid=disabled-reason]"));
    }

    [Fact]
    public async Task A_reader_who_may_not_change_the_rollout_is_told_why_who_can_and_how_to_ask_on_overview_and_phases()
    {
        await using var ctx = NewContext();
        const string why = "Only the training owner, Tina Trainer, or an administrator can change this rollout. To change it, ask Tina Trainer.";
        var details = Details(ActiveAt(PhaseKind.Pilot)) with { Can = new RolloutPermissions(false, false, false, why) };

        var overview = ctx.Render<OverviewTab>(p => p.Add(x => x.Details, details).Add(x => x.Reload, () => Task.CompletedTask));
        var phases = ctx.Render<PhasesTab>(p => p.Add(x => x.Details, details).Add(x => x.Reload, () => Task.CompletedTask));

        Assert.Equal(why, overview.Find("[data-testid=why-read-only]").TextContent.Trim());
        Assert.Empty(overview.FindAll("button"));
        Assert.Equal(why, phases.Find("[data-testid=why-read-only]").TextContent.Trim());
        Assert.Empty(ctx.Render<OverviewTab>(p => p.Add(x => x.Details, Details(ActiveAt(PhaseKind.Pilot))).Add(x => x.Reload, () => Task.CompletedTask))
            .FindAll("[data-testid=why-read-only]"));
    }

    private static List<string> Buttons(IRenderedComponent<LifecycleActions> actions)
        => actions.FindAll("button").Select(b => b.TextContent.Trim()).ToList();

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<PhasesTab> tab, string text)
        => tab.FindAll("button").Single(b => b.TextContent.Trim() == text);

    private static Rollout NewRollout() =>
        new("ELR-0001", "Dealer academy", "trainer-1", HostingModel.VendorHostedSaas, Integrations.None, ContentSource.InHouse,
            Today, Today.AddDays(120), Now);

    // Without gates on record the phases move freely.
    private static Rollout ActiveAt(PhaseKind phase)
    {
        var rollout = NewRollout();
        rollout.Activate(Today);
        while (rollout.CurrentPhase != phase)
        {
            rollout.CompleteCurrentPhase([], Today);
        }

        return rollout;
    }

    /// <summary>What the catalog reads for the owner of <paramref name="rollout"/>.</summary>
    private static RolloutDetails Details(Rollout rollout) => new(
        rollout.Id, rollout.Code, rollout.Title, "", "", new PersonChoice("trainer-1", "Tina Trainer"), null, null,
        rollout.Audiences, 0, 0, rollout.AccessChannels, rollout.HostingModel, rollout.Integrations, rollout.ContentSource, null,
        rollout.StartDate, rollout.TargetGoLive, rollout.LifecycleStatus, rollout.StatusReason, rollout.Health, rollout.HealthReason,
        rollout.CurrentPhase, rollout.Profile, rollout.Version,
        rollout.Phases.Select(p => new PhaseView(p.Kind, p.Order, p.Status, p.PlannedStart, p.PlannedEnd, p.ActualStart, p.ActualEnd, p.SkipReason)).ToList(),
        [], [], new RolloutPermissions(Edit: true, MovePhases: true, RaiseRisks: true), RolloutMoves.Of(rollout));

    private static BunitContext NewContext()
    {
        var ctx = new BunitContext();
        ctx.Services.AddMudServices();

        // Rendering never calls a command; the commands' own dependencies are not needed here.
        ctx.Services.AddSingleton((RolloutCommands)RuntimeHelpers.GetUninitializedObject(typeof(RolloutCommands)));

        // The Phases tab also lists the launch waves, which query the database; they are not what these tests are
        // about (the planner's end-to-end test covers them), so they render as an empty stand-in here.
        ctx.ComponentFactories.AddStub<ElearningRollout.Web.Components.Pages.Bandwidth.PhaseLaunchWaves>();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        return ctx;
    }
}
