using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ElearningRollout.Web.Tests.Http.Api;

/// <summary>The API's OpenAPI document and its reference page, as served by the real app.</summary>
public sealed partial class ApiDocumentHttpTests(ApiAppFixture fixture) : IClassFixture<ApiAppFixture>
{
    /// <summary>Set to 1 to write the live document over docs/api/openapi.json instead of comparing.</summary>
    private const string UpdateSetting = "ELR_UPDATE_OPENAPI";

    [Fact]
    public async Task The_checked_in_OpenAPI_document_is_the_live_one()
    {
        using var client = ApiClient.Client(fixture.App, null);
        var response = await client.GetAsync("/api/v1/openapi.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var live = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.StartsWith("3.1", (string)live["openapi"]!, StringComparison.Ordinal);
        Assert.NotNull(live["paths"]!["/api/v1/rollouts/{code}"]);
        Assert.Equal("bearer", (string)live["components"]!["securitySchemes"]!["bearer"]!["scheme"]!);
        var liveText = live.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";

        var path = Path.Combine(RepositoryRoot(), "docs", "api", "openapi.json");
        if (Environment.GetEnvironmentVariable(UpdateSetting) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, liveText);
        }

        var checkedIn = File.Exists(path) ? await File.ReadAllTextAsync(path) : "";
        Assert.True(JsonNode.DeepEquals(live, checkedIn.Length == 0 ? null : JsonNode.Parse(checkedIn)),
            $"docs/api/openapi.json differs from the document the app serves at /api/v1/openapi.json. If the API change is intended, regenerate it: "
            + $"{UpdateSetting}=1 dotnet test tests/ElearningRollout.Web.Tests --filter \"FullyQualifiedName~ApiDocumentHttpTests\", then review and commit the file.");
    }

    [Fact]
    public async Task The_reference_page_loads_its_script_from_the_app_itself_under_a_nonce_the_policy_allows()
    {
        using var client = ApiClient.Client(fixture.App, null);

        // Scalar answers /api/docs with a redirect to the relative "docs/", which a browser resolves against the
        // address it asked for (RFC 9110 §10.2.2): /api/docs/. Resolved against the site's root it would be /docs/,
        // a page that does not exist (the 404 this test once met).
        var asked = new Uri(client.BaseAddress!, "/api/docs");
        var redirect = await client.GetAsync(asked);
        Assert.Equal(HttpStatusCode.Found, redirect.StatusCode);
        var pageAddress = new Uri(asked, redirect.Headers.Location!);
        Assert.Equal("/api/docs/", pageAddress.AbsolutePath);
        var page = await client.GetAsync(pageAddress);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.DoesNotContain("https://", policy, StringComparison.Ordinal);
        var sources = ScriptSource().Matches(html).Select(m => m.Groups["src"].Value).ToList();
        Assert.NotEmpty(sources);
        Assert.All(sources, src => Assert.False(Uri.TryCreate(src, UriKind.Absolute, out var uri) && uri.Scheme.StartsWith("http", StringComparison.Ordinal), $"{src} is not served by the app"));
        Assert.DoesNotContain("cdn.jsdelivr", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("fonts.scalar.com", html, StringComparison.OrdinalIgnoreCase);
        foreach (var src in sources)
        {
            var script = await client.GetAsync(new Uri(pageAddress, src));
            Assert.Equal(HttpStatusCode.OK, script.StatusCode);
            Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
            Assert.NotEmpty(await script.Content.ReadAsStringAsync());
            // Whatever the script itself would fetch later (fonts, a proxy, telemetry) is held to the page's policy:
            // default-src, connect-src, font-src and img-src name no host but the app's own (checked above).
        }

        // Inline scripts run only under the page's nonce, which the policy names; nothing else is let in.
        var inline = ScriptTag().Matches(html).Select(m => m.Value).Where(tag => !tag.Contains(" src=", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(inline);
        Assert.All(inline, tag => Assert.Matches(ScriptNonce(), tag));
        foreach (Match nonce in ScriptNonce().Matches(html))
        {
            Assert.Contains($"'nonce-{nonce.Groups["nonce"].Value}'", policy, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("http:", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-eval'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", policy, StringComparison.Ordinal);

        // The document the page reads is served by the app too, without a token.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/openapi.json")).StatusCode);

        // The app's other pages keep the strict policy without a nonce.
        var other = await client.GetAsync("/Account/Login");
        Assert.DoesNotContain("nonce-", other.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !directory.EnumerateFiles("Directory.Packages.props").Any())
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (with Directory.Packages.props) was not found above the test's folder.");
    }

    [GeneratedRegex("<script[^>]*\\ssrc=\"(?<src>[^\"]+)\"")]
    private static partial Regex ScriptSource();

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptTag();

    [GeneratedRegex("<script[^>]*\\snonce=\"(?<nonce>[^\"]+)\"")]
    private static partial Regex ScriptNonce();
}
