using ElearningRollout.Application.Common;
using ElearningRollout.Application.Gates;

namespace ElearningRollout.Web.Api.V1;

/// <summary>/api/v1/gates/{id}: a clearance gate, its checklist, submission, decision and go-live sign-off, through <see cref="GateCommands"/>.</summary>
internal static class GateEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var gates = api.MapGroup("/gates/{id:guid}").WithTags("Gates");

        gates.MapGet("", async (GateQueries queries, HttpContext http, Guid id) =>
            {
                var gate = await queries.GetAsync(id, http.RequestAborted) ?? throw new NotFoundException("There is no such gate.");
                return ApiRequests.WithETag(http, gate, gate.Version);
            })
            .Produces<GateDetails>().WithName("GetGate")
            .WithSummary("One gate with its checklist, rounds, conditions and what you may do on it (can, why); the ETag is its version.");

        gates.MapPatch("/checklist", async (GateCommands commands, HttpContext http, Guid id) =>
            {
                var request = await ApiRequests.BodyAsync<ChecklistUpdateRequest>(http);
                if (request.Items.Count == 0)
                {
                    throw ApiRequestException.Field("items", "Name at least one checklist item to set.");
                }

                await commands.SetChecklistItemsAsync(id, request.Items, http.RequestAborted);
                return TypedResults.NoContent();
            })
            .Accepts<ChecklistUpdateRequest>("application/json").WithName("UpdateGateChecklist").AsWrite()
            .WithSummary("Sets checklist items in one save. No If-Match: each item carries seenSetAt, so two clients settling different items do not conflict; an item set since is a 409 naming who.");

        gates.MapPost("/submit", async (GateCommands commands, HttpContext http, Guid id) =>
            {
                var version = ApiRequests.IfMatch(http);
                var request = await ApiRequests.BodyAsync<GateSubmissionRequest>(http);
                await commands.SubmitAsync(id, request.ReviewerId, request.DueDate, version, http.RequestAborted);
                return TypedResults.NoContent();
            })
            .Accepts<GateSubmissionRequest>("application/json").WithName("SubmitGate").AsWrite()
            .WithSummary("Submits (or resubmits) the gate for review.");

        gates.MapPost("/decision", async (GateCommands commands, HttpContext http, Guid id) =>
            {
                var version = ApiRequests.IfMatch(http);
                await commands.DecideAsync(id, await ApiRequests.BodyAsync<GateDecisionDraft>(http), version, http.RequestAborted);
                return TypedResults.NoContent();
            })
            .Accepts<GateDecisionDraft>("application/json").WithName("DecideGate").AsWrite()
            .WithSummary("Approves, approves with conditions (each with text, ownerId and dueDate) or rejects the submitted gate.");

        gates.MapPost("/sign-off", async (GateCommands commands, HttpContext http, Guid id) =>
            {
                var version = ApiRequests.IfMatch(http);
                var request = await ApiRequests.BodyAsync<SignOffRequest>(http);
                await commands.SignOffAsync(id, request.Rationale, version, http.RequestAborted);
                return TypedResults.NoContent();
            })
            .Accepts<SignOffRequest>("application/json").WithName("SignOffGoLive").AsWrite()
            .WithSummary("The executive sponsor's go-live sign-off of the rollout (the Go-live sign-off gate).");
    }
}
