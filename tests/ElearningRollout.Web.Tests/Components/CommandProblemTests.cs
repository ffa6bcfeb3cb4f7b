using Bunit;
using ElearningRollout.Application.Common;
using ElearningRollout.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor.Services;

namespace ElearningRollout.Web.Tests.Components;

/// <summary>How a refused command reads.</summary>
public sealed class CommandProblemTests
{
    [Fact]
    public async Task A_conflict_says_who_when_and_what_to_do_once_and_offers_a_reload()
    {
        await using var ctx = new BunitContext();
        ctx.Services.AddMudServices();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        var conflict = await CommandRunner.RunAsync(() => throw new ConcurrencyConflictException(
            "Iris Infra changed this clearance gate at 2026-11-02 09:07 UTC while you were working on it. Nothing of yours was saved, "
            + "and what you typed is still here: reload to see their change, then apply yours again."));

        var problem = ctx.Render<CommandProblem>(p => p.Add(x => x.Outcome, conflict).Add(x => x.OnReload, EventCallback.Factory.Create(this, () => { })));

        var text = problem.Find("[data-testid=command-problem]").TextContent;
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "reload to see their change"));
        Assert.Contains(problem.FindAll("button"), b => b.TextContent.Contains("Reload"));
    }
}
