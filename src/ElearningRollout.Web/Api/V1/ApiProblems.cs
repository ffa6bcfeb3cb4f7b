using System.Text.Json;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Gates;
using ElearningRollout.Domain.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace ElearningRollout.Web.Api.V1;

/// <summary>
/// Every answer of /api/v1 that is not a success is an RFC 9457 problem details document (application/problem+json):
/// the application's refusals (<see cref="Errors"/>), the protocol's (<see cref="ApiRequestErrors"/>), and the
/// framework's own empty error responses (a 405, a 415), which <see cref="UseApiProblemResponses"/> fills in instead of
/// letting the app's HTML "not found" page answer a script.
/// </summary>
internal static class ApiProblems
{
    public static Task Write(HttpContext http, int status, string title, string detail, IDictionary<string, object?>? extensions = null)
        => Problem(status, title, detail, extensions).ExecuteAsync(http);

    public static IResult Problem(int status, string title, string detail, IDictionary<string, object?>? extensions = null)
        => Results.Problem(detail: detail, statusCode: status, title: title, extensions: extensions);

    /// <summary>Field errors: the keys are the JSON names of the body's properties (camelCase).</summary>
    public static IResult Validation(IReadOnlyDictionary<string, string[]> errors, string detail = "The request has fields that are not valid; see errors.")
        => Results.ValidationProblem(
            errors.ToDictionary(e => JsonName(e.Key), e => e.Value), detail: detail, title: "Validation failed");

    /// <summary>"PilotCohort.Size" becomes "pilotCohort.size", "Conditions[0].OwnerId" becomes "conditions[0].ownerId".</summary>
    public static string JsonName(string field)
        => string.Join('.', field.Split('.').Select(part => part.Length == 0 ? part : JsonNamingPolicy.CamelCase.ConvertName(part)));

    /// <summary>The application's refusals, each with its own status; nothing of the request was written.</summary>
    public static async ValueTask<object?> Errors(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (ApiRequestException e)
        {
            return e.Errors is { } errors ? Validation(errors, e.Message) : Problem(e.Status, e.Title, e.Message);
        }
        catch (ValidationFailedException e)
        {
            return Validation(e.Errors);
        }
        catch (AccessRefusedException e)
        {
            return Problem(StatusCodes.Status403Forbidden, "Forbidden", e.Message);
        }
        catch (NotFoundException e)
        {
            return Problem(StatusCodes.Status404NotFound, "Not found", e.Message);
        }
        catch (ChecklistConflictException e)
        {
            // The checklist compares each item's setting, not an ETag: another person's newer setting of an item.
            return Problem(StatusCodes.Status409Conflict, "Conflict", e.Message);
        }
        catch (ConcurrencyConflictException e)
        {
            return Problem(StatusCodes.Status412PreconditionFailed, "Someone saved first", e.Message);
        }
        catch (DomainException e)
        {
            // The aggregate's own rule refuses the change in its current state (e.g. a phase with a required gate not cleared).
            return Problem(StatusCodes.Status409Conflict, "Refused by the rules", e.Message);
        }
        catch (BadHttpRequestException e)
        {
            return Problem(e.StatusCode, "Bad request", "The request could not be read.");
        }
    }

    /// <summary>
    /// For /api paths: the app's status code pages (HTML) are switched off, an error status the framework left without a
    /// body gets a problem document, and an exception nobody expected is a problem document with a correlation id (the
    /// details go to the log, as on the pages).
    /// </summary>
    public static IApplicationBuilder UseApiProblemResponses(this IApplicationBuilder app)
        => app.UseWhen(http => http.Request.Path.StartsWithSegments(ApiEndpoints.Prefix), api => api.Use(async (http, next) =>
        {
            if (http.Features.Get<IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }

            try
            {
                await next(http);
            }
            catch (Exception e) when (!http.Response.HasStarted && e is not OperationCanceledException)
            {
                var log = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("ElearningRollout.Web.Api");
                log.LogError(e, "Unexpected error in {Method} {Path} ({TraceId})", http.Request.Method, http.Request.Path, http.TraceIdentifier);
                http.Response.Clear();
                // As the developer exception page does, Development shows what failed; elsewhere it stays in the log.
                var detail = http.RequestServices.GetRequiredService<IHostEnvironment>().IsDevelopment()
                    ? e.ToString()
                    : "Something went wrong on our side; nothing was saved unless a later read shows it.";
                await Write(http, StatusCodes.Status500InternalServerError, "Unexpected error", detail,
                    new Dictionary<string, object?> { ["traceId"] = http.TraceIdentifier });
                return;
            }

            if (http.Response.StatusCode >= 400 && !http.Response.HasStarted && http.Response.ContentLength is null or 0
                && string.IsNullOrEmpty(http.Response.ContentType))
            {
                var (title, detail) = http.Response.StatusCode switch
                {
                    StatusCodes.Status405MethodNotAllowed => ("Method not allowed", $"{http.Request.Method} is not offered on this resource; see /api/docs."),
                    StatusCodes.Status415UnsupportedMediaType => ("Unsupported media type", "Send the body as application/json."),
                    StatusCodes.Status404NotFound => ("Not found", "There is no such resource; see /api/docs."),
                    _ => ("Bad request", "The request could not be read: check the parameters' types (numbers, dates as yyyy-MM-dd, the values each enumeration allows) against /api/docs."),
                };
                await Write(http, http.Response.StatusCode, title, detail);
            }
        }));
}

/// <summary>The request broke the API's protocol: an unreadable body, a missing If-Match, a value out of range.</summary>
internal sealed class ApiRequestException(int status, string title, string message, IReadOnlyDictionary<string, string[]>? errors = null)
    : Exception(message)
{
    public int Status { get; } = status;

    public string Title { get; } = title;

    public IReadOnlyDictionary<string, string[]>? Errors { get; } = errors;

    public static ApiRequestException Field(string field, string message)
        => new(StatusCodes.Status400BadRequest, "Validation failed", "The request has fields that are not valid; see errors.",
            new Dictionary<string, string[]> { [field] = [message] });
}
