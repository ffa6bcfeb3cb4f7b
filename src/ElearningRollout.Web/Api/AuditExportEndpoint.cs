using System.Text;
using ElearningRollout.Application.Administration;
using ElearningRollout.Domain.Common;
using Microsoft.AspNetCore.Components.Authorization;

namespace ElearningRollout.Web.Api;

/// <summary>
/// GET /admin/audit/export.csv?user=&amp;entityType=&amp;entityId=&amp;action=&amp;from=&amp;to= : the filtered audit log as a
/// file download (a plain link from the audit page; no script needed, which keeps the CSP strict).
/// </summary>
internal static class AuditExportEndpoint
{
    public static IEndpointConventionBuilder MapAuditExport(this IEndpointRouteBuilder endpoints)
        => endpoints.MapGet("/admin/audit/export.csv", async (
                HttpContext http, AuditQueries auditLog, AuthenticationStateProvider authentication,
                string? user, string? entityType, string? entityId, string? action, DateOnly? from, DateOnly? to) =>
            {
                authentication.UseRequestUser(http);

                var csv = await auditLog.ExportCsvAsync(new AuditLogQuery(user, entityType, entityId, action, from, to), http.RequestAborted);
                return Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", "audit-log.csv");
            })
            .RequireAuthorization(Hosting.AdministratorTwoFactorPolicy.Name);
}
