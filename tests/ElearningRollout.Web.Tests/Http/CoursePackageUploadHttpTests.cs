using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Vendors;
using ElearningRollout.Tests.Shared;
using ElearningRollout.Tests.Shared.CoursePackages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElearningRollout.Web.Tests.Http;

/// <summary>The real app with a package limit of 256 KB, so a test can go past it without sending a gigabyte.</summary>
public sealed class SmallPackageLimitApp : ProductAppFactory
{
    public const long Limit = 256 * 1024;

    public SmallPackageLimitApp()
    {
        Settings = new Dictionary<string, string?> { ["Storage:MaxPackageBytes"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture) };
    }
}

/// <summary>
/// The course package upload endpoint over HTTP, as the deliverable's page posts to it: the zip as the request body,
/// streamed into the package store and checked there. ELR-0002's course development (Coursecraft) is owned by training2@.
/// </summary>
public sealed partial class CoursePackageUploadHttpTests(SmallPackageLimitApp app) : IClassFixture<SmallPackageLimitApp>
{
    private async Task<Guid> CourseDevelopmentOfElr0002Async()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ElearningRolloutDbContext>>().CreateDbContextAsync();
        var rollout = await db.Rollouts.Where(r => r.Code == "ELR-0002").Select(r => r.Id).SingleAsync();
        return await db.VendorEngagements.Where(e => e.RolloutId == rollout && e.Type == EngagementType.CourseDevelopment).Select(e => e.Id).SingleAsync();
    }

    private async Task<int> ChecksAsync(Guid engagementId)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ElearningRolloutDbContext>>().CreateDbContextAsync();
        return await db.VendorEngagements.Where(e => e.Id == engagementId).Select(e => e.PackageChecks.Count).SingleAsync();
    }

    /// <summary>Every file under the store's parent folder (the store and whatever a hostile entry might reach beside it).</summary>
    private string[] FilesAroundTheStore()
    {
        var parent = Path.GetDirectoryName(Path.GetFullPath(app.PackagesPath))!;
        return Directory.Exists(app.PackagesPath)
            ? Directory.GetFiles(app.PackagesPath, "*", SearchOption.AllDirectories).Concat(Directory.GetFiles(parent, "x", SearchOption.TopDirectoryOnly)).Order().ToArray()
            : Directory.GetFiles(parent, "x", SearchOption.TopDirectoryOnly);
    }

    /// <summary>A signed-in client and the antiforgery token its pages carry (from a static form, as the page's own is in its state).</summary>
    private async Task<(HttpClient Client, string Token)> SignInAsync(string email)
    {
        var client = await SignedInClient.SignInAsync(app, email);
        var form = await client.GetStringAsync("/Account/Manage/ChangePassword");
        var token = WebUtility.HtmlDecode(AntiforgeryField().Match(form).Groups["value"].Value);
        Assert.NotEmpty(token);
        return (client, token);
    }

    private static HttpRequestMessage Upload(Guid engagementId, HttpContent body, string? token, string fileName = "alpha.zip", string stage = "alpha")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/vendor-engagements/{engagementId}/packages/{stage}") { Content = body };
        if (token is not null)
        {
            request.Headers.Add("RequestVerificationToken", token);
        }

        request.Headers.Add("X-File-Name", Uri.EscapeDataString(fileName));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        return request;
    }

    private static async Task<string> DetailAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.GetProperty("detail").GetString()!;
    }

    [Fact]
    public async Task A_valid_package_is_streamed_into_the_store_and_answered_with_its_report()
    {
        var engagement = await CourseDevelopmentOfElr0002Async();
        var (client, token) = await SignInAsync(DemoLogins.Training2);
        var zip = CoursePackageBuilder.Scorm2004().Build();
        var before = await ChecksAsync(engagement);

        var response = await client.SendAsync(Upload(engagement, new ByteArrayContent(zip), token, "Safe lifting (beta).zip", "beta"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Safe lifting (beta).zip", zip.LongLength, true, 0),
            (report.GetProperty("fileName").GetString(), report.GetProperty("packageBytes").GetInt64(), report.GetProperty("passed").GetBoolean(), report.GetProperty("errors").GetInt32()));
        Assert.Equal(before + 1, await ChecksAsync(engagement));
        Assert.Contains(FilesAroundTheStore(), f => File.ReadAllBytes(f).AsSpan().SequenceEqual(zip));
    }

    [Fact]
    public async Task A_package_announced_past_the_limit_is_refused_with_413_and_nothing_is_written()
    {
        var engagement = await CourseDevelopmentOfElr0002Async();
        var (client, token) = await SignInAsync(DemoLogins.Training2);
        var files = FilesAroundTheStore();
        var checks = await ChecksAsync(engagement);

        var response = await client.SendAsync(Upload(engagement, new ByteArrayContent(new byte[SmallPackageLimitApp.Limit + 1]), token));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("The package was refused: The package is larger than 256 KB, the most accepted.", await DetailAsync(response));
        Assert.Equal(files, FilesAroundTheStore());
        Assert.Equal(checks, await ChecksAsync(engagement));
    }

    [Fact]
    public async Task A_body_of_unknown_length_is_read_in_chunks_and_refused_mid_stream_past_the_limit()
    {
        var engagement = await CourseDevelopmentOfElr0002Async();
        var (client, token) = await SignInAsync(DemoLogins.Training2);
        var files = FilesAroundTheStore();
        // Four times the limit, then the body stalls and never ends: a server that buffered the body before checking it
        // would never answer. This one answers once it has read past the limit.
        using var body = new StallingContent(stallAfter: 4 * SmallPackageLimitApp.Limit);

        var response = await client.SendAsync(Upload(engagement, body, token));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("The package was refused: The package is larger than 256 KB, the most accepted.", await DetailAsync(response));
        Assert.Equal(files, FilesAroundTheStore());
    }

    [Fact]
    public async Task A_path_traversal_archive_is_refused_and_nothing_is_written_in_or_beside_the_store()
    {
        var engagement = await CourseDevelopmentOfElr0002Async();
        var (client, token) = await SignInAsync(DemoLogins.Training2);
        var files = FilesAroundTheStore();
        var checks = await ChecksAsync(engagement);

        var response = await client.SendAsync(Upload(engagement, new ByteArrayContent(CoursePackageBuilder.Hostile.WithEntryNamed("../../x")), token, "course.zip"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.StartsWith("The package was refused: ", await DetailAsync(response), StringComparison.Ordinal);
        Assert.Equal(files, FilesAroundTheStore());
        Assert.Equal(checks, await ChecksAsync(engagement));
    }

    [Fact]
    public async Task Without_the_pages_token_someone_elses_rollout_or_signed_out_nothing_is_uploaded()
    {
        var engagement = await CourseDevelopmentOfElr0002Async();
        var zip = CoursePackageBuilder.Scorm2004().Build();
        var files = FilesAroundTheStore();
        var (owner, _) = await SignInAsync(DemoLogins.Training2);
        var (other, otherToken) = await SignInAsync(DemoLogins.Training);

        var noToken = await owner.SendAsync(Upload(engagement, new ByteArrayContent(zip), token: null));
        var notTheirs = await other.SendAsync(Upload(engagement, new ByteArrayContent(zip), otherToken));
        var signedOut = await SignedInClient.Anonymous(app).SendAsync(Upload(engagement, new ByteArrayContent(zip), otherToken));

        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, notTheirs.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Contains("/Account/Login", signedOut.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(files, FilesAroundTheStore());
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex AntiforgeryField();

    /// <summary>A request body of unknown length (sent chunked) that sends <c>stallAfter</c> bytes and then waits until disposed.</summary>
    private sealed class StallingContent(long stallAfter) : HttpContent
    {
        private readonly CancellationTokenSource _released = new();

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var chunk = new byte[16 * 1024];
            try
            {
                for (long sent = 0; sent < stallAfter; sent += chunk.Length)
                {
                    await stream.WriteAsync(chunk, _released.Token);
                    await stream.FlushAsync(_released.Token);
                }

                await Task.Delay(Timeout.Infinite, _released.Token);
            }
            catch (Exception stopped) when (stopped is OperationCanceledException or IOException or ObjectDisposedException or InvalidOperationException)
            {
                // The server stopped reading (it has answered), or the test is done with the body.
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _released.Cancel();
                _released.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
