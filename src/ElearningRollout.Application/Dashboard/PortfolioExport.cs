using System.Globalization;
using ElearningRollout.Application.Common;
using ElearningRollout.Domain.Rollouts;

namespace ElearningRollout.Application.Dashboard;

/// <summary>
/// The dashboard's portfolio as a file, with the filters that were on screen: one row per active rollout, soonest
/// go-live first. Dates are ISO (yyyy-MM-dd) so every locale's spreadsheet reads them the same way.
/// </summary>
internal static class PortfolioExport
{
    public static readonly string[] Header = ["Rollout", "Title", "Phase", "Health", "TargetGoLive", "DaysToGoLive", "TrainingOwner"];

    public static string Csv(IEnumerable<PortfolioRow> rows) => TableFile.Csv(Header, rows.Select(Cells));

    public static byte[] Excel(IEnumerable<PortfolioRow> rows) => TableFile.Excel(Header, [("Portfolio", rows.Select(Cells))]);

    private static IReadOnlyList<string> Cells(PortfolioRow row) =>
    [
        row.Code, row.Title, row.Phase.DisplayName(), row.Health.ToString(), row.TargetGoLive.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        row.DaysToGoLive.ToString(CultureInfo.InvariantCulture), row.Owner,
    ];
}
