using Bunit;
using ElearningRollout.Application.Dashboard;
using ElearningRollout.Domain.Rollouts;
using ElearningRollout.Web.Components.Pages.Dashboard;
using ElearningRollout.Web.Components.Pages.Rollouts;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace ElearningRollout.Web.Tests.Components;

/// <summary>
/// The dashboard's portfolio rows and go-live lines are one string per row of the shared snapshot (DashboardRows): what
/// the browser receives is the table's cells and the list's text with every value encoded, and every viewer of the same
/// snapshot shares the one string (docs/performance.md, "Capacity").
/// </summary>
public sealed class DashboardRowsTests
{
    private const string Title = "<script>alert(1)</script> \"Sales\" & <b>dealers</b>";

    private static readonly PortfolioRow Row = new("ELR-0007", Title, PhaseKind.Pilot, RolloutHealth.AtRisk,
        new DateOnly(2027, 3, 1), "O'Brien <Ops>", 12);

    [Fact]
    public async Task A_portfolio_row_is_the_tables_cells_with_every_value_encoded()
    {
        await using var ctx = NewContext();
        var rendered = ctx.Render(b => b.AddMarkupContent(0, $"<table><tbody>{DashboardRows.PortfolioRowMarkup(Row)}</tbody></table>"));
        var chip = ctx.Render<HealthChip>(p => p.Add(x => x.Health, RolloutHealth.AtRisk));

        Assert.Equal(["Rollout", "Phase", "Health", "Target go-live", "Owner"],
            rendered.FindAll("tr.mud-table-row td.mud-table-cell").Select(td => td.GetAttribute("data-label")));
        Assert.Empty(rendered.FindAll("script, b"));
        Assert.Equal($"ELR-0007 {Title}", rendered.Find("td[data-label=Rollout]").TextContent);
        var link = rendered.Find("td[data-label=Rollout] a");
        Assert.Equal(("/rollouts/ELR-0007", "ELR-0007"), (link.GetAttribute("href"), link.TextContent));
        Assert.Contains("mud-link-underline-always", link.GetAttribute("class"));
        Assert.Equal(PhaseKind.Pilot.DisplayName(), rendered.Find("td[data-label=Phase]").TextContent);
        rendered.Find("td[data-label=Health] .mud-chip").MarkupMatches(chip.Find(".mud-chip").OuterHtml);
        Assert.Equal("1 Mar 2027 (in 12 days)", rendered.Find("td[data-label='Target go-live']").TextContent);
        Assert.Equal("O'Brien <Ops>", rendered.Find("td[data-label=Owner]").TextContent);
    }

    [Theory]
    [InlineData(0, "1 Mar 2027 (in 0 days)")]
    [InlineData(DashboardQueries.GoLiveHorizonDays, "1 Mar 2027 (in 90 days)")]
    [InlineData(DashboardQueries.GoLiveHorizonDays + 1, "1 Mar 2027")]
    [InlineData(-3, "1 Mar 2027 (past)")]
    public async Task The_target_go_live_says_how_far_away_it_is_within_the_horizon_and_past_when_it_is(int days, string expected)
    {
        await using var ctx = NewContext();
        var rendered = ctx.Render(b => b.AddMarkupContent(0,
            $"<table><tbody>{DashboardRows.PortfolioRowMarkup(Row with { DaysToGoLive = days })}</tbody></table>"));

        Assert.Equal(expected, rendered.Find("td[data-label='Target go-live']").TextContent);
    }

    [Fact]
    public async Task A_go_live_line_links_the_rollout_and_says_when_its_phase_health_and_owner()
    {
        await using var ctx = NewContext();
        var rendered = ctx.Render(b => b.AddMarkupContent(0,
            $"<ul>{DashboardRows.GoLiveLineMarkup(Row)}{DashboardRows.GoLiveLineMarkup(Row with { Code = "ELR-0008", DaysToGoLive = 0 })}</ul>"));

        var lines = rendered.FindAll("li.py-1 p.mud-typography-body2");
        Assert.Equal(
            [
                $"ELR-0007 {Title} · 1 Mar 2027 (in 12 days) · {PhaseKind.Pilot.DisplayName()} · At risk · O'Brien <Ops>",
                $"ELR-0008 {Title} · 1 Mar 2027 (today) · {PhaseKind.Pilot.DisplayName()} · At risk · O'Brien <Ops>",
            ],
            lines.Select(l => l.TextContent));
        Assert.Empty(rendered.FindAll("script, b"));
        Assert.Equal("/rollouts/ELR-0008", lines[1].QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public void Every_viewer_of_a_snapshot_shares_one_string_per_row_and_a_recomputed_row_gets_its_own()
    {
        // The snapshot's row instances are what every viewer of a filter renders.
        Assert.Same(DashboardRows.PortfolioRowMarkup(Row), DashboardRows.PortfolioRowMarkup(Row));
        Assert.Same(DashboardRows.GoLiveLineMarkup(Row), DashboardRows.GoLiveLineMarkup(Row));

        // A recomputed snapshot has new rows: an equal row reads the same, a moved one shows what moved.
        var recomputed = Row with { };
        Assert.Equal(DashboardRows.PortfolioRowMarkup(Row), DashboardRows.PortfolioRowMarkup(recomputed));
        Assert.Contains("Off track", DashboardRows.PortfolioRowMarkup(Row with { Health = RolloutHealth.OffTrack }));
    }

    private static BunitContext NewContext()
    {
        var ctx = new BunitContext();
        ctx.Services.AddMudServices();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        return ctx;
    }
}
