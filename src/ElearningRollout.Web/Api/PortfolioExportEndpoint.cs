using System.Text;
using ElearningRollout.Application.Dashboard;
using ElearningRollout.Application.Common;
using ElearningRollout.Domain.Rollouts;
using Microsoft.AspNetCore.Components.Authorization;

namespace ElearningRollout.Web.Api;

/// <summary>
/// GET /dashboard/export.csv and /dashboard/export.xlsx: the dashboard's portfolio with the filters on screen
/// (department, owner, health as query parameters), from plain links, like the cost-sharing export.
/// Anyone signed in may read the dashboard, so anyone signed in may download it.
/// </summary>
internal static class PortfolioExportEndpoint
{
    public static void MapPortfolioExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/dashboard/export.csv", async (HttpContext http, DashboardQueries dashboard, AuthenticationStateProvider authentication,
                string? department, string? owner, string? health) =>
            {
                authentication.UseRequestUser(http);
                var csv = await dashboard.ExportCsvAsync(Filter(department, owner, health), http.RequestAborted);
                return Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", "portfolio.csv");
            })
            .RequireAuthorization();

        endpoints.MapGet("/dashboard/export.xlsx", async (HttpContext http, DashboardQueries dashboard, AuthenticationStateProvider authentication,
                string? department, string? owner, string? health) =>
            {
                authentication.UseRequestUser(http);
                return Results.File(await dashboard.ExportExcelAsync(Filter(department, owner, health), http.RequestAborted),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "portfolio.xlsx");
            })
            .RequireAuthorization();
    }

    // An unknown health is ignored rather than refused: the link is made by the dashboard, a hand-edited one just filters less.
    private static DashboardFilter Filter(string? department, string? owner, string? health) =>
        new(department, owner, Enum.TryParse<RolloutHealth>(health, out var parsed) ? parsed : null);
}
