using ElearningRollout.Application.Identity.ApiAccess;
using Microsoft.AspNetCore.Components.Authorization;

namespace ElearningRollout.Web.Api.V1;

/// <summary>
/// The REST API at /api/v1: every endpoint calls the application services the screens call, as the person (or service
/// account) the bearer token speaks for, so the permission matrix is the screens' one. A read-only token is refused
/// every write before the application is asked (and the refusal audited).
/// </summary>
internal static class ApiEndpoints
{
    public const string Prefix = "/api/v1";

    public static RouteGroupBuilder MapRestApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(Prefix)
            .RequireAuthorization(ApiAuthentication.Policy)
            .RequireRateLimiting(ApiHosting.RateLimitPolicy)
            .AddEndpointFilter(ApiProblems.Errors)
            .AddEndpointFilter(ActAsCaller)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        RolloutEndpoints.Map(api);
        GateEndpoints.Map(api);
        PortfolioEndpoints.Map(api);

        // Anything else under /api/v1 (an unknown path, a method not offered) is answered by UseApiProblemResponses as a problem document.
        return api;
    }

    /// <summary>
    /// A change: it needs a read-write token and the version it is based on (If-Match, except the checklist); the
    /// document lists its 400, 409, 412 and 428 answers.
    /// </summary>
    public static RouteHandlerBuilder AsWrite(this RouteHandlerBuilder endpoint)
        => endpoint.AddEndpointFilter(async (context, next) =>
            {
                var http = context.HttpContext;
                var caller = ApiAuthentication.CallerOf(http);
                if (!caller.MayWrite)
                {
                    await http.RequestServices.GetRequiredService<ApiTokenAuthentication>()
                        .RecordRefusedUseAsync(caller, $"read-only credentials used for {http.Request.Method} {http.Request.Path}", http.Connection.RemoteIpAddress?.ToString());
                    return ApiProblems.Problem(StatusCodes.Status403Forbidden, "Read-only token",
                        "This token may only read. Create a token with the read and write scope on your profile page to make changes.");
                }

                return await next(context);
            })
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

    /// <summary>The application layer asks <c>ICurrentActor</c>, which reads the authentication state: here, the token's principal.</summary>
    private static async ValueTask<object?> ActAsCaller(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        context.HttpContext.RequestServices.GetRequiredService<AuthenticationStateProvider>().UseRequestUser(context.HttpContext);
        return await next(context);
    }
}
