using System.Text;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.CostSharing;
using Microsoft.AspNetCore.Components.Authorization;

namespace ElearningRollout.Web.Api;

/// <summary>
/// GET /rollouts/{code}/costs/export.csv : every version of the rollout's cost-sharing agreement for finance,
/// as a file download from a plain link on the Costs tab (no script, which keeps the CSP strict).
/// Anyone signed in may read the agreement, so anyone signed in may download it.
/// </summary>
internal static class CostSharingExportEndpoint
{
    public static void MapCostSharingExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/rollouts/{code}/costs/export.csv", async (
                HttpContext http, CostSharingQueries queries, AuthenticationStateProvider authentication, string code) =>
            {
                authentication.UseRequestUser(http);

                try
                {
                    var csv = await queries.ExportCsvAsync(code, http.RequestAborted);
                    return Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(),
                        "text/csv; charset=utf-8", $"{code}-cost-sharing.csv");
                }
                catch (NotFoundException e)
                {
                    // No such rollout, or no agreement yet: say which, instead of an error page.
                    return Results.NotFound(e.Message);
                }
            })
            .RequireAuthorization();

        endpoints.MapGet("/rollouts/{code}/costs/export.xlsx", async (
                HttpContext http, CostSharingQueries queries, AuthenticationStateProvider authentication, string code) =>
            {
                authentication.UseRequestUser(http);
                try
                {
                    return Results.File(await queries.ExportExcelAsync(code, http.RequestAborted),
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{code}-cost-sharing.xlsx");
                }
                catch (NotFoundException e)
                {
                    return Results.NotFound(e.Message);
                }
            })
            .RequireAuthorization();
    }
}
