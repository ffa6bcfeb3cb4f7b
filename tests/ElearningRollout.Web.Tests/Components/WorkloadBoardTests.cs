using Bunit;
using ElearningRollout.Application.Workload;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Web.Components.Pages.Workload;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace ElearningRollout.Web.Tests.Components;

/// <summary>
/// The IT workload page's two views: per reviewer (IT leads, executives, administrators) and IT's totals only (training
/// managers, whom <see cref="WorkloadQueries.ByReviewerAsync"/> refuses, so the page has no per-person figures to show).
/// </summary>
public sealed class WorkloadBoardTests
{
    private static readonly Guid ComingGate = Guid.NewGuid();

    private static readonly WorkloadOverview Overview = new(
        new DateOnly(2026, 11, 9), Reviewers: 2, OpenReviews: 3, Unassigned: 1, DueThisWeek: 1, Overdue: 1, ReviewsPerReviewerPerWeek: 3,
        [
            new WeekCapacity(new DateOnly(2026, 11, 9), 4, 4, 2, 0, 2),
            new WeekCapacity(new DateOnly(2026, 11, 16), 5, 6, 1, 5, 0),
        ],
        [new ComingToItGate(ComingGate, "ELR-0007", "Dealer academy", GateKind.SecurityReview, new DateOnly(2026, 11, 20), "Ivan IT")]);

    private static readonly IReadOnlyList<ReviewerWorkload> People =
    [
        new("it2", "Ines Infra", 1, 0, 1, 4, 3.5, 0),
        new("it1", "Ivan IT", 1, 1, 0, 0, null, 1),
        new(null, "Not assigned", 1, 0, 0, 0, null, 0),
    ];

    [Fact]
    public async Task IT_leads_and_executives_see_every_reviewers_figures_beside_ITs_totals()
    {
        await using var ctx = NewContext();

        var board = ctx.Render<WorkloadBoard>(p => p.Add(x => x.Overview, Overview).Add(x => x.ByReviewer, People));

        var rows = board.FindAll("[data-testid=by-reviewer] tbody tr");
        Assert.Equal(["Ines Infra", "Ivan IT", "Not assigned"], rows.Select(r => r.QuerySelector("td[data-label=Reviewer]")!.TextContent.Trim()));
        Assert.Equal("1 overdue", rows[0].QuerySelector("td[data-label=Overdue]")!.TextContent.Trim());
        Assert.Equal("3.5 working days (4 decisions)", rows[0].QuerySelector("td[data-label='Average days to decide (90 days)']")!.TextContent.Trim());
        Assert.Equal("No decisions", rows[1].QuerySelector("td[data-label='Average days to decide (90 days)']")!.TextContent.Trim());
        Assert.Equal("1", rows[1].QuerySelector("td[data-label='Coming to them in 30 days']")!.TextContent.Trim());
        Assert.Contains("rebalance", board.Markup, StringComparison.Ordinal);
        AssertTotalsWeeksAndComing(board);
    }

    [Fact]
    public async Task Training_managers_see_ITs_totals_and_free_capacity_but_nobodys_figures()
    {
        await using var ctx = NewContext();

        var board = ctx.Render<WorkloadBoard>(p => p.Add(x => x.Overview, Overview).Add(x => x.ByReviewer, null));

        Assert.Empty(board.FindAll("[data-testid=by-reviewer]"));
        Assert.DoesNotContain("By reviewer", board.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Ines Infra", board.Markup, StringComparison.Ordinal);
        Assert.Contains("time your submissions", board.Markup, StringComparison.Ordinal);
        AssertTotalsWeeksAndComing(board);
    }

    [Fact]
    public async Task With_no_reviewer_and_nothing_coming_the_page_says_so()
    {
        await using var ctx = NewContext();
        var quiet = Overview with { Reviewers = 0, OpenReviews = 0, Unassigned = 0, DueThisWeek = 0, Overdue = 0, Coming = [] };

        var board = ctx.Render<WorkloadBoard>(p => p.Add(x => x.Overview, quiet).Add(x => x.ByReviewer, []));

        Assert.Contains("Nobody reviews for IT yet", board.Find("[data-testid=no-reviewers]").TextContent, StringComparison.Ordinal);
        Assert.Contains("No rollout is planned to reach an IT gate in the next 30 days.", board.Find("[data-testid=nothing-coming]").TextContent, StringComparison.Ordinal);
        Assert.Empty(board.FindAll("[data-testid=coming]"));
    }

    private static void AssertTotalsWeeksAndComing(IRenderedComponent<WorkloadBoard> board)
    {
        var figures = board.FindAll(".mud-paper p.mud-typography-h4").Select(p => p.TextContent.Trim()).Take(6).ToList();
        Assert.Equal(["2", "3", "1", "1", "1", "1"], figures);
        var weeks = board.FindAll("[data-testid=weeks] tbody tr");
        Assert.Equal(2, weeks.Count);
        Assert.Equal("2 free", weeks[0].QuerySelector("td[data-label=Free]")!.TextContent.Trim());
        Assert.Equal("0 free", weeks[1].QuerySelector("td[data-label=Free]")!.TextContent.Trim());
        Assert.Equal("4", weeks[0].QuerySelector("td[data-label='Working days']")!.TextContent.Trim());
        var coming = board.Find("[data-testid=coming] tbody tr");
        Assert.Contains("ELR-0007", coming.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/gates/{ComingGate}", coming.QuerySelector("td[data-label=Gate] a")!.GetAttribute("href"));
    }

    private static BunitContext NewContext()
    {
        var ctx = new BunitContext();
        ctx.Services.AddMudServices();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        return ctx;
    }
}
