using ElearningRollout.Application.Rollouts;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Rollouts;

namespace ElearningRollout.Web.Api.V1;

/// <summary>/api/v1/rollouts: the rollout grid, one rollout, creating and editing it, and its lifecycle and phase moves.</summary>
internal static class RolloutEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var rollouts = api.MapGroup("/rollouts").WithTags("Rollouts");

        rollouts.MapGet("", async (RolloutQueries queries, HttpContext http, string? search, LifecycleStatus? status, RolloutHealth? health,
                PhaseKind? phase, string? trainingOwnerId, ItInvolvementProfile? profile, RolloutSort? sort, bool? descending, int? page, int? pageSize) =>
            {
                var request = ApiRequests.Page(page, pageSize);
                var query = new RolloutListQuery(search, status, health, phase, trainingOwnerId, profile, sort ?? RolloutSort.Code, descending ?? false);
                return TypedResults.Ok(ApiPage.Of(await queries.ListAsync(query, request, http.RequestAborted), request));
            })
            .WithName("ListRollouts").WithSummary("The rollouts, filtered and sorted as on the Rollouts page, one page at a time.");

        rollouts.MapGet("/{code}", async (RolloutQueries queries, HttpContext http, string code) =>
            {
                var rollout = await Rollout(queries, code, http);
                return ApiRequests.WithETag(http, rollout, rollout.Version);
            })
            .Produces<RolloutDetails>().WithName("GetRollout")
            .WithSummary("One rollout by its code (e.g. ELR-0001); the ETag is the version to send back in If-Match.");

        rollouts.MapPost("", async (RolloutCommands commands, HttpContext http) =>
            {
                var code = await commands.CreateAsync(await ApiRequests.BodyAsync<RolloutDraft>(http), http.RequestAborted);
                return TypedResults.Created($"{ApiEndpoints.Prefix}/rollouts/{code}", new CreatedRollout(code));
            })
            .Accepts<RolloutDraft>("application/json").WithName("CreateRollout").AsWrite()
            .WithSummary("Creates a rollout (training managers and administrators), with the rules of the New rollout form.");

        rollouts.MapPut("/{code}", async (RolloutCommands commands, HttpContext http, string code) =>
            {
                var version = ApiRequests.IfMatch(http);
                await commands.UpdateDetailsAsync(code, await ApiRequests.BodyAsync<RolloutDraft>(http), version, http.RequestAborted);
                return TypedResults.NoContent();
            })
            .Accepts<RolloutDraft>("application/json").WithName("UpdateRolloutDetails").AsWrite()
            .WithSummary("Replaces the rollout's details with the whole form (GET it, change fields, send it back with If-Match).");

        rollouts.MapPost("/{code}/lifecycle", async (RolloutCommands commands, HttpContext http, string code) =>
            {
                var version = ApiRequests.IfMatch(http);
                var move = await ApiRequests.BodyAsync<LifecycleMoveRequest>(http);
                await commands.ChangeLifecycleAsync(code, move.Action, move.Reason, version, http.RequestAborted);
                return TypedResults.NoContent();
            })
            .Accepts<LifecycleMoveRequest>("application/json").WithName("MoveRolloutLifecycle").AsWrite()
            .WithSummary("A lifecycle move; the rollout's moves.lifecycleActions lists those its state allows now.");

        rollouts.MapPost("/{code}/phases/complete", async (RolloutCommands commands, HttpContext http, string code) =>
            {
                await commands.CompleteCurrentPhaseAsync(code, ApiRequests.IfMatch(http), http.RequestAborted);
                return TypedResults.NoContent();
            })
            .WithName("CompleteCurrentPhase").AsWrite()
            .WithSummary("Completes the current phase; refused (409) while a required gate at its exit is not cleared.");

        rollouts.MapPost("/{code}/phases/skip", async (RolloutCommands commands, HttpContext http, string code) =>
            {
                var version = ApiRequests.IfMatch(http);
                var move = await ApiRequests.BodyAsync<PhaseMoveRequest>(http);
                await commands.SkipPhaseAsync(code, move.Phase, move.Reason, version, http.RequestAborted);
                return TypedResults.NoContent();
            })
            .Accepts<PhaseMoveRequest>("application/json").WithName("SkipPhase").AsWrite()
            .WithSummary("Skips a phase with a reason; moves.skippablePhases lists those that may be skipped now.");

        rollouts.MapPost("/{code}/phases/send-back", async (RolloutCommands commands, HttpContext http, string code) =>
            {
                var version = ApiRequests.IfMatch(http);
                var move = await ApiRequests.BodyAsync<PhaseMoveRequest>(http);
                await commands.SendBackAsync(code, move.Phase, move.Reason, version, http.RequestAborted);
                return TypedResults.NoContent();
            })
            .Accepts<PhaseMoveRequest>("application/json").WithName("SendBackToPhase").AsWrite()
            .WithSummary("Sends the rollout back to an earlier phase with a reason; moves.sendBackTargets lists the phases allowed now.");

        rollouts.MapGet("/{code}/gates", async (RolloutQueries queries, HttpContext http, string code) =>
                TypedResults.Ok((await Rollout(queries, code, http)).Gates))
            .WithName("ListRolloutGates").WithTags("Gates").WithSummary("The rollout's clearance gates, in phase order.");
    }

    private static async Task<RolloutDetails> Rollout(RolloutQueries queries, string code, HttpContext http)
        => await queries.GetAsync(code, http.RequestAborted)
           ?? throw new Application.Common.NotFoundException($"There is no rollout {code}.");
}
