using ElearningRollout.Application.Administration;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.CostSharing;
using ElearningRollout.Application.Dashboard;
using ElearningRollout.Application.Vendors;
using ElearningRollout.Domain.Rollouts;

namespace ElearningRollout.Web.Api.V1;

/// <summary>The read side for reports: a rollout's cost-sharing agreement, vendors and engagements, the dashboard's figures, the audit log.</summary>
internal static class PortfolioEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var costs = api.MapGroup("/rollouts/{code}/agreement").WithTags("Cost sharing");
        costs.MapGet("", async (CostSharingQueries queries, HttpContext http, string code) =>
            {
                var agreement = await AgreementAsync(queries, code, http);
                return ApiRequests.WithETag(http, agreement, agreement.Version);
            })
            .Produces<CostAgreementView>().WithName("GetCostSharingAgreement")
            .WithSummary("The current version of the rollout's cost-sharing agreement with its totals and signatures.");
        costs.MapGet("/lines", async (CostSharingQueries queries, HttpContext http, string code) =>
                TypedResults.Ok((await AgreementAsync(queries, code, http)).Lines))
            .WithName("ListCostLines").WithSummary("The agreement's cost lines with their splits, variance and actual spend.");

        var vendors = api.MapGroup("/vendors").WithTags("Vendors");
        vendors.MapGet("", async (VendorQueries queries, HttpContext http, string? search, bool? needingAttention, int? page, int? pageSize) =>
            {
                var request = ApiRequests.Page(page, pageSize);
                var rows = await queries.ListAsync(new VendorListQuery(search, needingAttention ?? false), request, http.RequestAborted);
                return TypedResults.Ok(ApiPage.Of(rows, request));
            })
            .WithName("ListVendors").WithSummary("The vendor registry, as on the Vendors page.");
        vendors.MapGet("/{id:guid}", async (VendorQueries queries, HttpContext http, Guid id) =>
            {
                var vendor = await queries.GetAsync(id, http.RequestAborted) ?? throw new NotFoundException("There is no such vendor.");
                return ApiRequests.WithETag(http, vendor, vendor.Version);
            })
            .Produces<VendorDetails>().WithName("GetVendor").WithSummary("One vendor with its certifications and engagements.");

        var engagements = api.MapGroup("/rollouts/{code}/engagements").WithTags("Vendors");
        engagements.MapGet("", async (VendorEngagementQueries queries, HttpContext http, string code) =>
                TypedResults.Ok((await EngagementsAsync(queries, code, http)).Engagements))
            .WithName("ListEngagements").WithSummary("The rollout's vendor engagements with requirements and deliverables.");
        engagements.MapGet("/{id:guid}", async (VendorEngagementQueries queries, HttpContext http, string code, Guid id) =>
            {
                var engagement = (await EngagementsAsync(queries, code, http)).Engagements.FirstOrDefault(e => e.Id == id)
                    ?? throw new NotFoundException($"Rollout {code} has no such engagement.");
                return ApiRequests.WithETag(http, engagement, engagement.Version);
            })
            .Produces<EngagementView>().WithName("GetEngagement").WithSummary("One vendor engagement of the rollout.");

        api.MapGet("/dashboard", async (DashboardQueries queries, HttpContext http, string? department, string? trainingOwnerId, RolloutHealth? health, int? page, int? pageSize) =>
                TypedResults.Ok(await queries.LoadAsync(new DashboardFilter(department, trainingOwnerId, health), ApiRequests.Page(page, pageSize), http.RequestAborted)))
            .WithTags("Dashboard").WithName("GetDashboard")
            .WithSummary("The portfolio dashboard's figures (page and pageSize page its portfolio list), with its filters.");

        api.MapGet("/audit", async (AuditQueries queries, HttpContext http, string? user, string? entityType, string? entityId, string? action,
                DateOnly? from, DateOnly? to, int? page, int? pageSize) =>
            {
                var request = ApiRequests.Page(page, pageSize);
                var rows = await queries.SearchAsync(new AuditLogQuery(user, entityType, entityId, action, from, to), request, http.RequestAborted);
                return TypedResults.Ok(ApiPage.Of(rows, request));
            })
            .WithTags("Audit").WithName("SearchAuditLog")
            .WithSummary("The audit trail, newest first (administrators; a token of an administrator acts as one only if created in a two-factor session).");
    }

    private static async Task<CostAgreementView> AgreementAsync(CostSharingQueries queries, string code, HttpContext http)
        => (await queries.GetAsync(code, http.RequestAborted) ?? throw new NotFoundException($"There is no rollout {code}.")).Agreement
           ?? throw new NotFoundException($"Rollout {code} has no cost-sharing agreement yet.");

    private static async Task<RolloutVendors> EngagementsAsync(VendorEngagementQueries queries, string code, HttpContext http)
        => await queries.GetTabAsync(code, http.RequestAborted) ?? throw new NotFoundException($"There is no rollout {code}.");
}
