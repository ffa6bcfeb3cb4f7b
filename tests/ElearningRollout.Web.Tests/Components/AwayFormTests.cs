using Bunit;
using ElearningRollout.Application.Gates;
using ElearningRollout.Application.Rollouts;
using ElearningRollout.Web.Components.Pages.Away;
using ElearningRollout.Web.Components.Shared;
using MudBlazor;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace ElearningRollout.Web.Tests.Components;

/// <summary>
/// The Away page's form: what the reviewer sees and chooses (the days, the stand-in picked from the list) is what the
/// command receives, and a refusal keeps it and puts each message beside its field.
/// </summary>
public sealed class AwayFormTests
{
    private static readonly DateOnly Today = new(2026, 12, 4);

    private static readonly IReadOnlyList<PersonChoice> Choices = [new("it-2", "Iris Infra"), new("it-3", "Sam Standin")];

    [Fact]
    public async Task The_days_shown_and_the_stand_in_chosen_from_the_list_are_what_the_command_receives()
    {
        await using var ctx = NewContext();
        var popovers = ctx.Render<MudPopoverProvider>();
        AwayDraft? received = null;
        var form = ctx.Render<AwayForm>(p => p.Add(x => x.StandInChoices, Choices).Add(x => x.Today, Today)
            .Add(x => x.Set, draft => { received = Copy(draft); return Task.FromResult(CommandOutcome.Success); }));

        Assert.Equal(["2026-12-04", "2026-12-11"], DateTexts(form));
        form.FindAll("input")[1].Change("2026-12-18");
        Choose(form, popovers, "Sam Standin");
        form.Find("[data-testid=set-away-button]").Click();

        form.WaitForAssertion(() => Assert.NotNull(received));
        Assert.Equal((Today, new DateOnly(2026, 12, 18), "it-3"), (received!.From!.Value, received.Until!.Value, received.StandInId));
        // Set: the days stay for the next absence, the stand-in is chosen again.
        form.WaitForAssertion(() => Assert.Equal(["2026-12-04", "2026-12-18"], DateTexts(form)));
    }

