using AngleSharp.Dom;
using Bunit;
using ElearningRollout.Application.Bandwidth;
using ElearningRollout.Domain.Bandwidth;
using ElearningRollout.Web.Components.Layout;
using ElearningRollout.Web.Components.Pages.Bandwidth;
using ElearningRollout.Web.Components.Shared;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace ElearningRollout.Web.Tests.Components;

/// <summary>
/// Launch waves planned by hand: what the person builds (waves, site rows picked from the plan's sites, learner counts)
/// is what the save receives; the server's refusals sit beside the wave or row they name, and stay with it when other
/// waves are removed; a lost race keeps every value typed; a wave with learners is removed only once confirmed.
/// </summary>
public sealed class LaunchWaveEditorTests
{
    /// <summary>Head office fits easily; Branch office carries at most 1,260 learners starting together.</summary>
    private static readonly IReadOnlyList<SiteFigures> Sites =
    [
        BandwidthFormula.Figures(new SiteLoad("Head office", 2_000, 20, 100m, CourseMedia.TextAndImages, null), 70),
        BandwidthFormula.Figures(new SiteLoad("Branch office", 3_000, 50, 10m, CourseMedia.TextAndImages, null), 70),
    ];

    [Fact]
    public async Task A_wave_added_by_hand_with_its_sites_and_counts_is_what_the_save_receives()
    {
        await using var ctx = NewContext();
        var popovers = ctx.Render<MudPopoverProvider>();
        var waves = new List<LaunchWaveDraft>();
        LaunchWavesDraft? received = null;
        var editor = Render(ctx, waves, draft => { received = Copy(draft); return Task.FromResult(CommandOutcome.Success); });

        // Each step waits for what a person sees before the next (a field shown, a value taken).
        Button(editor, "Add a wave").Click();
        editor.WaitForAssertion(() => Input(editor, "Wave 1 name"));
        Input(editor, "Wave 1 name").Change("Branch pilot");
        Input(editor, "Wave 1 starts").Change("2027-03-01");
        editor.WaitForAssertion(() => Assert.Equal("2027-03-01", Input(editor, "Wave 1 starts").GetAttribute("value")));
        Button(editor, "Add a site to wave 1").Click();
        editor.WaitForAssertion(() => Input(editor, "Wave 1, site 1"));
        Button(editor, "Add a site to wave 1").Click();
        editor.WaitForAssertion(() => Input(editor, "Wave 1, site 2"));
        // The first row offers the first site, the second the next one the wave does not list yet; a site can be picked.
        Assert.Equal(["Head office", "Branch office"], waves[0].Allocations.Select(a => a.Site));
        Choose(editor, popovers, 0, "Branch office");
        Choose(editor, popovers, 1, "Head office");
        Input(editor, "Wave 1, learners at site 1").Change("1200");
        Input(editor, "Wave 1, learners at site 2").Change("400");
        editor.WaitForAssertion(() => Assert.Equal("400", Input(editor, "Wave 1, learners at site 2").GetAttribute("value")));

        // The figures follow what is typed: the wave's learners, each row's peak against its site's allowed bandwidth, each site's learners planned.
        editor.WaitForAssertion(() => Assert.Contains("Wave 1: 1,600 learners", editor.Find("legend").TextContent, StringComparison.Ordinal));
        Assert.Equal("Peak 6.67 Mbit/s of 7 Mbit/s allowed; at most 1,260 start together", Text(editor.FindAll("[data-testid=wave-row-peak]")[0]));
        var headOfficeAtOnce = Sites[0].MaxLearnersAtOnce.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal([$"Head office 400 2,000 {headOfficeAtOnce}", "Branch office 1,200 3,000 1,260"], SiteTotals(editor));

        Button(editor, "Save waves").Click();

        editor.WaitForAssertion(() => Assert.NotNull(received));
        var wave = Assert.Single(received!.Waves);
        Assert.Equal(("Branch pilot", new DateOnly(2027, 3, 1)), (wave.Name, wave.StartsOn!.Value));
        Assert.Equal([("Branch office", 1_200), ("Head office", 400)], wave.Allocations.Select(a => (a.Site!, a.Learners!.Value)));
    }

