using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using ElearningRollout.Application.Identity;
using ElearningRollout.Tests.Shared;
using ElearningRollout.Web.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ElearningRollout.Web.Tests.Http;

/// <summary>
/// Issue 14, item 8: in Production (two factors required for administrators) every administration page and endpoint
/// refuses an administrator who signed in with a password only. The routes come from the app itself (every routable
/// component and every endpoint under /admin or /api/admin), so a new administration page without the policy fails here.
/// </summary>
public sealed partial class AdministrationTwoFactorCoverageHttpTests : IAsyncLifetime
{
    private const string AdminEmail = "first.admin@example.test";
    private const string AdminPassword = "correct horse battery staple 14";
    private readonly ProductAppFactory _app = new() { EnvironmentName = "Production", RequireTwoFactorForAdministrators = true };

    public async Task InitializeAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var errors = await scope.ServiceProvider.GetRequiredService<AdministratorBootstrap>().CreateAsync(AdminEmail, "First Admin", AdminPassword);
        Assert.Empty(errors);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Every_administration_route_refuses_a_password_only_administrator()
    {
        var routes = AdministrationRoutes();
        Assert.Contains("/admin/users", routes.Select(r => r.Path));
        Assert.Contains("/admin/audit/export.csv", routes.Select(r => r.Path));
        var client = await SignedInClient.SignInAsync(_app, AdminEmail, AdminPassword);

        var reached = new List<string>();
        foreach (var (method, path) in routes)
        {
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
            var refused = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString == AdministratorTwoFactorPolicy.SetUpPath);
            if (!refused)
            {
                reached.Add($"{method} {path}: {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.True(reached.Count == 0, "Reached without two factors:\n" + string.Join("\n", reached));
    }

    /// <summary>Routable components of the web assembly and the app's endpoints whose path starts with /admin or /api/admin.</summary>
    private IReadOnlyList<(string Method, string Path)> AdministrationRoutes()
    {
        var pages = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
            .Select(r => ("GET", r.Template));
        var endpoints = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, "/" + e.RoutePattern.RawText!.TrimStart('/'))));
        return pages.Concat(endpoints)
            .Where(r => IsAdministration(r.Item2))
            .Select(r => (r.Item1, RouteParameter().Replace(r.Item2, "00000000-0000-0000-0000-000000000001")))
            .Distinct()
            .OrderBy(r => r.Item2, StringComparer.Ordinal)
            .ToList();
    }

    private static bool IsAdministration(string path)
        => path.Equals("/admin", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/admin/", StringComparison.OrdinalIgnoreCase)
            || path.StartsWith("/api/admin", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
