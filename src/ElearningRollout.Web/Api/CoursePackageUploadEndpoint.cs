using ElearningRollout.Application.Common;
using ElearningRollout.Application.CoursePackages;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Vendors;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace ElearningRollout.Web.Api;

/// <summary>
/// POST /vendor-engagements/{engagement}/packages/{stage}: a deliverable's course package, the zip itself as the request
/// body (<c>wwwroot/js/package-upload.js</c> sends the chosen file straight from disk, with its name in
/// <see cref="FileNameHeader"/>). The body is never buffered: <see cref="CoursePackageCommands.UploadAsync"/> reads it in
/// chunks into the package store and stops past <c>Storage:MaxPackageBytes</c>, so the server's own request size limit is
/// lifted for this endpoint alone. Signed-in people only, with the page's antiforgery token (a cross-site form cannot
/// post here); who may upload is the application layer's rule, the same the rest of the deliverable follows.
/// Answers 201 with the report's summary, or a problem document: 413 past the limit, 422 for a refused archive or a stage
/// that takes no package, 403, 404, 400 for a missing token or an unknown stage.
/// </summary>
internal static class CoursePackageUploadEndpoint
{
    public const string FileNameHeader = "X-File-Name";

    public static string PathFor(Guid engagementId, DeliverableStage stage) => $"/vendor-engagements/{engagementId}/packages/{stage.ToString().ToLowerInvariant()}";

    public static IEndpointConventionBuilder MapCoursePackageUpload(this IEndpointRouteBuilder endpoints)
        => endpoints.MapPost("/vendor-engagements/{engagementId:guid}/packages/{stage}", async (
                HttpContext http, Guid engagementId, string stage, CoursePackageCommands packages, IAntiforgery antiforgery,
                AuthenticationStateProvider authentication, IOptions<CoursePackageLimits> limits, ILoggerFactory loggers) =>
            {
                try
                {
                    // The token comes in a header, so it is checked here, before a byte of the body is read.
                    await antiforgery.ValidateRequestAsync(http);
                }
                catch (AntiforgeryValidationException)
                {
                    return Problem(StatusCodes.Status400BadRequest, "Page out of date", "The page is out of date: reload it and upload the package again.");
                }

                if (!Enum.TryParse<DeliverableStage>(stage, ignoreCase: true, out var deliverableStage) || !Enum.IsDefined(deliverableStage))
                {
                    return Problem(StatusCodes.Status400BadRequest, "Unknown stage", "Packages are uploaded for the alpha, beta or gold.");
                }

                if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
                {
                    // The application layer enforces Storage:MaxPackageBytes while reading, with an audited refusal.
                    bodyLimit.MaxRequestBodySize = null;
                }

                authentication.UseRequestUser(http);
                var max = limits.Value.MaxPackageBytes;
                var body = new CountingStream(http.Request.Body);
                try
                {
                    var receipt = await packages.UploadAsync(
                        engagementId, deliverableStage, FileName(http), body, http.Request.ContentLength, http.RequestAborted);
                    return Results.Json(
                        new CoursePackageUploaded(receipt.Id, receipt.FileName, receipt.PackageBytes, receipt.Report.Passed, receipt.Report.Errors, receipt.Report.Warnings),
                        statusCode: StatusCodes.Status201Created);
                }
                catch (DomainException refusal) when (http.Request.ContentLength > max || body.BytesRead > max)
                {
                    return Problem(StatusCodes.Status413PayloadTooLarge, "Package too large", refusal.Message);
                }
                catch (DomainException refusal)
                {
                    return Problem(StatusCodes.Status422UnprocessableEntity, "Package refused", refusal.Message);
                }
                catch (AccessRefusedException refusal)
                {
                    return Problem(StatusCodes.Status403Forbidden, "Forbidden", refusal.Message);
                }
                catch (NotFoundException missing)
                {
                    return Problem(StatusCodes.Status404NotFound, "Not found", missing.Message);
                }
                catch (ConcurrencyConflictException conflict)
                {
                    return Problem(StatusCodes.Status409Conflict, "Someone saved first", conflict.Message);
                }
                catch (Exception interrupted) when (interrupted is BadHttpRequestException or IOException && !http.Response.HasStarted)
                {
                    // The connection broke or the body ended early (the browser went away mid-upload): the temporary file is
                    // already gone and nothing was saved.
                    loggers.CreateLogger(typeof(CoursePackageUploadEndpoint)).LogInformation("A course package upload was interrupted: {Reason}", interrupted.Message);
                    return Problem(StatusCodes.Status400BadRequest, "Upload interrupted", "The upload was interrupted; try again.");
                }
            })
            .RequireAuthorization()
            // Not a form: the antiforgery token travels in a header and is validated above, before the body is read.
            .DisableAntiforgery();

    /// <summary>The name the browser gave the file (URL-encoded, as headers are ASCII); the application layer keeps only its last segment.</summary>
    private static string FileName(HttpContext http)
    {
        var header = http.Request.Headers[FileNameHeader].ToString();
        try
        {
            return Uri.UnescapeDataString(header);
        }
        catch (UriFormatException)
        {
            return "";
        }
    }

    private static IResult Problem(int status, string title, string detail) => Results.Problem(detail: detail, statusCode: status, title: title);

    /// <summary>What the endpoint answers for a package kept with its report.</summary>
    internal sealed record CoursePackageUploaded(Guid Id, string FileName, long PackageBytes, bool Passed, int Errors, int Warnings);

    /// <summary>The request body as read, counting its bytes: a refusal after more than the limit was read is a 413.</summary>
    private sealed class CountingStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            => Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            BytesRead += read;
            return read;
        }
    }
}
