using System.Runtime.CompilerServices;
using ElearningRollout.Application.Dashboard;
using ElearningRollout.Domain.Rollouts;
using ElearningRollout.Web.Components.Pages.Rollouts;
using MudBlazor;

namespace ElearningRollout.Web.Components.Pages.Dashboard;

/// <summary>
/// A portfolio row and a go-live line of the dashboard as one markup string each, built once per row of a snapshot and
/// shared by every open dashboard showing it. Every viewer of a filter holds the same snapshot, so the same
/// <see cref="PortfolioRow"/> instances: on a gate change each viewer's render is then one markup frame per row, and its
/// diff compares strings, instead of twenty-odd frames per row built and diffed by every viewer (the portfolio section
/// was the largest part of a viewer's re-render, docs/performance.md "Capacity"). A row's markup lives as long as the
/// row: the table holds it weakly, keyed by the instance. Every value from data is HTML-encoded (<see cref="PlainMarkup.Encode"/>).
/// The app has one culture, so a date written once reads the same for every viewer.
/// </summary>
public static class DashboardRows
{
    private static readonly ConditionalWeakTable<PortfolioRow, string> PortfolioRows = new();
    private static readonly ConditionalWeakTable<PortfolioRow, string> GoLiveLines = new();

    /// <summary>The portfolio table's row (MudTable's row markup: a <c>td.mud-table-cell</c> with <c>data-label</c> per column).</summary>
    public static string PortfolioRowMarkup(PortfolioRow row) => PortfolioRows.GetValue(row, static row =>
        "<tr class=\"mud-table-row\">"
        + PlainMarkup.TableCell("Rollout", $"{PlainMarkup.LinkMarkup(RolloutText.Href(row.Code), row.Code, Underline.Always)} {PlainMarkup.Encode(row.Title)}")
        + PlainMarkup.TableCell("Phase", PlainMarkup.Encode(row.Phase.DisplayName()))
        + PlainMarkup.TableCell("Health", PlainMarkup.HealthChipMarkup(row.Health))
        + PlainMarkup.TableCell("Target go-live", PlainMarkup.Encode(RolloutText.Date(row.TargetGoLive) + GoLiveSuffix(row.DaysToGoLive)))
        + PlainMarkup.TableCell("Owner", PlainMarkup.Encode(row.Owner))
        + "</tr>");

    /// <summary>A line of the go-lives list: the rollout as a link, then when, its phase, health and owner.</summary>
    public static string GoLiveLineMarkup(PortfolioRow row) => GoLiveLines.GetValue(row, static row =>
        $"<li class=\"py-1\"><p class=\"{MudClasses.Body2}\">"
        + PlainMarkup.LinkMarkup(RolloutText.Href(row.Code), $"{row.Code} {row.Title}", Underline.Always)
        + PlainMarkup.Encode($" · {RolloutText.Date(row.TargetGoLive)} ({(row.DaysToGoLive == 0 ? "today" : $"in {row.DaysToGoLive} days")})"
            + $" · {row.Phase.DisplayName()} · {row.Health.Name()} · {row.Owner}")
        + "</p></li>");

    // Within the go-live horizon: how many days away; before today: past.
    private static string GoLiveSuffix(int daysToGoLive) => daysToGoLive switch
    {
        >= 0 and <= DashboardQueries.GoLiveHorizonDays => $" (in {daysToGoLive} days)",
        < 0 => " (past)",
        _ => "",
    };
}
