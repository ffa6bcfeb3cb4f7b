using Bunit;
using ElearningRollout.Application.Gates;
using ElearningRollout.Web.Components.Pages.Gates;
using MudBlazor.Services;

namespace ElearningRollout.Web.Tests.Components;

/// <summary>What a person who cannot act on a gate reads instead of actions: why not, who acts, how to ask.</summary>
public sealed class GateWhoActsPanelTests
{
    [Fact]
    public async Task Says_each_reason_once_names_who_acts_with_a_way_to_reach_them_and_how_to_ask()
    {
        await using var ctx = new BunitContext();
        ctx.Services.AddMudServices();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        const string fill = "Only the rollout's training owner or an administrator can fill in and submit this gate.";
        const string decide = "Only an IT lead can decide the Security review gate.";

        var panel = ctx.Render<GateWhoActsPanel>(p => p
            .Add(x => x.Why, new GateRefusals(fill, fill, decide, "Only an executive can waive a gate.", null))
            .Add(x => x.WhoActs, new GateWhoActs(
                [
                    new GateContact("Training owner", "Tara Training", "training@elearning.test", "Fills in the checklist and submits the gate for review."),
                    new GateContact("IT liaison", "Ivan IT", null, "Is offered the gate for review by default when it is submitted."),
                ],
                "Any IT lead may decide this gate once it is submitted.",
                "To ask for a change, e-mail the person whose part it is.")));

        Assert.Equal([fill, decide], panel.FindAll("[data-testid=why-not] li").Select(li => li.TextContent.Trim()));
        var contacts = panel.FindAll("[data-testid=who-acts-contacts] li");
        Assert.Contains("Training owner: Tara Training (training@elearning.test) — Fills in", System.Text.RegularExpressions.Regex.Replace(contacts[0].TextContent, @"\s+", " "));
        Assert.Equal("mailto:training@elearning.test", contacts[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Null(contacts[1].QuerySelector("a"));
        Assert.Contains("Any IT lead may decide this gate", panel.Markup);
        Assert.Equal("To ask for a change, e-mail the person whose part it is.", panel.Find("[data-testid=how-to-ask]").TextContent.Trim());
    }
}