    [Fact]
    public async Task The_servers_refusals_sit_beside_the_wave_and_row_they_name_and_stay_with_them_when_another_wave_goes()
    {
        await using var ctx = NewContext();
        var waves = new List<LaunchWaveDraft>
        {
            Wave("Empty", new DateOnly(2027, 3, 1)),
            Wave("Branch", new DateOnly(2027, 3, 8), ("Head office", 100), ("Branch office", 1_500)),
        };
        var refusal = new CommandOutcome(CommandOutcomeKind.Invalid, "Some of what you entered needs a change.", new Dictionary<string, string[]>
        {
            ["Waves[0].Allocations"] = ["Wave \"Empty\" has no learners."],
            ["Waves[1].Allocations[1].Learners"] = ["Wave \"Branch\" starts 1,500 learners at Branch office: at most 1,260 learners can start there together."],
            ["Waves"] = ["Plan at most 52 waves."],
        });
        var sent = 0;
        var editor = Render(ctx, waves, _ => { sent++; return Task.FromResult(refusal); });

        Button(editor, "Save waves").Click();

        editor.WaitForAssertion(() => Assert.Equal(1, sent));
        Assert.Contains("at most 1,260 learners can start there together", Control(editor, "Wave 2, learners at site 2").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("at most 1,260", Control(editor, "Wave 2, learners at site 1").TextContent, StringComparison.Ordinal);
        Assert.Contains("has no learners", editor.Find("[data-testid=wave-row-0] [data-testid=wave-message]").TextContent, StringComparison.Ordinal);
        // Only the message with no field of its own is listed in the alert.
        var alert = editor.Find("[data-testid=command-problem]").TextContent;
        Assert.Contains("Plan at most 52 waves.", alert, StringComparison.Ordinal);
        Assert.DoesNotContain("1,260", alert, StringComparison.Ordinal);

        // The empty wave goes (no learners: no question asked); the message stays with the Branch wave, now the first.
        Button(editor, "Remove wave 1").Click();
        editor.WaitForAssertion(() => Assert.Single(waves));
        Assert.Contains("at most 1,260 learners can start there together", Control(editor, "Wave 1, learners at site 2").TextContent, StringComparison.Ordinal);

        // Changing the count is a new value: the old judgement of it goes.
        Input(editor, "Wave 1, learners at site 2").Change("1260");
        editor.WaitForAssertion(() => Assert.DoesNotContain("at most 1,260 learners", Control(editor, "Wave 1, learners at site 2").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_forms_own_rules_are_shown_beside_the_fields_before_anything_is_sent()
    {
        await using var ctx = NewContext();
        var waves = new List<LaunchWaveDraft> { new() { Allocations = [new WaveSiteDraft { Site = "Head office" }] } };
        var sent = 0;
        var editor = Render(ctx, waves, _ => { sent++; return Task.FromResult(CommandOutcome.Success); });

        Button(editor, "Save waves").Click();

        editor.WaitForAssertion(() => Assert.Contains("Name the wave", Control(editor, "Wave 1 name").TextContent, StringComparison.Ordinal));
        Assert.Contains("Choose the day the wave starts.", Control(editor, "Wave 1 starts").TextContent, StringComparison.Ordinal);
        Assert.Contains("Enter how many of the site's learners the wave starts.", Control(editor, "Wave 1, learners at site 1").TextContent, StringComparison.Ordinal);
        Assert.Equal(0, sent);
    }

    [Fact]
    public async Task A_lost_race_says_so_and_keeps_every_value_typed_for_the_next_save()
    {
        await using var ctx = NewContext();
        var waves = new List<LaunchWaveDraft> { Wave("Pilot", new DateOnly(2027, 3, 1), ("Head office", 100)) };
        var conflict = new CommandOutcome(CommandOutcomeKind.Conflict,
            "Ivan IT changed this bandwidth plan at 2026-12-05 02:00 UTC while you were working on it. Nothing of yours was saved, and what you typed is still here: reload to see their change, then apply yours again.");
        var sent = new List<LaunchWavesDraft>();
        var reloaded = 0;
        var editor = ctx.Render<LaunchWaveEditor>(p => p
            .Add(x => x.Sites, Sites)
            .Add(x => x.Waves, waves)
            .Add(x => x.Save, draft => { sent.Add(Copy(draft)); return Task.FromResult(sent.Count == 1 ? conflict : CommandOutcome.Success); })
            .Add(x => x.Reload, () => reloaded++));
        Input(editor, "Wave 1 name").Change("Pilot, head office");
        Input(editor, "Wave 1, learners at site 1").Change("250");
        editor.WaitForAssertion(() => Assert.Equal("250", Input(editor, "Wave 1, learners at site 1").GetAttribute("value")));

        Button(editor, "Save waves").Click();

        editor.WaitForAssertion(() => Assert.Contains("Ivan IT changed this bandwidth plan", editor.Find("[data-testid=command-problem]").TextContent, StringComparison.Ordinal));
        Assert.Equal("Pilot, head office", Input(editor, "Wave 1 name").GetAttribute("value"));
        Assert.Equal("250", Input(editor, "Wave 1, learners at site 1").GetAttribute("value"));

        Button(editor, "Reload").Click();
        editor.WaitForAssertion(() => Assert.Equal(1, reloaded));
        Assert.Empty(editor.FindAll("[data-testid=command-problem]"));
        Assert.Equal("250", Input(editor, "Wave 1, learners at site 1").GetAttribute("value"));
        Button(editor, "Save waves").Click();

        editor.WaitForAssertion(() => Assert.Equal(2, sent.Count));
        Assert.All(sent, d => Assert.Equal(("Pilot, head office", 250), (d.Waves[0].Name, d.Waves[0].Allocations[0].Learners!.Value)));
    }

    [Fact]
    public async Task A_wave_with_learners_is_removed_only_once_the_person_confirms()
    {
        await using var ctx = NewContext();
        var dialogs = ctx.Render<DialogProvider>();
        var waves = new List<LaunchWaveDraft> { Wave("Pilot", new DateOnly(2027, 3, 1), ("Head office", 100)), Wave("Rest", new DateOnly(2027, 3, 8), ("Head office", 200)) };
        var editor = Render(ctx, waves, _ => Task.FromResult(CommandOutcome.Success));

        Button(editor, "Remove wave 1").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Its 100 learners (Head office 100) leave the waves being planned", dialogs.Markup, StringComparison.Ordinal));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();
        dialogs.WaitForAssertion(() => Assert.DoesNotContain("leave the waves being planned", dialogs.Markup, StringComparison.Ordinal));
        Assert.Equal(["Pilot", "Rest"], waves.Select(w => w.Name));

        Button(editor, "Remove wave 1").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Its 100 learners (Head office 100)", dialogs.Markup, StringComparison.Ordinal));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Remove wave").Click();

        editor.WaitForAssertion(() => Assert.Equal(["Rest"], waves.Select(w => w.Name)));
        Assert.Equal("Rest", Input(editor, "Wave 1 name").GetAttribute("value"));
    }

    private static IRenderedComponent<LaunchWaveEditor> Render(BunitContext ctx, List<LaunchWaveDraft> waves, Func<LaunchWavesDraft, Task<CommandOutcome>> save) =>
        ctx.Render<LaunchWaveEditor>(p => p.Add(x => x.Sites, Sites).Add(x => x.Waves, waves).Add(x => x.Save, save));

    private static LaunchWaveDraft Wave(string name, DateOnly day, params (string Site, int Learners)[] rows) => new()
    {
        Name = name,
        StartsOn = day,
        Allocations = rows.Select(r => new WaveSiteDraft { Site = r.Site, Learners = r.Learners }).ToList(),
    };

    /// <summary>What was sent, as it was at the moment of sending (the editor keeps changing its own list).</summary>
    private static LaunchWavesDraft Copy(LaunchWavesDraft draft) => new()
    {
        Waves = draft.Waves.Select(w => new LaunchWaveDraft
        {
            Name = w.Name,
            StartsOn = w.StartsOn,
            Allocations = w.Allocations.Select(a => new WaveSiteDraft { Site = a.Site, Learners = a.Learners }).ToList(),
        }).ToList(),
    };

    /// <summary>The input control (field, label and its messages) whose label is <paramref name="label"/>.</summary>
    private static IElement Control(IRenderedComponent<LaunchWaveEditor> editor, string label) =>
        editor.FindAll(".mud-input-control").Single(c => c.QuerySelector("label")?.TextContent.Trim() == label);

    private static IElement Input(IRenderedComponent<LaunchWaveEditor> editor, string label) => Control(editor, label).QuerySelector("input")!;

    private static IElement Button(IRenderedComponent<LaunchWaveEditor> editor, string name) =>
        editor.FindAll("button").Single(b => b.GetAttribute("aria-label") == name || (b.GetAttribute("aria-label") is null && b.TextContent.Trim() == name));

    /// <summary>The text as a browser shows it: runs of white space are one space.</summary>
    private static string Text(IElement element) => System.Text.RegularExpressions.Regex.Replace(element.TextContent, @"\s+", " ").Trim();

    private static string[] SiteTotals(IRenderedComponent<LaunchWaveEditor> editor) =>
        [.. editor.FindAll("[data-testid=wave-site-total]").Select(r => string.Join(" ", r.Children.Select(c => c.TextContent.Trim())))];

    /// <summary>Opens the site list of row <paramref name="row"/> of the first wave and picks <paramref name="site"/>, as a person does.</summary>
    private static void Choose(IRenderedComponent<LaunchWaveEditor> editor, IRenderedComponent<MudPopoverProvider> popovers, int row, string site)
    {
        editor.Find($"[data-testid=wave-0-site-{row}] .mud-select [blazor\\:onmousedown]").MouseDown(new Microsoft.AspNetCore.Components.Web.MouseEventArgs { Button = 0 });
        popovers.WaitForAssertion(() => Assert.Contains(popovers.FindAll(".mud-list-item"), i => i.TextContent.Trim() == site));
        popovers.FindAll(".mud-list-item").First(i => i.TextContent.Trim() == site).Click();
        editor.WaitForAssertion(() => Assert.Equal(site, Input(editor, $"Wave 1, site {row + 1}").GetAttribute("value")));
    }

    private static BunitContext NewContext()
    {
        var ctx = new BunitContext();
        ctx.Services.AddMudServices();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddSingleton(new LaunchWavesDraftValidator());
        return ctx;
    }
}
