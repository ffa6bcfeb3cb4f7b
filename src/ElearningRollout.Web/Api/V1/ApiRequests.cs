using System.Text.Json;
using ElearningRollout.Application.Common;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ElearningRollout.Web.Api.V1;

/// <summary>
/// How /api/v1 reads what a request sends: JSON bodies (bounded, each unreadable value reported at its JSON path),
/// paging, and the version a write is based on (<c>If-Match</c>). Bodies are read here rather than bound by the
/// framework so that a malformed body is a problem document naming the field, never an exception page.
/// </summary>
internal static class ApiRequests
{
    public static async Task<T> BodyAsync<T>(HttpContext http)
        where T : class
    {
        var limit = http.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.MaxRequestBodyBytes;
        if (http.Request.ContentLength > limit)
        {
            throw TooLarge(limit);
        }

        if (!http.Request.HasJsonContentType())
        {
            throw new ApiRequestException(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the body as application/json.");
        }

        // Counted while reading too: a chunked body has no Content-Length to refuse it by.
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw TooLarge(limit);
            }

            buffer.Write(chunk, 0, read);
        }

        var json = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            return JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), json)
                ?? throw ApiRequestException.Field("$", "The body must be a JSON object, not null.");
        }
        catch (JsonException e)
        {
            var path = string.IsNullOrEmpty(e.Path) ? "$" : e.Path;
            var field = path == "$" ? "$" : ApiProblems.JsonName(path.TrimStart('$', '.'));
            throw ApiRequestException.Field(field, $"This value could not be read at {path}: check its type (text, number, true/false, a date as yyyy-MM-dd, one of the values /api/docs lists).");
        }
    }

    /// <summary>1-based page and its size (at most <see cref="PageRequest.MaxPageSize"/>), as the screens page on the server.</summary>
    public static PageRequest Page(int? page, int? pageSize)
    {
        var errors = new Dictionary<string, string[]>();
        if (page is < 1)
        {
            errors["page"] = ["Pages are numbered from 1."];
        }

        if (pageSize is < 1 or > PageRequest.MaxPageSize)
        {
            errors["pageSize"] = [$"Choose a page size from 1 to {PageRequest.MaxPageSize}."];
        }

        if (errors.Count > 0)
        {
            throw new ApiRequestException(StatusCodes.Status400BadRequest, "Validation failed", "The paging parameters are not valid; see errors.", errors);
        }

        return new PageRequest((page ?? 1) - 1, pageSize ?? 25);
    }

    /// <summary>
    /// The version a write is based on: the ETag the client read. Missing is 428 (a write without it would overwrite
    /// whatever someone saved meanwhile); a value that is no version of ours cannot match, so it is a 412 like a stale one.
    /// </summary>
    public static Guid IfMatch(HttpContext http)
    {
        var header = http.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            throw new ApiRequestException(StatusCodes.Status428PreconditionRequired, "If-Match required",
                "Send the ETag you read (GET the resource) in an If-Match header: a change is applied only to the version you saw.");
        }

        if (EntityTagHeaderValue.TryParse(header.Trim(), out var tag) && !tag.IsWeak
            && Guid.TryParseExact(tag.Tag.ToString().Trim('"'), "N", out var version))
        {
            return version;
        }

        throw new ApiRequestException(StatusCodes.Status412PreconditionFailed, "Precondition failed",
            "If-Match is not an ETag this API issued (one quoted value, as the ETag header gave it); GET the resource again and send its ETag.");
    }

    public static string ETag(Guid version) => $"\"{version:N}\"";

    /// <summary>A read model with its version as the ETag, for the client to send back in If-Match.</summary>
    public static IResult WithETag<T>(HttpContext http, T body, Guid version)
    {
        http.Response.Headers.ETag = ETag(version);
        return TypedResults.Ok(body);
    }

    private static ApiRequestException TooLarge(long limit)
        => new(StatusCodes.Status413PayloadTooLarge, "Body too large", $"The body is larger than {limit} bytes (Authentication:Api:MaxRequestBodyBytes).");
}