    [Fact]
    public async Task A_refusal_keeps_what_was_typed_and_shows_each_message_beside_its_field()
    {
        await using var ctx = NewContext();
        var popovers = ctx.Render<MudPopoverProvider>();
        var refusal = new CommandOutcome(CommandOutcomeKind.Invalid, "Some of what you entered needs a change.", new Dictionary<string, string[]>
        {
            [nameof(AwayDraft.From)] = ["You are already away from 2026-12-01 to 2026-12-08; end or change that absence instead."],
            [nameof(AwayDraft.StandInId)] = ["That person submitted a gate you are reviewing, so they cannot decide it for you; choose someone else."],
        });
        var sent = new List<AwayDraft>();
        var form = ctx.Render<AwayForm>(p => p.Add(x => x.StandInChoices, Choices).Add(x => x.Today, Today)
            .Add(x => x.Set, draft => { sent.Add(Copy(draft)); return Task.FromResult(refusal); }));

        Choose(form, popovers, "Iris Infra");
        form.Find("[data-testid=set-away-button]").Click();

        form.WaitForAssertion(() => Assert.Single(sent));
        var firstDay = form.FindAll(".mud-input-control").First(c => c.TextContent.Contains("First day away", StringComparison.Ordinal));
        Assert.Contains("already away from 2026-12-01", firstDay.TextContent, StringComparison.Ordinal);
        Assert.Contains("choose someone else", form.Find("[data-testid=field-error]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("already away", form.Find("[data-testid=command-problem]").TextContent, StringComparison.Ordinal);
        Assert.Equal(["2026-12-04", "2026-12-11"], DateTexts(form));
        form.Find("[data-testid=set-away-button]").Click();
        form.WaitForAssertion(() => Assert.Equal(2, sent.Count));
        Assert.All(sent, d => Assert.Equal((Today, Today.AddDays(7), "it-2"), (d.From!.Value, d.Until!.Value, d.StandInId)));
    }

    /// <summary>Opens the stand-in list and picks <paramref name="name"/>, as a person does.</summary>
    private static void Choose(IRenderedComponent<AwayForm> form, IRenderedComponent<MudPopoverProvider> popovers, string name)
    {
        form.Find(".mud-select [blazor\\:onmousedown]").MouseDown(new Microsoft.AspNetCore.Components.Web.MouseEventArgs { Button = 0 });
        popovers.WaitForAssertion(() => Assert.Contains(popovers.FindAll(".mud-list-item"), i => i.TextContent.Contains(name, StringComparison.Ordinal)));
        popovers.FindAll(".mud-list-item").First(i => i.TextContent.Contains(name, StringComparison.Ordinal)).Click();
        // MudSelect passes the choice on after the menu has closed, one round trip later: wait until the form shows it,
        // as a person would before pressing "Set absence".
        form.WaitForAssertion(() => Assert.Contains(name, form.Markup, StringComparison.Ordinal));
    }

    /// <summary>
    /// QA's finding on the holiday form, here on the same date picker: a field clears its own error when the person
    /// types a day it can read, and MudBlazor takes the page's error again only when it changes. The form clears its
    /// messages and lets them render before it sets the absence again (CommandRunner.ClearedMessagesShownAsync).
    /// </summary>
    [Fact]
    public async Task A_second_refusal_shows_its_message_beside_the_field_after_the_person_typed_another_day()
    {
        await using var ctx = NewContext();
        var attempts = 0;
        var form = ctx.Render<AwayForm>(p => p.Add(x => x.StandInChoices, Choices).Add(x => x.Today, Today)
            .Add(x => x.Set, _ => Task.FromResult(new CommandOutcome(CommandOutcomeKind.Invalid, "Some of what you entered needs a change.",
                new Dictionary<string, string[]> { [nameof(AwayDraft.From)] = [++attempts == 1 ? "Choose the first day away." : "Choose a day from today on."] }))));

        form.FindAll(".mud-picker input")[0].Change("2026-13-01");
        form.Find("[data-testid=set-away-button]").Click();
        form.WaitForAssertion(() => Assert.Contains("Choose the first day away.", form.Markup, StringComparison.Ordinal));
        form.FindAll(".mud-picker input")[0].Change("1999-12-31");
        form.Find("[data-testid=set-away-button]").Click();

        form.WaitForAssertion(() => Assert.Equal(2, attempts));
        form.WaitForAssertion(() => Assert.Contains("Choose a day from today on.", form.Markup, StringComparison.Ordinal));
        Assert.Equal("1999-12-31", DateTexts(form)[0]);
    }

    [Fact]
    public async Task A_day_typed_in_another_format_is_told_the_format_in_the_products_words()
    {
        await using var ctx = NewContext();
        ctx.Services.AddLogging();
        ctx.Services.AddLocalizationInterceptor<ElearningRollout.Web.Hosting.ProductWordsInterceptor>();
        var form = ctx.Render<AwayForm>(p => p.Add(x => x.StandInChoices, Choices).Add(x => x.Today, Today)
            .Add(x => x.Set, _ => Task.FromResult(CommandOutcome.Success)));

        form.FindAll(".mud-picker input")[0].Change("31/12/2026");

        form.WaitForAssertion(() => Assert.Contains(ElearningRollout.Web.Hosting.ProductWordsInterceptor.DateHint, form.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain("Not a valid date time", form.Markup, StringComparison.Ordinal);
    }

    private static string[] DateTexts(IRenderedComponent<AwayForm> form)
        => [.. form.FindAll(".mud-picker input").Select(i => i.GetAttribute("value") ?? "")];

    private static AwayDraft Copy(AwayDraft draft) => new() { From = draft.From, Until = draft.Until, StandInId = draft.StandInId };

    private static BunitContext NewContext()
    {
        var ctx = new BunitContext();
        ctx.Services.AddMudServices();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        return ctx;
    }
}
